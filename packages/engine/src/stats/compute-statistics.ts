import { annualiseReturns } from "./annualised-returns.ts";
import { annualisation, ceilDuration, dataPeriod, durationResolution } from "./data-period.ts";
import { computeDrawdowns } from "./drawdown.ts";
import { exposureTimePct } from "./exposure.ts";
import { marketBeta } from "./market-beta.ts";
import { periodReturns } from "./period-returns.ts";
import { DAYS_PER_YEAR, finiteOrNull, max, mean, nanToNull } from "./stat-math.ts";
import { computeTradeStatistics } from "./trade-statistics.ts";
import { utcDayRuns } from "./utc-day-runs.ts";
import type { BacktestStatistics, StatisticsInput } from "./types.ts";
import { validateStatisticsInput } from "./validate-input.ts";

/**
 * Statistics of a finished backtest, defined as backtesting.py 0.6.6 defines them (see
 * docs/statistics.md). Pure and O(bars + trades); throws INVALID_DATA on inconsistent input.
 */
export function computeStatistics(input: StatisticsInput): BacktestStatistics {
  validateStatisticsInput(input);
  const { times, equity, closes, trades, startingCash } = input;
  const rf = input.riskFreeRate ?? 0;
  const n = times.length;
  const start = times[0]!;
  const end = times[n - 1]!;
  const duration = end - start;
  const period = dataPeriod(times);
  const resolution = durationResolution(period);

  // The starting cash is the equity before the first bar: a fill on the first bar can already move equity[0] off it.
  let equityPeak = startingCash;
  for (let i = 0; i < n; i++) {
    const value = equity[i]!;
    if (value > equityPeak) equityPeak = value;
  }
  const equityFinal = equity[n - 1]!;
  const returnPct = ((equityFinal - startingCash) / startingCash) * 100;
  const firstClose = closes[input.warmupBars ?? 0]!;
  const buyAndHoldReturnPct = nanToNull(((closes[n - 1]! - firstClose) / firstClose) * 100);

  const days = utcDayRuns(times);
  const { bucket, periodsPerYear } = annualisation(times, period, days);
  const annual = annualiseReturns(periodReturns(times, equity, bucket, days, startingCash), periodsPerYear, rf);
  const returnAnnPct = annual.returnAnn === null ? null : annual.returnAnn * 100;
  const volatilityAnnPct = annual.volatilityAnn === null ? null : annual.volatilityAnn * 100;
  // Calendar years, whole seconds (pandas: Timedelta.days + Timedelta.seconds / 86400).
  const years = Math.floor(duration / 1000) / 86_400 / DAYS_PER_YEAR;
  const cagrPct = years > 0 ? finiteOrNull(((equityFinal / startingCash) ** (1 / years) - 1) * 100) : null;

  const drawdowns = computeDrawdowns(times, equity, startingCash);
  const maxDd = drawdowns.maxDrawdown;
  const sharpeRatio =
    returnAnnPct === null || !volatilityAnnPct ? null : nanToNull((returnAnnPct - rf * 100) / volatilityAnnPct);
  const calmarRatio = annual.returnAnn === null || maxDd === 0 ? null : annual.returnAnn / maxDd;

  const beta = marketBeta(equity, closes);
  const alphaPct =
    beta === null || buyAndHoldReturnPct === null ? null : returnPct - rf * 100 - beta * (buyAndHoldReturnPct - rf * 100);
  const avgDrawdown = mean(drawdowns.peaks);
  const tradeStats = computeTradeStatistics(trades);

  return {
    start,
    end,
    duration,
    exposureTimePct: exposureTimePct(times, trades),
    equityFinal,
    equityPeak,
    commissions: tradeStats.commissions,
    returnPct,
    buyAndHoldReturnPct,
    returnAnnPct,
    volatilityAnnPct,
    cagrPct,
    sharpeRatio,
    sortinoRatio: annual.sortino,
    calmarRatio,
    alphaPct,
    beta,
    maxDrawdownPct: maxDd === 0 ? 0 : -maxDd * 100,
    avgDrawdownPct: avgDrawdown === null ? null : -avgDrawdown * 100,
    maxDrawdownDuration: ceilDuration(max(drawdowns.durations), resolution),
    avgDrawdownDuration: ceilDuration(mean(drawdowns.durations), resolution),
    tradeCount: tradeStats.tradeCount,
    winRatePct: tradeStats.winRatePct,
    bestTradePct: tradeStats.bestTradePct,
    worstTradePct: tradeStats.worstTradePct,
    avgTradePct: tradeStats.avgTradePct,
    maxTradeDuration: ceilDuration(tradeStats.maxTradeDuration, resolution),
    avgTradeDuration: ceilDuration(tradeStats.avgTradeDuration, resolution),
    profitFactor: tradeStats.profitFactor,
    expectancyPct: tradeStats.expectancyPct,
    sqn: tradeStats.sqn,
    kellyCriterion: tradeStats.kellyCriterion,
    periodsPerYear,
  };
}
