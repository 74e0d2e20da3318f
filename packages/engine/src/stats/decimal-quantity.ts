/**
 * Quantities as the decimals a venue keeps, for the trades list: a lot of 16.36335391 taken from a fill of 16.36335395
 * leaves exactly 4e-8 (four satoshi lots), not 4.0000000843e-8, and float noise is told from a real lot by a bound far
 * below any lot a venue trades (the paper venue's own rule, quantity-noise.ts).
 */

// 1e-12 of the size: thousands of ulps of room for the noise of a few adds, yet below one lot for any position under
// 1e12 lots (10,000 BTC in satoshis). 1e-9 would take 10 satoshi lots of 100 BTC for noise.
const RELATIVE_NOISE = 1e-12;

/** True when `value` is float noise against a quantity of `size`: it stands for exactly 0. */
export function isQuantityNoise(value: number, size: number): boolean {
  return Math.abs(value) <= RELATIVE_NOISE * Math.abs(size);
}

/**
 * Whether `a` and `b` are one quantity but for float noise (isQuantityNoise of the larger). Near the bound the float
 * difference's own error decides (a satoshi lot beside 9,999 BTC is 1e-8 against a bound of 9.999e-9), so there the
 * decimal difference is judged; elsewhere the float one, which costs no string.
 */
export function sameQuantity(a: number, b: number): boolean {
  const difference = a - b;
  if (difference === 0) return true;
  const size = Math.max(Math.abs(a), Math.abs(b));
  if (Math.abs(difference) > 2 * RELATIVE_NOISE * size) return false;
  return isQuantityNoise(quantityDifference(a, b), size);
}

/**
 * `a − b` as the decimal difference of the two (0.3 − 0.1 is 0.2, not 0.19999999999999998), when the float difference
 * is within half a unit of their last decimal; otherwise the float difference itself (no decimal to find, e.g. sums
 * such as 0.1 + 0.2 = 0.30000000000000004).
 */
export function quantityDifference(a: number, b: number): number {
  return b === 0 ? a : (decimalDifference(a, b) ?? a - b);
}

/**
 * `a − b` as the decimal difference of their decimals (1234.56789 − 0.001 is 1234.56689), or undefined when the float
 * cannot tell it: decimals past what the doubles hold (sums such as 0.1 + 0.2 = 0.30000000000000004 have 17).
 */
export function decimalDifference(a: number, b: number): number | undefined {
  const decimals = Math.max(decimalsOf(a), decimalsOf(b));
  // The float difference is off the decimal one by at most 1.5 ulps of the larger operand (half an ulp for each operand
  // and for the subtraction); within half a unit of the last decimal, rounding to the decimals gives the decimal one.
  const larger = Math.max(Math.abs(a), Math.abs(b));
  return decimals <= 20 && larger * 3 * Number.EPSILON < 10 ** -decimals ? Number((a - b).toFixed(decimals)) : undefined;
}

/** Decimal places of a number as JavaScript writes it shortest (0.25 → 2, 1.5e-7 → 8, 3 → 0). */
export function decimalsOf(x: number): number {
  const text = String(x);
  const e = text.indexOf("e");
  const mantissa = e < 0 ? text : text.slice(0, e);
  const exponent = e < 0 ? 0 : Number(text.slice(e + 1));
  const dot = mantissa.indexOf(".");
  return Math.max(0, (dot < 0 ? 0 : mantissa.length - dot - 1) - exponent);
}
