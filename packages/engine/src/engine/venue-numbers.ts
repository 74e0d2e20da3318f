/**
 * Relative slack when quantities a venue reports are compared: partial fills summed in floating point land a few units
 * of the last place off their order's quantity (0.1 + 0.2 is not 0.3), which is rounding, not an overfill.
 */
export const QUANTITY_SLACK = 1e-9;

/** Whether `value` is a number that is neither NaN nor infinite. */
export function isFiniteNumber(value: unknown): value is number {
  return typeof value === "number" && Number.isFinite(value);
}

/** Whether `value` is a finite number of zero or more: a quantity or a price a venue may report before any fill. */
export function isCount(value: unknown): value is number {
  return isFiniteNumber(value) && value >= 0;
}

/** Whether `amount` is past `limit` by more than float rounding ({@link QUANTITY_SLACK}, relative). */
export function pastQuantity(amount: number, limit: number): boolean {
  return amount - limit > QUANTITY_SLACK * Math.abs(limit);
}

/**
 * A venue's value for a message: a number as it is (NaN, -1, 1e+21: never a credential), anything else only by its kind,
 * since a venue may echo a key or a token in a field that should hold a number.
 */
export function shownNumber(value: unknown): string {
  if (typeof value === "number") return String(value);
  if (value === undefined || value === null) return String(value);
  return `a ${typeof value}`;
}
