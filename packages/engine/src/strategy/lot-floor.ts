import { decimalsOf } from "../stats/decimal-quantity.ts";

/**
 * `quantity` rounded down to a whole number of lots: of `step` when the venue states one (> 0), else of the last decimal
 * of `held`, the position's own quantity (a sum of fills on the venue's grid: for a step that is a power of ten, on it).
 * For a close that subtracts an estimate from the position (a quote- or equity-sized order working against it, see
 * signalToRequest): the estimate is already a guess, so what is left goes down to the grid, never up past what is free.
 * A hair below a whole lot (a tenth of a billionth of it, the float and 12-digit noise of the subtraction) counts as it:
 * 3 − float noise is 3 lots, not 2.
 */
export function floorToLot(quantity: number, step: number, held: number): number {
  const scale = step > 0 ? 0 : 10 ** decimalsOf(held);
  const units = step > 0 ? quantity / step : quantity * scale;
  // Past 2^52 the float holds no fraction of a lot to drop; before any lot, nothing to close.
  if (!(units < 2 ** 52)) return quantity;
  const whole = Math.floor(units * (1 + 1e-10) + 1e-9);
  if (whole <= 0) return 0;
  // Dividing a whole number by a power of ten gives the double nearest the decimal; a product with a step, its decimals.
  return step > 0 ? Number((whole * step).toFixed(stepDecimals(step))) : whole / scale;
}

/** Decimal places a step needs (0.001 → 3, 1e-8 → 8, 5 → 0; 15 for one with no short decimal, as 1/3). */
function stepDecimals(step: number): number {
  for (let d = 0; d <= 15; d++) {
    const scaled = step * 10 ** d;
    const whole = Math.round(scaled);
    if (whole >= 1 && Math.abs(scaled - whole) < 1e-9 * scaled) return d;
  }
  return 15;
}
