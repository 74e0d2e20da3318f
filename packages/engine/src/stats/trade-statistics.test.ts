import { describe, expect, test } from "bun:test";
import { computeTradeStatistics } from "./trade-statistics.ts";
import type { ClosedTrade } from "./types.ts";

const DAY = 86_400_000;

function trade(pnl: number, returnPct: number, fees = 0, duration = DAY): ClosedTrade {
  return { size: 1, entryTime: 0, exitTime: duration, entryPrice: 100, exitPrice: 100, pnl, returnPct, fees, duration };
}

describe("computeTradeStatistics", () => {
  // Four trades: +100 (+10 %), −50 (−5 %), +30 (+3 %), −20 (−2 %).
  const stats = computeTradeStatistics([
    trade(100, 10, 1.5, 2 * DAY), trade(-50, -5, 0.5, 4 * DAY), trade(30, 3, 1, DAY), trade(-20, -2, 1, 5 * DAY),
  ]);

  test("win rate, best, worst and expectancy", () => {
    expect(stats.tradeCount).toBe(4);
    expect(stats.winRatePct).toBe(50);
    expect(stats.bestTradePct).toBeCloseTo(10, 12);
    expect(stats.worstTradePct).toBeCloseTo(-5, 12);
    expect(stats.expectancyPct).toBeCloseTo(1.5, 12); // (10 − 5 + 3 − 2) / 4
  });

  test("profit factor sums returns, not cash: (10 + 3) / (5 + 2)", () => {
    expect(stats.profitFactor).toBeCloseTo(13 / 7, 12);
  });

  test("average trade is the geometric mean of returns", () => {
    expect(stats.avgTradePct).toBeCloseTo(((1.1 * 0.95 * 1.03 * 0.98) ** 0.25 - 1) * 100, 12);
  });

  test("SQN: √4 · mean PnL 15 / sample std √(12900 / 3)", () => {
    expect(stats.sqn).toBeCloseTo((2 * 15) / Math.sqrt(4300), 12);
  });

  test("Kelly: 0.5 − 0.5 / (average win 65 / average loss 35)", () => {
    expect(stats.kellyCriterion).toBeCloseTo(0.5 - 0.5 / (65 / 35), 12);
  });

  test("commissions add up and durations are max and mean", () => {
    expect(stats.commissions).toBeCloseTo(4, 12);
    expect(stats.maxTradeDuration).toBe(5 * DAY);
    expect(stats.avgTradeDuration).toBe(3 * DAY);
  });

  test("only winners: no profit factor and no Kelly (no average loss)", () => {
    const s = computeTradeStatistics([trade(10, 1), trade(20, 2)]);
    expect(s.winRatePct).toBe(100);
    expect(s.profitFactor).toBeNull();
    expect(s.kellyCriterion).toBeNull();
  });

  test("one trade: SQN is undefined (no sample deviation)", () => {
    expect(computeTradeStatistics([trade(10, 1)]).sqn).toBeNull();
  });

  test("a trade losing everything makes the geometric average 0, as in backtesting.py", () => {
    expect(computeTradeStatistics([trade(-100, -100), trade(10, 10)]).avgTradePct).toBe(0);
  });
});
