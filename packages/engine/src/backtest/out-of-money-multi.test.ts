// Out of money over two symbols: the equity of a time step is marked after all its symbols, so the stop falls at the
// step, every symbol is closed at its own last close (a symbol without a bar then at its earlier one), and the bars of
// both symbols after it are recorded at 0. Every expectation is computed by hand in the comments.
import type { Bar, StreamOptions } from "@argo/core";
import { describe, expect, test } from "bun:test";
import { backtest, bar, DAY, strategy, T0 } from "./backtest.test-helper.ts";
import { InMemoryMarketData } from "./in-memory-market-data.ts";

/** The same bars behind a history that is only async-iterable: the replay waits for every bar. */
class AsyncOnly extends InMemoryMarketData {
  override history(symbol: string, interval: string, from: number, to: number, options?: StreamOptions) {
    const inner = super.history(symbol, interval, from, to, options);
    return { async *[Symbol.asyncIterator]() { for await (const b of inner) yield b; } } as unknown as ReturnType<InMemoryMarketData["history"]>;
  }
}

// A has no bar on d2: it is marked, and closed, at its d1 close 90. B rises from 50 to 150 by d2's close.
const input = [
  bar("A", 0, 100, 100, 100, 100), bar("A", 1, 100, 100, 90, 90), bar("A", 3, 80, 85, 75, 80), bar("A", 4, 70, 75, 65, 70),
  bar("B", 0, 50, 50, 50, 50), bar("B", 1, 50, 60, 50, 60), bar("B", 2, 100, 150, 100, 150), bar("B", 3, 140, 145, 130, 140),
];

/** Buys 50 A and sells 100 B on the first bars, noting every bar it sees. */
function longAShortB(seen: string[]) {
  return strategy({
    async onBar(b: Bar, ctx) {
      seen.push(`${b.symbol}${(b.openTime - T0) / DAY}`);
      if (b.openTime !== T0) return;
      // Filled at d1's opens: buy 50 A at 100 (−5,000), sell 100 B at 50 (+5,000): cash 10,000.
      await ctx.placeOrder(b.symbol === "A" ? { side: "BUY", quantity: 50 } : { side: "SELL", quantity: 100 });
    },
  });
}

describe("long A and short B, each half the equity, when B triples", async () => {
  const seen: string[] = [];
  const result = await backtest(input, longAShortB(seen));

  test("d2 (B's bar only) marks 10,000 + 50 · 90 − 100 · 150 = −500: out of money at that step", () => {
    // d1: 10,000 + 4,500 − 6,000 = 8,500.
    expect(result.outOfMoney).toEqual({ time: T0 + 2 * DAY, equity: -500 });
  });

  test("each symbol is closed at its own last close: A at 90 (its d1 bar), B at 150 (d2)", () => {
    expect(result.fills.slice(2).map((f) => [f.symbol, f.side, f.quantity, f.price, f.time])).toEqual([
      ["A", "SELL", 50, 90, T0 + DAY], ["B", "BUY", 100, 150, T0 + 2 * DAY],
    ]);
    // A: 50 · (90 − 100) = −500; B: −100 · (150 − 50) = −10,000; 10,000 − 10,500 = −500.
    expect(result.trades.map((t) => [t.symbol, t.size, t.exitPrice, t.pnl])).toEqual([["A", 50, 90, -500], ["B", -100, 150, -10_000]]);
    expect(result.account.balance).toBe(-500);
  });

  test("the strategy saw no bar after d2; both symbols' later bars are on the curve at 0", () => {
    expect(seen).toEqual(["A0", "B0", "A1", "B1", "B2"]);
    expect(result.bars).toBe(5);
    expect(Array.from(result.equity.times)).toEqual([0, 1, 2, 3, 4].map((d) => T0 + d * DAY));
    expect(Array.from(result.equity.equity)).toEqual([10_000, 8_500, 0, 0, 0]);
    // The benchmark A's closes, carried over d2 where it had no bar.
    expect(Array.from(result.equity.closes)).toEqual([100, 90, 90, 80, 70]);
    expect(result.warnings[0]).toEndWith("the equity is 0 from that bar to the end (3 later bars not traded)");
  });
});

test("a history read asynchronously stops at the same step and records the same curve", async () => {
  const seen: string[] = [];
  const result = await backtest(input, longAShortB(seen), { engine: { marketData: new AsyncOnly(input) } });
  expect(seen).toEqual(["A0", "B0", "A1", "B1", "B2"]);
  expect(result.outOfMoney).toEqual({ time: T0 + 2 * DAY, equity: -500 });
  expect(Array.from(result.equity.equity)).toEqual([10_000, 8_500, 0, 0, 0]);
  expect(result.trades.map((t) => [t.symbol, t.exitPrice, t.pnl])).toEqual([["A", 90, -500], ["B", 150, -10_000]]);
});
