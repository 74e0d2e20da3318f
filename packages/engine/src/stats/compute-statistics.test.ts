import { describe, expect, test } from "bun:test";
import { join } from "node:path";
import { isArgoError } from "@argo/core";
import { buildRoundTrips } from "./build-round-trips.ts";
import { computeStatistics } from "./compute-statistics.ts";
import { runSmaCrossHandLoop } from "./hand-loop.ts";
import { readOhlcCsv } from "./read-ohlc-csv.ts";
import type { BacktestStatistics, StatisticsInput } from "./types.ts";

const GOOG = join(import.meta.dir, "../../../../../shared/reference/data/GOOG.csv");
const DAY = 86_400_000;

function expectClose(actual: number | null, expected: number, rel = 1e-6): void {
  expect(actual).not.toBeNull();
  expect(Math.abs(actual! - expected)).toBeLessThanOrEqual(Math.abs(expected) * rel);
}

describe("computeStatistics on backtesting.py's test_compute_stats (GOOG, SMA 10/30)", () => {
  const run = runSmaCrossHandLoop(readOhlcCsv(GOOG), { fast: 10, slow: 30, cash: 10_000 });
  const stats = computeStatistics({
    times: run.times, equity: run.equity, closes: run.closes, trades: run.trades,
    startingCash: 10_000, warmupBars: run.warmupBars,
  });

  // Expected values: backtesting.py 0.6.6's test_compute_stats (backtesting/test/_test.py).
  const expected: Partial<Record<keyof BacktestStatistics, number>> = {
    equityFinal: 51422.99, equityPeak: 75787.44, returnPct: 414.2299,
    buyAndHoldReturnPct: 522.0601851851852, exposureTimePct: 96.74115456238361, tradeCount: 66,
    winRatePct: 46.96969696969697, bestTradePct: 53.59595229490424, worstTradePct: -18.39887353835481,
    avgTradePct: 2.531715975158555, maxDrawdownPct: -47.98012705007589, avgDrawdownPct: -5.925851581948801,
    returnAnnPct: 21.191099249053224, volatilityAnnPct: 36.49716090702389, cagrPct: 21.160245705962623,
    sharpeRatio: 0.5806232244485349, sortinoRatio: 1.0853434352488662, calmarRatio: 0.44166409202994605,
    profitFactor: 2.167945974262033, expectancyPct: 3.2748078066748834, sqn: 1.0766187356697705,
    kellyCriterion: 0.1518705127029717,
  };
  for (const [key, value] of Object.entries(expected)) {
    test(`${key} = ${value}`, () => expectClose(stats[key as keyof BacktestStatistics], value!));
  }

  test("durations: max drawdown 584 days, avg drawdown 41 days, max trade 183 days, avg trade 46 days", () => {
    expect(stats.maxDrawdownDuration).toBe(584 * DAY);
    expect(stats.avgDrawdownDuration).toBe(41 * DAY);
    expect(stats.maxTradeDuration).toBe(183 * DAY);
    expect(stats.avgTradeDuration).toBe(46 * DAY);
    expect(stats.duration).toBe(3116 * DAY);
    expect(stats.start).toBe(Date.parse("2004-08-19T00:00:00Z"));
    expect(stats.end).toBe(Date.parse("2013-03-01T00:00:00Z"));
  });

  test("alpha and beta match backtesting.py 0.6's published values (they do not depend on day returns)", () => {
    expectClose(stats.alphaPct, 394.37391142027462);
    expectClose(stats.beta, 0.03803390709192);
  });

  test("GOOG trades on weekdays only: 252 periods a year, no commissions", () => {
    expect(stats.periodsPerYear).toBe(252);
    expect(stats.commissions).toBe(0);
  });

  test("the round-trip builder rebuilds the loop's own trades from its fills", () => {
    const rebuilt = buildRoundTrips(run.fills);
    expect(rebuilt.open).toEqual([]);
    expect(rebuilt.trades.length).toBe(run.trades.length);
    rebuilt.trades.forEach((trade, i) => {
      const own = run.trades[i]!;
      expect(trade.size).toBe(own.size);
      expect(trade.entryTime).toBe(own.entryTime);
      expect(trade.exitTime).toBe(own.exitTime);
      expect(trade.pnl).toBeCloseTo(own.pnl, 9);
      expect(trade.returnPct).toBeCloseTo(own.returnPct, 9);
    });
  });
});

describe("computeStatistics edge cases", () => {
  const times = [0, 1, 2, 3, 4].map((d) => Date.UTC(2024, 0, 1 + d)); // Monday to Friday
  const base: StatisticsInput = { times, equity: [100, 100, 100, 100, 100], closes: [10, 11, 12, 11, 12], trades: [], startingCash: 100 };

  test("no trades and a flat curve: trade figures and risk ratios are null, drawdown 0", () => {
    const s = computeStatistics(base);
    expect(s.tradeCount).toBe(0);
    expect(s.winRatePct).toBeNull();
    expect(s.profitFactor).toBeNull();
    expect(s.sqn).toBeNull();
    expect(s.kellyCriterion).toBeNull();
    expect(s.exposureTimePct).toBe(0);
    expect(s.returnPct).toBe(0);
    expect(s.returnAnnPct).toBe(0);
    expect(s.volatilityAnnPct).toBe(0);
    expect(s.sharpeRatio).toBeNull(); // zero volatility
    expect(s.calmarRatio).toBeNull(); // no drawdown
    expect(s.maxDrawdownPct).toBe(0);
    expect(s.avgDrawdownPct).toBeNull();
    expect(s.maxDrawdownDuration).toBeNull();
    expect(s.buyAndHoldReturnPct).toBeCloseTo(20, 12);
  });

  test("a curve that never loses a day has an infinite Sortino ratio", () => {
    const s = computeStatistics({ ...base, equity: [100, 101, 102, 103, 104] });
    expect(s.sortinoRatio).toBe(Infinity);
    // 4 daily returns compounding to +4 %: g = 1.04^(1/4) − 1, annualised over 252 days.
    expectClose(s.returnAnnPct, (1.04 ** (252 / 4) - 1) * 100, 1e-12);
  });

  test("inconsistent input is rejected naming the field", () => {
    const check = (input: StatisticsInput, field: string) => {
      try {
        computeStatistics(input);
        throw new Error("no error");
      } catch (error) {
        expect(isArgoError(error, "INVALID_DATA")).toBe(true);
        expect((error as Error).message).toContain(field);
      }
    };
    check({ ...base, equity: [1, 2] }, "equity");
    check({ ...base, times: [...times].reverse() }, "times[1]");
    check({ ...base, startingCash: 0 }, "startingCash");
    check({ ...base, warmupBars: 5 }, "warmupBars");
    check({ ...base, riskFreeRate: 1 }, "riskFreeRate");
  });
});
