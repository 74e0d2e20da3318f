import { expect, test } from "bun:test";
import type { BacktestStatistics, ClosedTrade } from "../stats/index.ts";
import { toChartData } from "./chart-data.ts";

const DAY = 86_400_000;
const candles = [0, 1, 2, 3].map((d) => ({ time: d * DAY, open: 10, high: 11, low: 9, close: 10 }));
const trade = (size: number, entryTime: number, exitTime: number): ClosedTrade =>
  ({ size, entryTime, exitTime, entryPrice: 10, exitPrice: 11, pnl: 1, returnPct: 10, fees: 0, duration: exitTime - entryTime });

test("one marker per entry and exit, on the candle the fill happened in, sorted, in seconds", () => {
  const data = toChartData({
    symbol: "X", statistics: {} as BacktestStatistics, candles, times: [0, DAY, 2 * DAY, 3 * DAY], equity: [1, 2, 3, 4],
    // A short closed mid-bar 2 (12:00), then a long from bar 2 to the last bar.
    trades: [trade(-5, DAY, 2.5 * DAY), trade(3, 2 * DAY, 3 * DAY)],
  });
  expect(data.markers.map((m) => [m.time, m.shape, m.position])).toEqual([
    [86_400, "arrowDown", "aboveBar"], // short entry: a sell
    [172_800, "arrowUp", "belowBar"], // short exit (snapped from 12:00 to the bar's time): a buy
    [172_800, "arrowUp", "belowBar"], // long entry
    [259_200, "arrowDown", "aboveBar"], // long exit
  ]);
  expect(data.markers[0]!.text).toBe("Sell 5 @ 10");
  expect(data.equity[3]).toEqual({ time: 259_200, value: 4 });
  expect(data.candles[1]!.time).toBe(86_400);
});
