// Small numeric helpers the statistics share, so each is written (and fixed) once.

/** One day in ms. */
export const DAY_MS = 86_400_000;

/** Days in a calendar year on average (pandas' and backtesting.py's year for CAGR). */
export const DAYS_PER_YEAR = 365.25;

/**
 * A figure that overflowed a double (backtesting.py prints inf) or is undefined (NaN) as null: compounding a large gain over a
 * very short run can exceed 1.8e308, and stats.json promises a number or null for everything but the Sortino ratio.
 */
export function finiteOrNull(value: number): number | null {
  return Number.isFinite(value) ? value : null;
}

/** NaN (backtesting.py's undefined figure) as null; every other number, infinities included, as is. */
export function nanToNull(value: number): number | null {
  return Number.isNaN(value) ? null : value;
}

/** Arithmetic mean summed in order; null for no values. */
export function mean(values: ArrayLike<number>): number | null {
  const n = values.length;
  if (n === 0) return null;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += values[i]!;
  return sum / n;
}

/** Largest value; null for no values. */
export function max(values: ArrayLike<number>): number | null {
  const n = values.length;
  if (n === 0) return null;
  let best = -Infinity;
  for (let i = 0; i < n; i++) if (values[i]! > best) best = values[i]!;
  return best;
}

/** Math.sign (1, −1, ±0 or NaN) by comparisons: Bun calls Math.sign out of line, and round trips take it per fill. */
export function sign(value: number): number {
  return value > 0 ? 1 : value < 0 ? -1 : value;
}
