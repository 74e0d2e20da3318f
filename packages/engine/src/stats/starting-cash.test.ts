// The starting cash is the equity before the first bar. A fill on the first bar (a limit order placed in init) moves
// equity[0] off it; the running peak, the drawdowns and the period returns must still start from the cash.
// Every expected value is worked out by hand in the comments.
import { describe, expect, test } from "bun:test";
import { expectClose } from "../test-fixtures/goog-parity.ts";
import { computeStatistics } from "./compute-statistics.ts";
import { computeDrawdowns } from "./drawdown.ts";
import { drawdownDefinition as definition } from "./drawdown-definition.test-helper.ts";
import { periodReturns } from "./period-returns.ts";

const DAY = 86_400_000;
const MONDAY = Date.UTC(2024, 0, 1);
const days = (n: number) => Array.from({ length: n }, (_, i) => MONDAY + i * DAY);

// 10,000 cash, 100 bought at 100 on the first bar, closes 60, 61, 60, 62, 61: equity 6,000 + 100 · (close − 60).
const CASH = 10_000;
const LOST_ON_FIRST_BAR = [6_000, 6_100, 6_000, 6_200, 6_100];

describe("computeDrawdowns from the starting cash", () => {
  test("a first bar under the cash opens a period at the first bar's time: 1 − 6,000 / 10,000 = 40 %, 4 days to the end", () => {
    const { maxDrawdown, peaks, durations } = computeDrawdowns(days(5), LOST_ON_FIRST_BAR, CASH);
    expect(maxDrawdown).toBeCloseTo(0.4, 12);
    expect(peaks.length).toBe(1);
    expect(peaks[0]).toBeCloseTo(0.4, 12);
    expect(durations).toEqual([4 * DAY]);
  });

  test("out of money on the first bar (0 from there): a 100 % drawdown over the 3 days of the data", () => {
    expect(computeDrawdowns(days(4), [0, 0, 0, 0], CASH)).toEqual({ maxDrawdown: 1, peaks: [1], durations: [3 * DAY] });
  });

  test("a period from the cash ends at the first bar back at it: 90 then 100 from 100 is 10 % over 1 day", () => {
    const { peaks, durations } = computeDrawdowns(days(4), [90, 100, 95, 100], 100);
    // 90 (10 % under 100) recovers at bar 1, a day after the first bar; 95 (5 % under) recovers at bar 3, 2 days after bar 1.
    expect(peaks.map((p) => Math.round(p * 1e12) / 1e12)).toEqual([0.1, 0.05]);
    expect(durations).toEqual([DAY, 2 * DAY]);
  });

  test("is the bar-by-bar definition over the curve with the cash put before it, at the first bar's time", () => {
    let state = 5;
    const next = () => (state = (state * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
    for (let k = 0; k < 300; k++) {
      let value = 100;
      const equity = Array.from({ length: 1 + Math.floor(next() * 30) }, () => (value *= 1 + (next() - 0.5) * 0.1));
      if (k % 7 === 0) equity[0] = 100; // first bar at the cash: nothing may change
      const cash = k % 2 === 0 ? 100 : equity[0]! * (0.9 + next() * 0.2);
      const times = days(equity.length);
      const got = computeDrawdowns(times, equity, cash);
      expect(got, JSON.stringify({ cash, equity })).toEqual(definition([times[0]!, ...times], [cash, ...equity]));
      if (equity[0]! >= cash) expect(got).toEqual(computeDrawdowns(times, equity));
    }
  });
});

describe("period returns and statistics from the starting cash", () => {
  test("the first day has a return from the cash when equity[0] differs, none when it is the cash", () => {
    const returns = periodReturns(days(2), [90, 99], "D", undefined, 100);
    expect(returns.length).toBe(2);
    expect(returns[0]).toBeCloseTo(-0.1, 12); // 100 → 90
    expect(returns[1]).toBeCloseTo(0.1, 12); // 90 → 99
    expect(periodReturns(days(2), [100, 110], "D", undefined, 100)).toEqual(periodReturns(days(2), [100, 110], "D"));
  });

  test("a loss on the first bar: peak 10,000, drawdown −40 %, annual return and Calmar negative like Return [%]", () => {
    const s = computeStatistics({ times: days(5), equity: LOST_ON_FIRST_BAR, closes: [60, 61, 60, 62, 61], trades: [], startingCash: CASH });
    expect(s.equityPeak).toBe(CASH);
    expect(s.returnPct).toBeCloseTo(-39, 12); // (6,100 − 10,000) / 10,000
    expectClose(s.maxDrawdownPct, -40, 1e-12);
    expectClose(s.avgDrawdownPct, -40, 1e-12);
    expect(s.maxDrawdownDuration).toBe(4 * DAY);
    // Five day returns from the cash, Monday to Friday (252 a year); they compound to 6,100 / 10,000 = 0.61.
    const r = [6_000 / 10_000 - 1, 6_100 / 6_000 - 1, 6_000 / 6_100 - 1, 6_200 / 6_000 - 1, 6_100 / 6_200 - 1];
    const g = 0.61 ** (1 / 5) - 1;
    expectClose(s.returnAnnPct, (0.61 ** (252 / 5) - 1) * 100, 1e-12);
    const m = r.reduce((a, b) => a + b, 0) / 5;
    const variance = r.reduce((a, b) => a + (b - m) ** 2, 0) / 4;
    const volatility = Math.sqrt((variance + (1 + g) ** 2) ** 252 - (1 + g) ** 504);
    expectClose(s.volatilityAnnPct, volatility * 100, 1e-9);
    expectClose(s.calmarRatio, (0.61 ** (252 / 5) - 1) / 0.4, 1e-12);
  });

  test("out of money on the first bar: peak 10,000, drawdown −100 %, annual return 0, Calmar and Sortino 0", () => {
    const s = computeStatistics({ times: days(4), equity: [0, 0, 0, 0], closes: [300, 310, 320, 330], trades: [], startingCash: CASH });
    expect(s.equityPeak).toBe(CASH);
    expect(s.maxDrawdownPct).toBe(-100);
    expect(s.avgDrawdownPct).toBe(-100);
    expect(s.maxDrawdownDuration).toBe(3 * DAY);
    // Day returns: −1 (10,000 → 0), then 0 / 0 three times (none): the geometric mean is 0.
    expect(s.returnAnnPct).toBe(0);
    expect(s.calmarRatio).toBe(0); // 0 / 1
    expect(s.sortinoRatio).toBe(0); // 0 / (√mean(1) · √252)
    // One return has no sample variance: no volatility, so no Sharpe ratio (backtesting.py: NaN).
    expect(s.volatilityAnnPct).toBeNull();
    expect(s.sharpeRatio).toBeNull();
  });
});
