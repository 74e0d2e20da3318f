// A fill belongs to the bar it traded in. A market order that arrives inside a bar (venue latency) trades at that bar's
// close, an instant that is also the next bar's open, where an order that arrived by then trades: the two carry the same
// venue stamp. The result records the first on its bar's last millisecond, so the trade's entry time, the report's
// marker and the exposure put it on its own bar, while the second stays on the next bar. Expectations worked out by hand.
import { describe, expect, test } from "bun:test";
import { toChartData } from "../report/chart-data.ts";
import { backtest, bars, DAY, onBarAt, T0 } from "./backtest.test-helper.ts";
import { toBacktestResults } from "./backtest-report.ts";

// d0 … d3; d1 closes at 105, d2 opens at 110.
const rows = bars("X", [[100, 100, 100, 100], [100, 106, 99, 105], [110, 111, 109, 110], [120, 121, 119, 120]]);
const iso = (ms: number) => new Date(ms).toISOString();
const markerDays = (result: Awaited<ReturnType<typeof backtest>>) =>
  toChartData(toBacktestResults(result)).markers.map((m) => [iso(m.time * 1000), m.text]);

describe("a market order arriving inside the bar after the one it was placed on (latency 1 hour, daily bars)", async () => {
  // Placed at d0's close; arrives at d1 01:00; trades at d1's close 105. Closed at the end at d3's close 120.
  const result = await backtest(rows, onBarAt((i, _b, ctx) => (i === 0 ? ctx.placeOrder({ side: "BUY", quantity: 10 }) : undefined)), {
    venue: { latencyMs: 3_600_000 }, engine: { closeAtEnd: "last-close" },
  });

  test("the fill is recorded on d1's last millisecond (T0 + 2 days − 1), not at d2's open", () => {
    expect(result.fills.map((f) => [f.side, f.price, f.time])).toEqual([["BUY", 105, T0 + 2 * DAY - 1], ["SELL", 120, T0 + 3 * DAY]]);
    expect(result.trades[0]!.entryTime).toBe(T0 + 2 * DAY - 1);
  });

  test("the report's buy marker is on d1's candle, the one whose close it traded at", () => {
    expect(markerDays(result)).toEqual([[iso(T0 + DAY), "Buy 10 @ 105"], [iso(T0 + 3 * DAY), "Sell @ 120 (14.29%)"]]);
  });

  test("exposure counts d1, d2 and d3: 3 of 4 bars = 75 %", () => {
    expect(result.statistics.exposureTimePct).toBe(75);
  });
});

describe("without latency, an order placed at d1's close trades at d2's open, the same instant: it stays on d2", async () => {
  const result = await backtest(rows, onBarAt((i, _b, ctx) => (i === 1 ? ctx.placeOrder({ side: "BUY", quantity: 10 }) : undefined)), {
    engine: { closeAtEnd: "last-close" },
  });

  test("stamped d2's open time, marked on d2's candle; exposure d2 and d3: 50 %", () => {
    expect(result.fills[0]!.time).toBe(T0 + 2 * DAY);
    expect(markerDays(result)[0]).toEqual([iso(T0 + 2 * DAY), "Buy 10 @ 110"]);
    expect(result.statistics.exposureTimePct).toBe(50);
  });
});
