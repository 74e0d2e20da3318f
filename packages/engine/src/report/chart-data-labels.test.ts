// The chart's marker labels write prices and sizes as a reader reads them: no exponent form (JavaScript's String gives
// "1e-8"), and no float tail of a volume-weighted mean; the digits a venue quotes stay. Expected labels written by hand.
import { expect, test } from "bun:test";
import type { BacktestStatistics, ClosedTrade } from "../stats/index.ts";
import { toChartData } from "./chart-data.ts";

const DAY = 86_400_000;
const candles = [0, 1, 2].map((d) => ({ time: d * DAY, open: 10, high: 11, low: 9, close: 10 }));
const trade = (size: number, entryPrice: number, exitPrice: number, returnPct: number, entryTime: number): ClosedTrade =>
  ({ size, entryTime, exitTime: entryTime + DAY, entryPrice, exitPrice, pnl: 0, returnPct, fees: 0, duration: DAY });
const labels = (trades: ClosedTrade[]) =>
  toChartData({ symbol: "X", statistics: {} as BacktestStatistics, candles, times: [0, DAY, 2 * DAY], equity: [1, 1, 1], trades })
    .markers.map((m) => m.text);

test("a satoshi-sized price and size are written out, not in exponent form", () => {
  // String(1e-8) is "1e-8", String(2.5e-7) is "2.5e-7".
  expect(labels([trade(2.5e-7, 1e-8, 3e-8, 200, 0)])).toEqual(["Buy 0.00000025 @ 0.00000001", "Sell @ 0.00000003 (200.00%)"]);
});

test("a volume-weighted price's float tail is cut; the digits a venue quotes stay", () => {
  // (0.1 + 0.2) is 0.30000000000000004; fills of 3 at 10.1 and 7 at 10.2 average (30.3 + 71.4) / 10 = 10.17, which
  // floats compute as 10.169999999999998.
  const vwap = (10.1 * 3 + 10.2 * 7) / 10;
  expect(String(vwap)).not.toBe("10.17"); // the float noise this test is about
  expect(labels([trade(-(0.1 + 0.2), vwap, 12345.6789, -11.25, 0)])).toEqual(["Sell 0.3 @ 10.17", "Buy @ 12345.6789 (-11.25%)"]);
  expect(labels([trade(5, 1.08765, 1.0877, 0.005, DAY)])).toEqual(["Buy 5 @ 1.08765", "Sell @ 1.0877 (0.01%)"]);
});
