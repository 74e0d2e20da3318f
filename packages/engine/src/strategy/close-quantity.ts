/**
 * What is left to close of a position of `held` with `working` already working against it, without the float noise of
 * the subtraction (0.3 − 0.1 is 0.19999999999999998), and never more than that float difference: a venue keeping its
 * books in floats (the paper venue) holds exactly that much as available and refuses a sell of a hair more. So:
 * - Nothing working: the position itself, as the venue gave it.
 * - Decimals whose difference the float carries (a venue's quantities: 0.4 and 0.1, 1234.56789 and 0.001): the exact
 *   decimal difference (0.3 for 0.30000000000000004) when it is not above the float one.
 * - Otherwise: the float difference to 12 significant digits, rounded down when rounding would go up (0.3 − 0.1 closes
 *   0.199999999999). That is at most 1e-11 of the position below the exact size, which a venue's lot step rounds to
 *   the same order (the paper venue fills 0.2 with a 0.1 step) and is worth nothing without one.
 */
export function closeQuantity(held: number, working: number): number {
  if (working === 0) return held;
  const free = held - working;
  const decimals = Math.max(decimalsOf(held), decimalsOf(working));
  // The float difference is off the decimal one by at most 1.5 ulps of the larger operand (half an ulp for each operand
  // and for the subtraction); within half a unit of the last decimal, rounding to the decimals gives the decimal one.
  if (decimals <= 20 && Math.max(held, working) * 3 * Number.EPSILON < 10 ** -decimals) {
    const exact = Number(free.toFixed(decimals));
    if (exact <= free) return exact;
  }
  return twelveDigitsAtMost(free);
}

/** `free` to 12 significant digits, one unit of the 12th digit lower when rounding went above it. */
function twelveDigitsAtMost(free: number): number {
  const rounded = Number(free.toPrecision(12));
  if (rounded <= free) return rounded;
  const lower = Number((rounded - 10 ** (Math.floor(Math.log10(rounded)) - 11)).toPrecision(12));
  return lower <= free ? lower : free;
}

/** Decimal places of a number as JavaScript writes it shortest (0.25 → 2, 1.5e-7 → 8, 3 → 0). */
function decimalsOf(x: number): number {
  const text = String(x);
  const e = text.indexOf("e");
  const mantissa = e < 0 ? text : text.slice(0, e);
  const exponent = e < 0 ? 0 : Number(text.slice(e + 1));
  const dot = mantissa.indexOf(".");
  return Math.max(0, (dot < 0 ? 0 : mantissa.length - dot - 1) - exponent);
}
