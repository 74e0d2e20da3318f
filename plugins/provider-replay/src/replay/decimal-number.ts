// A decimal number as a data file writes it: optional sign, digits with an optional fraction (".5" and "5." too), an optional
// exponent, and blanks around it (Number() and JavaScript's \s agree on what a blank is).
const DECIMAL = /^\s*[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?\s*$/;
// Besides decimals and blanks, the only text Number() reads as a finite number is 0x1F, 0b11 and 0o17 (any case).
const NON_DECIMAL_PREFIX = /0[xbo]/i;

/**
 * False when no cell of `text` (a whole CSV line) can be a hex, binary or octal number, so its cells need no
 * closer look than Number() and a blank check. One test per line instead of a look at every cell: looking at the
 * characters of every cell split off a line made reading a CSV about 20% slower (bench/replay-read.bench.ts).
 */
export function mayHoldNonDecimal(text: string): boolean {
  return NON_DECIMAL_PREFIX.test(text);
}

/**
 * The finite decimal number `text` holds, else NaN. Number() alone is too lenient: it reads "" and "  " as 0 and
 * "0x10" as 16 (also "0b11", "0o7"), none of which is a price a file meant. `checkForm` false skips the form check
 * for text that {@link mayHoldNonDecimal} cleared.
 */
export function parseDecimal(text: string, checkForm = true): number {
  const value = Number(text);
  if (!Number.isFinite(value)) return Number.NaN;
  // Only a 0 can have been a blank: the look is spared for every other value.
  if (value === 0 && text.trim() === "") return Number.NaN;
  return !checkForm || DECIMAL.test(text) ? value : Number.NaN;
}
