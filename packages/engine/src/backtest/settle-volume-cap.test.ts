import { describe, expect, test } from "bun:test";
import { backtest, bar, onBarAt } from "./backtest.test-helper.ts";

/** Buys 10 on each of the first `buys` bars: under a 1 % volume cap of 1,000 a bar, each buy fills whole (10). */
const buyer = (buys: number) => onBarAt(async (i, _bar, ctx) => void (i < buys && (await ctx.placeOrder({ side: "BUY", quantity: 10 }))));

describe("the close at the end under the venue's volume cap", () => {
  test("closes the whole position at the last price, whatever the cap would let one bar carry", async () => {
    const bars = Array.from({ length: 120 }, (_, d) => bar("A", d, 100, 101, 99, 100, 1_000));
    const errors: string[] = [];
    const result = await backtest(bars, buyer(100), { venue: { maxVolumeShare: 0.01, initialCapital: 1_000_000 }, callbacks: { onError: (e) => void errors.push(e.message) } });
    const sold = result.fills.filter((f) => f.side === "SELL").reduce((sum, f) => sum + f.quantity, 0);
    // Held 1,000; the cap lets a settlement bar carry 10. Before, 64 passes sold 640 and left 360 open, with an
    // INTERNAL error and a warning blaming the engine's own close as "never filled".
    expect(sold).toBe(1_000);
    expect(result.positions).toEqual([]);
    expect(result.openTrades).toEqual([]);
    expect(result.trades).toHaveLength(100);
    expect(result.trades.every((t) => t.exitPrice === 100)).toBe(true); // the last open (closeAtEnd "last-open")
    expect(errors).toEqual([]);
    expect(result.warnings).toEqual([]);
  });

  test("a last bar without volume still closes it", async () => {
    const bars = [bar("A", 0, 100, 101, 99, 100, 1_000), bar("A", 1, 100, 101, 99, 100, 1_000), bar("A", 2, 102, 103, 101, 102, 0)];
    const result = await backtest(bars, buyer(1), { venue: { maxVolumeShare: 0.01 } });
    expect(result.positions).toEqual([]);
    expect(result.trades.map((t) => [t.size, t.exitPrice])).toEqual([[10, 102]]);
  });
});
