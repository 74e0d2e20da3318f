/** Step arithmetic for ticks and lots; a step of 0 means "no step". Floats are snapped to the step's decimals. */

/** Decimal places a step needs (0.001 → 3, 1e-8 → 8, 5 → 0). */
export function stepDecimals(step: number): number {
  if (!(step > 0)) return 0;
  for (let d = 0; d <= 15; d++) {
    const scaled = step * 10 ** d;
    if (Math.abs(scaled - Math.round(scaled)) < 1e-9 * Math.max(1, scaled)) return d;
  }
  return 15;
}

/** True when `value` is a whole number of `step`s (within float noise). */
export function isMultipleOf(value: number, step: number): boolean {
  if (!(step > 0)) return true;
  const units = value / step;
  return Math.abs(units - Math.round(units)) <= 1e-9 * Math.max(1, Math.abs(units));
}

// The 1e-9 nudges keep 0.3 / 0.1 = 2.9999999999999996 from flooring to 2.
/** Largest multiple of `step` not above `value`. */
export function floorToStep(value: number, step: number, decimals: number): number {
  if (!(step > 0)) return value;
  return Number((Math.floor(value / step + 1e-9) * step).toFixed(decimals));
}

/** Smallest multiple of `step` not below `value`. */
export function ceilToStep(value: number, step: number, decimals: number): number {
  if (!(step > 0)) return value;
  return Number((Math.ceil(value / step - 1e-9) * step).toFixed(decimals));
}

/** Snaps a quantity that should be zero (float noise after adds and subtracts) to exactly zero. */
export function snapZero(value: number, scale: number): number {
  return Math.abs(value) <= 1e-12 * Math.max(1, scale) ? 0 : value;
}
