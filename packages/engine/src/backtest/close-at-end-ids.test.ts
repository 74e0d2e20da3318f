import { describe, expect, test } from "bun:test";
import { backtest, bars, strategy, T0, DAY } from "./backtest.test-helper.ts";

const PRICES = [
  [100, 100, 100, 100],
  [100, 101, 99, 100], // the first buy fills at this open, 100
  [102, 103, 101, 102], // the second buy fills at this open, 102
  [104, 106, 103, 105], // last bar: open 104, close 105
] as const;

describe("the end-of-backtest close takes an id no order of the strategy has", () => {
  test("a strategy that chose the engine's id forms still has its position closed at the end", async () => {
    // "bt-1" is the engine's first id; "bt-end-1" the form end-of-data closes once had.
    const s = strategy({
      onBar: async (b, ctx) => {
        if (b.openTime === T0) await ctx.placeOrder({ side: "BUY", quantity: 10, clientOrderId: "bt-1" });
        if (b.openTime === T0 + DAY) await ctx.placeOrder({ side: "BUY", quantity: 5, clientOrderId: "bt-end-1" });
      },
    });
    const result = await backtest(bars("X", PRICES), s);
    expect([result.counters.errors, result.warnings]).toEqual([0, []]);
    expect(result.positions).toEqual([]);
    const fills = result.fills.map((f) => [f.clientOrderId, f.side, f.quantity, f.price]);
    expect(fills).toEqual([
      ["bt-1", "BUY", 10, 100],
      ["bt-end-1", "BUY", 5, 102],
      ["bt-2", "SELL", 15, 104],
    ]);
    expect(result.finalEquity).toBeCloseTo(10_000 + 10 * 4 + 5 * 2, 9);
  });
});
