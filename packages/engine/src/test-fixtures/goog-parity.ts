import { expect, test } from "bun:test";
import type { BacktestStatistics } from "../stats/types.ts";

const DAY = 86_400_000;

/**
 * backtesting.py 0.6.6's test_compute_stats figures for GOOG daily, SMA 10/30 cross, all-in whole shares, 10,000 cash,
 * no commission (alpha and beta: backtesting.py 0.6's published values). Both the statistics test and the end-to-end
 * backtest parity test hold their results against these.
 */
export const GOOG_SMA_CROSS_EXPECTED: Partial<Record<keyof BacktestStatistics, number>> = {
  equityFinal: 51422.99, equityPeak: 75787.44, returnPct: 414.2299,
  buyAndHoldReturnPct: 522.0601851851852, exposureTimePct: 96.74115456238361, tradeCount: 66,
  winRatePct: 46.96969696969697, bestTradePct: 53.59595229490424, worstTradePct: -18.39887353835481,
  avgTradePct: 2.531715975158555, maxDrawdownPct: -47.98012705007589, avgDrawdownPct: -5.925851581948801,
  returnAnnPct: 21.191099249053224, volatilityAnnPct: 36.49716090702389, cagrPct: 21.160245705962623,
  sharpeRatio: 0.5806232244485349, sortinoRatio: 1.0853434352488662, calmarRatio: 0.44166409202994605,
  profitFactor: 2.167945974262033, expectancyPct: 3.2748078066748834, sqn: 1.0766187356697705,
  kellyCriterion: 0.1518705127029717, alphaPct: 394.37391142027462, beta: 0.03803390709192,
};

/** Asserts `actual` is within `rel` (relative) of `expected`. */
export function expectClose(actual: number | null, expected: number, rel = 1e-6): void {
  expect(actual).not.toBeNull();
  expect(Math.abs(actual! - expected)).toBeLessThanOrEqual(Math.abs(expected) * rel);
}

/** Registers one test per expected figure and one for the durations (584, 41, 183 and 46 days; 3116 days in all). */
export function testGoogParity(stats: () => BacktestStatistics): void {
  for (const [key, value] of Object.entries(GOOG_SMA_CROSS_EXPECTED)) {
    test(`${key} = ${value}`, () => expectClose(stats()[key as keyof BacktestStatistics], value!));
  }
  test("durations: max drawdown 584 days, avg drawdown 41 days, max trade 183 days, avg trade 46 days", () => {
    const s = stats();
    expect(s.maxDrawdownDuration).toBe(584 * DAY);
    expect(s.avgDrawdownDuration).toBe(41 * DAY);
    expect(s.maxTradeDuration).toBe(183 * DAY);
    expect(s.avgTradeDuration).toBe(46 * DAY);
    expect(s.duration).toBe(3116 * DAY);
    expect(s.start).toBe(Date.parse("2004-08-19T00:00:00Z"));
    expect(s.end).toBe(Date.parse("2013-03-01T00:00:00Z"));
  });
}
