// Sizing resolved by the venue at fill time and commission on traded notional, on bars built for
// the purpose; every expectation is computed by hand in the comments.
import { describe, expect, test } from "bun:test";
import { backtest, bars, onBarAt } from "./backtest.test-helper.ts";

const FEE = { commission: { makerRate: 0.001, takerRate: 0.001 } };
// d0 decides, d1 opens at 103, d2 opens at 110, d3 opens at 100.
const rows = bars("XYZ", [
  [100, 101, 99, 100],
  [103, 104, 102, 103],
  [110, 111, 109, 110],
  [100, 112, 99, 105],
]);

describe("equityFraction and quoteAmount are resolved at the fill, rounded down to the lot step", () => {
  test("equityFraction 1 with 0.1 % commission: floor(10,000 / (103 · 1.001)) = 96 shares, fee charged at entry and at exit", async () => {
    const result = await backtest(rows, onBarAt(async (i, _bar, ctx) => {
      if (i === 0) await ctx.signal({ action: "OPEN_LONG", equityFraction: 1 });
      if (i === 1) await ctx.signal({ action: "CLOSE_LONG" });
    }), { venue: FEE });
    // Entry: 96 · 103 = 9,888, fee 9.888, cash 102.112. Exit: 96 · 110 = 10,560, fee 10.56, cash 10,651.552.
    expect(result.fills.map((f) => [f.side, f.quantity, f.price])).toEqual([["BUY", 96, 103], ["SELL", 96, 110]]);
    expect(result.fills[0]!.fee).toBeCloseTo(9.888, 12);
    expect(result.fills[1]!.fee).toBeCloseTo(10.56, 12);
    const trade = result.trades[0]!;
    expect(trade.pnl).toBeCloseTo(96 * 7 - 9.888 - 10.56, 9);
    expect(trade.fees).toBeCloseTo(20.448, 12);
    expect(trade.returnPct).toBeCloseTo((110 / 103 - 1) * 100 - (20.448 / (96 * 103)) * 100, 9);
    expect(result.statistics.commissions).toBeCloseTo(20.448, 12);
    const expected = [10_000, 102.112 + 96 * 103, 10_651.552, 10_651.552];
    result.equity.equity.forEach((value, i) => expect(value).toBeCloseTo(expected[i]!, 9));
  });

  test("equityFraction 0.5: floor(5,000 / 103.103) = 48 shares", async () => {
    const result = await backtest(rows, onBarAt((i, _bar, ctx) => (i === 0 ? ctx.signal({ action: "OPEN_LONG", equityFraction: 0.5 }) : undefined)), {
      venue: FEE, engine: { closeAtEnd: false },
    });
    expect(result.fills.map((f) => [f.quantity, f.price])).toEqual([[48, 103]]);
    expect(result.account.balance).toBeCloseTo(10_000 - 48 * 103 - 48 * 103 * 0.001, 9);
  });

  test("quoteAmount 1,000 with lot step 0.01 leaves room for the fee: 1,000 / (103 × 1.001) = 9.698… → 9.69", async () => {
    const result = await backtest(rows, onBarAt((i, _bar, ctx) => (i === 0 ? ctx.placeOrder({ side: "BUY", quoteAmount: 1_000 }) : undefined)), {
      venue: { ...FEE, defaultRules: { stepSize: 0.01 } }, engine: { closeAtEnd: false },
    });
    expect(result.fills.map((f) => [f.quantity, f.price])).toEqual([[9.69, 103]]);
    // 9.69 × 103 = 998.07; fee 0.1 % of it = 0.99807; together 999.06807, within the 1,000.
    expect(result.fills[0]!.fee).toBeCloseTo(0.99807, 12);
    expect(result.account.balance).toBeCloseTo(10_000 - 998.07 - 0.99807, 9);
  });

  test("a reversal closes first and sizes the new side from the freed cash, leaving room for the fee (as backtesting.py)", async () => {
    const result = await backtest(rows, onBarAt(async (i, _bar, ctx) => {
      if (i === 0) await ctx.signal({ action: "OPEN_LONG", equityFraction: 1 });
      if (i === 1) {
        await ctx.signal({ action: "CLOSE_LONG" });
        await ctx.signal({ action: "OPEN_SHORT", equityFraction: 1 });
      }
    }), { venue: FEE });
    // d2 open 110: close 96 → cash 10,651.552; short floor(10,651.552 / 110.11) = 96, fee 10.56 → cash 21,200.992.
    // Final pass at d3's open 100: buy 96, fee 9.6 → cash 11,591.392.
    expect(result.fills.map((f) => [f.side, f.quantity, f.price])).toEqual([
      ["BUY", 96, 103], ["SELL", 96, 110], ["SELL", 96, 110], ["BUY", 96, 100],
    ]);
    expect(result.trades.map((t) => [t.size, t.entryPrice, t.exitPrice])).toEqual([[96, 103, 110], [-96, 110, 100]]);
    expect(result.trades[1]!.pnl).toBeCloseTo(96 * 10 - 10.56 - 9.6, 9);
    expect(result.statistics.commissions).toBeCloseTo(9.888 + 10.56 + 10.56 + 9.6, 9);
    expect(result.equity.equity[2]).toBeCloseTo(21_200.992 - 96 * 110, 9);
    expect(result.finalEquity).toBeCloseTo(11_591.392, 9);
    expect(result.statistics.equityFinal).toBeCloseTo(11_591.392, 9);
  });
});
