/**
 * What a close may still take of a position of `held` with `working` against it ({@link closeQuantity}), or undefined
 * when those orders cover it: what is free is float noise of partial fills at most, or they are of unknown size (NaN).
 */
export function closeRoom(held: number, working: number): number | undefined {
  return held - working > held * 1e-9 ? closeQuantity(held, working) : undefined;
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
  const free = held - working;
  const decimals = Math.max(decimalsOf(held), decimalsOf(working));
  // The float difference is off the decimal one by at most 1.5 ulps of the larger operand (half an ulp for each operand
  // and for the subtraction); within half a unit of the last decimal, rounding to the decimals gives the decimal one.
  if (decimals <= 20 && Math.max(held, working) * 3 * Number.EPSILON < 10 ** -decimals) {
    return Number(free.toFixed(decimals));
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
