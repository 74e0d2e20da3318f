// A settlement close the venue refuses whole goes in pieces (close-in-pieces.ts), but it is one close of one position:
// the trades list has one trade per opening order, each closed whole (docs/statistics.md: every opening order is its
// own trade; backtesting.py closes each trade whole), not a trade per piece edge. Expectations worked out by hand.
import { describe, expect, test } from "bun:test";
import { backtest, bars, onBarAt } from "./backtest.test-helper.ts";

// Opens 100 (d0, d1), 110, 120, 130 (d4, the last bar); closes the same.
const RISING = bars("X", [[100, 100, 100, 100], [100, 101, 99, 100], [110, 111, 109, 110], [120, 121, 119, 120], [130, 131, 129, 130]]);
const CAP_10 = { venue: { defaultRules: { stepSize: 1, maxQuantity: 10 } } };

/** Market orders placed on the bars named (index = day): [side, quantity]. */
const ordersOn = (plan: Record<number, ["BUY" | "SELL", number]>) =>
  onBarAt(async (i, _bar, ctx) => {
    const order = plan[i];
    if (order !== undefined) await ctx.placeOrder({ side: order[0], type: "MARKET", quantity: order[1] });
  });

const rows = (trades: readonly { size: number; entryPrice: number; exitPrice: number; pnl: number }[]) =>
  trades.map((t) => [t.size, t.entryPrice, t.exitPrice, t.pnl]);

describe("closeAtEnd in pieces: one trade per opening order", () => {
  test("BUY 7 and BUY 10 under a cap of 10 close in 10 and 7, and give 2 trades, not 3", async () => {
    // Buys fill at d1's open 100 and d2's open 110. At d4's open 130, 17 is refused; the largest earlier fill, 10, is
    // taken, then 7. The first piece closes the 7 and 3 of the 10, the second the other 7 of the 10: as one close,
    // 7 × (130 − 100) = 210 and 10 × (130 − 110) = 200.
    const result = await backtest(RISING, ordersOn({ 0: ["BUY", 7], 1: ["BUY", 10] }), CAP_10);
    expect(result.fills.filter((f) => f.side === "SELL").map((f) => [f.quantity, f.price])).toEqual([[10, 130], [7, 130]]);
    expect(rows(result.trades)).toEqual([[7, 100, 130, 210], [10, 110, 130, 200]]);
    expect(result.statistics.tradeCount).toBe(2);
    expect(result.openTrades).toEqual([]);
  });

  test("a strategy's sell filled at the last open, just before the pieces, stays a trade of its own", async () => {
    // Buys of 10 at 100 (d1) and 10 at 110 (d2); a sell of 3 placed on d3 fills at d4's open 130, the settlement's own
    // price and time. Then 17 is refused and goes as 10 and 7. The strategy's sell closes 3 of the first lot (+90); the
    // pieces close the other 7 of it (+210) and the whole second lot (10 × 20 = +200).
    const result = await backtest(RISING, ordersOn({ 0: ["BUY", 10], 1: ["BUY", 10], 3: ["SELL", 3] }), CAP_10);
    expect(result.fills.filter((f) => f.side === "SELL").map((f) => [f.quantity, f.price])).toEqual([[3, 130], [10, 130], [7, 130]]);
    expect(rows(result.trades)).toEqual([[3, 100, 130, 90], [7, 100, 130, 210], [10, 110, 130, 200]]);
  });
});

describe("the close when out of money in pieces: one trade per opening order", () => {
  test("shorts of 7 and 10 at 100 under a cap of 10, out of money at a close of 700: 2 trades", async () => {
    // Shorts fill at d1's and d2's opens, 100: cash 10,000 + 1,700 = 11,700. d3 closes at 700: 11,700 − 17 × 700 = −200.
    // The close of 17 is refused, then 10 and 7 at 700: −7 × 600 = −4,200 and −10 × 600 = −6,000.
    const input = bars("X", [[100, 100, 100, 100], [100, 101, 99, 100], [100, 101, 99, 100], [700, 701, 699, 700], [700, 701, 699, 700]]);
    const result = await backtest(input, ordersOn({ 0: ["SELL", 7], 1: ["SELL", 10] }), CAP_10);
    expect(result.outOfMoney?.equity).toBe(-200);
    expect(result.fills.filter((f) => f.side === "BUY").map((f) => [f.quantity, f.price])).toEqual([[10, 700], [7, 700]]);
    expect(rows(result.trades)).toEqual([[-7, 100, 700, -4_200], [-10, 100, 700, -6_000]]);
  });
});
