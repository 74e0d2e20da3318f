import { geometricMean } from "./geometric-mean.ts";
import { mean as average, finiteOrNull, nanToNull } from "./stat-math.ts";

/** Annualised return, volatility and Sortino ratio of periodic returns, as fractions. */
export interface AnnualisedReturns {
  /** (1 + g)^P − 1, with g the geometric mean period return and P the periods per year; null when it overflows. */
  returnAnn: number | null;
  /** √((s² + (1 + g)²)^P − (1 + g)^(2P)), with s² the sample variance of the period returns; null when it overflows. */
  volatilityAnn: number | null;
  /** (returnAnn − rf) / (√mean(min(r, 0)²) · √P); Infinity when no period lost, null without a finite returnAnn. */
  sortino: number | null;
}

/**
 * Annualises period returns assuming compounding, the way backtesting.py does
 * (its reference: https://dx.doi.org/10.2139/ssrn.3054517).
 */
export function annualiseReturns(returns: readonly number[], periodsPerYear: number, riskFreeRate: number): AnnualisedReturns {
  const g = geometricMean(returns);
  if (g === null) return { returnAnn: null, volatilityAnn: null, sortino: null };
  const returnAnn = finiteOrNull((1 + g) ** periodsPerYear - 1);
  if (returnAnn === null) return { returnAnn, volatilityAnn: null, sortino: null };

  // A period from 0 equity to 0 (after a backtest ran out of money) has no return (0 / 0): like pandas' var and mean,
  // which backtesting.py uses, the moments leave it out. The geometric mean is 0 already (a −100 % period came first).
  const defined = returns.some(Number.isNaN) ? returns.filter((r) => !Number.isNaN(r)) : returns;
  const n = defined.length;
  const mean = n === 0 ? Number.NaN : average(defined)!;
  let squares = 0;
  let downside = 0;
  for (const r of defined) {
    squares += (r - mean) ** 2;
    if (r < 0) downside += r * r;
  }
  const variance = n > 1 ? squares / (n - 1) : Number.NaN;
  const volatilityAnn = Math.sqrt((variance + (1 + g) ** 2) ** periodsPerYear - (1 + g) ** (2 * periodsPerYear));
  const sortino = (returnAnn - riskFreeRate) / (Math.sqrt(downside / n) * Math.sqrt(periodsPerYear));
  return { returnAnn, volatilityAnn: finiteOrNull(volatilityAnn), sortino: nanToNull(sortino) };
}
