import { stepDecimals } from "@argo/core";
import { decimalsOf } from "../stats/decimal-quantity.ts";

/**
 * What a close beside an estimate may send, on the venue's lot grid (a quote- or equity-sized order working against the
 * position, see signalToRequest): `free`, the float difference of the position `held` and what works against it,
 * rounded down to a whole number of lots of `step` (> 0). The estimate is already a guess, so the close never goes past
 * what is free, but for the float error of that one subtraction: a lot boundary within a few ulps of `held` counts as
 * reached (10 − 7.250000000000001 with step 0.001 is 2.75, not 2.749), and nothing more does, however many lots the
 * position holds (100 BTC is 1e10 satoshi lots: a relative nudge there would add whole lots).
 */
export function floorToLot(free: number, step: number, held: number): number {
  const units = free / step;
  // Past 2^52 the float holds no fraction of a lot to drop.
  if (!(units < 2 ** 52)) return free;
  // Half an ulp for each operand and for the subtraction, with room to spare; the division's own error is ~1e-16 of units.
  const slack = 4 * Number.EPSILON * Math.abs(held);
  let whole = Math.floor((free + slack) / step);
  if (whole * step > free + slack) whole -= 1;
  if (whole <= 0) return 0;
  // A product with a step carries its float error: written with the step's decimals, it is the decimal.
  return Number((whole * step).toFixed(stepDecimals(step)));
}

/**
 * A close beside an estimate when the venue states no lot step (`free` as closeRoom gives it, to 12 digits): the grid is
 * unknown, so nothing is floored (a position of 1 with 0.4 working closes 0.6, which a venue trading tenths takes); only
 * the 12-digit noise next to a number of the position's own decimals is snapped to it (10.25 − 7.250000000000001 closes
 * 3, not 2.99999999999, which no venue's grid holds).
 */
export function snapToHeldDecimals(free: number, held: number): number {
  const scale = 10 ** decimalsOf(held);
  const nearest = Math.round(free * scale) / scale;
  // One unit of the 12th significant digit either way: what twelveDigitsAtMost may have moved it by.
  return Math.abs(nearest - free) <= Math.abs(free) * 1e-11 ? nearest : free;
}
