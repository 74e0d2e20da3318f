// Several symbols: histories merged by time, one equity point per time step, the benchmark's closes.
import { describe, expect, test } from "bun:test";
import { backtest, bar, DAY, strategy, T0 } from "./backtest.test-helper.ts";

// B has no bar on day 1.
const input = [
  bar("A", 0, 100, 100, 100, 100), bar("A", 1, 102, 104, 101, 104), bar("A", 2, 105, 106, 103, 103), bar("A", 3, 101, 102, 99, 100),
  bar("B", 0, 50, 50, 50, 50), bar("B", 2, 55, 56, 54, 56), bar("B", 3, 57, 60, 57, 60),
];

function buyOnFirstBars(seen: string[]) {
  return strategy({
    onBar(b, ctx) {
      seen.push(`${b.symbol}${(b.openTime - T0) / DAY}`);
      if (b.openTime === T0) return ctx.placeOrder({ side: "BUY", quantity: b.symbol === "A" ? 10 : 5 }).then(() => undefined);
    },
  });
}

describe("a backtest over two symbols", async () => {
  const seen: string[] = [];
  const result = await backtest(input, buyOnFirstBars(seen));

  test("bars reach the strategy in time order, ties in the order of the symbols", () => {
    expect(seen).toEqual(["A0", "B0", "A1", "A2", "B2", "A3", "B3"]);
    expect(result.bars).toBe(7);
  });

  test("each order fills at the next bar of its own symbol: A on day 1, B (no bar on day 1) on day 2", () => {
    expect(result.fills.slice(0, 2).map((f) => [f.symbol, f.price, f.time])).toEqual([["A", 102, T0 + DAY], ["B", 55, T0 + 2 * DAY]]);
  });

  test("one equity point per time step, marked after all symbols of that time", () => {
    // d1: 10,000 − 1,020 + 10 · 104; d2: − 275 + 10 · 103 + 5 · 56; d3 (final pass at the opens 101 and 57): cash.
    expect(Array.from(result.equity.times)).toEqual([0, 1, 2, 3].map((d) => T0 + d * DAY));
    const expected = [10_000, 8_980 + 1_040, 8_705 + 1_030 + 280, 8_705 + 1_010 + 285];
    result.equity.equity.forEach((value, i) => expect(value).toBeCloseTo(expected[i]!, 9));
    expect(Array.from(result.equity.closes)).toEqual([100, 104, 103, 100]);
  });

  test("the final pass closes every symbol at its last open; trades carry their symbol, in order of exit", () => {
    expect(result.trades.map((t) => [t.symbol, t.size, t.entryPrice, t.exitPrice, t.pnl])).toEqual([["A", 10, 102, 101, -10], ["B", 5, 55, 57, 10]]);
    expect(result.statistics.tradeCount).toBe(2);
    expect(result.finalEquity).toBeCloseTo(10_000, 9);
  });

  test("benchmarkSymbol B: its closes carried over the step without a bar, its candles, warm-up in its own bars", async () => {
    const onB = await backtest(input, buyOnFirstBars([]), { engine: { benchmarkSymbol: "B", warmupBars: 1 } });
    expect(Array.from(onB.equity.closes)).toEqual([50, 50, 56, 60]);
    expect(Array.from(onB.candles.times)).toEqual([T0, T0 + 2 * DAY, T0 + 3 * DAY]);
    // B's bar 1 is on day 2, the third step: buy & hold from 56 to 60.
    expect(onB.warmupBars).toBe(2);
    expect(onB.statistics.buyAndHoldReturnPct).toBeCloseTo((60 / 56 - 1) * 100, 12);
  });
});
