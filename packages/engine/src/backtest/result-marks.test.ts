import { describe, expect, test } from "bun:test";
import { backtest, bar, onBarAt } from "./backtest.test-helper.ts";

describe("the result's account and positions", () => {
  test("are marked at the last close, as the final equity is, not at the venue's mark of the last fill", async () => {
    // Closes 100..104; a buy of 10 decided on bar 0 fills at bar 1's open, 101; the run keeps it open to the end.
    const bars = [0, 1, 2, 3, 4].map((d) => bar("B", d, 100 + d, 102 + d, 98 + d, 100 + d));
    const result = await backtest(bars, onBarAt(async (i, _bar, ctx) => void (i === 0 && (await ctx.placeOrder({ side: "BUY", quantity: 10 })))), {
      engine: { closeAtEnd: false },
    });
    // By hand: cash 10,000 − 10 × 101 = 8,990; marked at 104: equity 8,990 + 1,040 = 10,030, unrealized (104 − 101) × 10 = 30.
    expect(result.finalEquity).toBe(10_030);
    // Before, 9,990 and −10: the venue's events came with the fill, when the mark was bar 0's close, 100.
    expect(result.account.equity).toBe(10_030);
    expect(result.account.unrealizedPnl).toBe(30);
    expect(result.positions.map((p) => [p.quantity, p.marketPrice, p.unrealizedPnl])).toEqual([[10, 104, 30]]);
  });
});
