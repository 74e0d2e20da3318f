/**
 * Geometric mean of simple returns (fractions): exp(mean(ln(1 + r))) − 1; 0 when any return is
 * −100 % or worse (as in backtesting.py), null for an empty list.
 */
export function geometricMean(returns: ArrayLike<number>): number | null {
  const n = returns.length;
  if (n === 0) return null;
  let logSum = 0;
  for (let i = 0; i < n; i++) {
    const growth = 1 + returns[i]!;
    if (!(growth > 0)) return 0;
    logSum += Math.log(growth);
  }
  return Math.exp(logSum / n) - 1;
}
