import { decimalDifference, isQuantityNoise } from "../stats/decimal-quantity.ts";

/**
 * What a close may still take of a position of `held` with `working` against it ({@link closeQuantity}), or undefined
 * when those orders cover it: what is free is float noise of partial fills at most, or they are of unknown size (NaN).
 */
export function closeRoom(held: number, working: number): number | undefined {
  const free = held - working;
  // Noise by the venue's bound (1e-12 of the position): 9 satoshi left of 100 BTC are a close, not noise.
  return free > 0 && !isQuantityNoise(free, held) ? closeQuantity(held, working) : undefined;
}

/**
 * What is left to close of a position of `held` with `working` already working against it, as the decimal a venue
 * keeps, without the float noise of the subtraction (0.3 − 0.1 is 0.19999999999999998; a LOT_SIZE filter refuses that,
 * or a provider floors it to 0.1 and leaves 0.1 open). So:
 * - Nothing working: the position itself, as the venue gave it.
 * - Decimals whose difference the float carries (a venue's quantities: 0.3 and 0.1, 1234.56789 and 0.001): the exact
 *   decimal difference (0.2), even a hair above the float one. A venue in floats takes it as all that is free (the
 *   paper venue counts an excess of float noise as reducing all of it).
 * - Otherwise (float sums such as 0.1 + 0.2 = 0.30000000000000004, no decimal to find): the float difference to 12
 *   significant digits, rounded down when rounding would go up, so never more than is free.
 * - NaN in (orders of unknown size working): NaN out, which callers read as no room to close into.
 */
export function closeQuantity(held: number, working: number): number {
  if (working === 0) return held;
  return decimalDifference(held, working) ?? twelveDigitsAtMost(held - working);
}

/** `free` to 12 significant digits, one unit of the 12th digit lower when rounding went above it. */
function twelveDigitsAtMost(free: number): number {
  const rounded = Number(free.toPrecision(12));
  if (rounded <= free) return rounded;
  const lower = Number((rounded - 10 ** (Math.floor(Math.log10(rounded)) - 11)).toPrecision(12));
  return lower <= free ? lower : free;
}
