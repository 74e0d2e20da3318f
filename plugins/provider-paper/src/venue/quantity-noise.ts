/**
 * The venue's one rule for float noise in position quantities. Positions and what open orders reserved of them are
 * floats, while traders ask for decimals: long 0.3 with 0.1 reserved leaves 0.3 − 0.1 = 0.19999999999999998, and buys
 * of 0.1 and 0.7 hold 0.7999999999999999; a close of the exact 0.2 or 0.8 is above those by an ulp or a few. Such an
 * excess is noise, not a quantity: a reduction within it reduces all of the position and opens nothing.
 *
 * The bound is 1e-12 of the position's size. Noise of a few adds and subtracts is a few ulps (2.2e-16 each), so this is
 * over 4,000 ulps of room; yet it stays below one lot for any position under 1e12 lots (10,000 BTC in satoshis is
 * 1e12), where 1e-9 would swallow a real lot of 10 BTC held in satoshi steps. What a reduction credits beyond the float
 * position is at most 1e-12 of its value: a tenth of a cent on a billion.
 */
const RELATIVE_NOISE = 1e-12;

/**
 * Largest amount a quantity may differ from a position of `size` (or a part of it) by float noise alone; with a lot
 * `step`, at most half a lot, so that a whole lot more than the position (1e-8 on 20,000 in satoshi steps) is never noise.
 */
export function quantityNoise(size: number, step = 0): number {
  const noise = RELATIVE_NOISE * (size < 0 ? -size : size);
  return step > 0 && noise > step / 2 ? step / 2 : noise;
}

/** True when `quantity` is at most `available` plus `noise` (quantityNoise): reducing it takes all of `available`. */
export function withinReach(quantity: number, available: number, noise: number): boolean {
  return quantity <= available + noise;
}

/** True when `value` is float noise against a position (or order) of `size`: it stands for exactly 0. */
export function isDust(value: number, size: number): boolean {
  return (value < 0 ? -value : value) <= quantityNoise(size);
}
