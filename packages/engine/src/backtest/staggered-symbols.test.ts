// Two symbols whose histories start and end on different days: one equity point per time step after every symbol of
// that time, buy & hold of the benchmark, and the end of the run closing each symbol at its own last bar.
import { describe, expect, test } from "bun:test";
import type { BacktestOptions } from "./backtest-options.ts";
import { backtest, bar, DAY, strategy, T0 } from "./backtest.test-helper.ts";

// A: days 0..5, open 100 + d, close 101 + d. B: days 2..7, open 50 + 2d, close 51 + 2d.
const A = [0, 1, 2, 3, 4, 5].map((d) => bar("A", d, 100 + d, 103 + d, 98 + d, 101 + d));
const B = [2, 3, 4, 5, 6, 7].map((d) => bar("B", d, 50 + 2 * d, 53 + 2 * d, 48 + 2 * d, 51 + 2 * d));
const at = (d: number) => T0 + d * DAY;

/** Buys 10 A on A's first bar (fills day 1 at 101) and 5 B on B's first bar (fills day 3 at 56). */
const buyFirstBars = strategy({
  async onBar(b, ctx) {
    if (ctx.history().length === 1) await ctx.placeOrder({ side: "BUY", quantity: b.symbol === "A" ? 10 : 5 });
  },
});

function run(engine: Partial<BacktestOptions> = {}) {
  // B's bars come first in the input; the symbols' order (A first: the default benchmark) is the option's.
  return backtest([...B, ...A], buyFirstBars, { engine: { symbols: ["A", "B"], ...engine } });
}

// Cash after both entries: 10,000 − 1,010 − 280.
const CASH = 8_710;
// d0..d6 marked at the closes; A keeps its day-5 close (106) on day 6 and 7, where it has no bar.
const BEFORE_LAST = [10_000, 8_990 + 1_020, 8_990 + 1_030, CASH + 1_040 + 285, CASH + 1_050 + 295, CASH + 1_060 + 305, CASH + 1_060 + 315];

describe("closeAtEnd with histories ending on different days", () => {
  test('"last-open": A at ITS last open (day 5, 105), B at its last open (day 7, 64); each fill stamped with its own last bar', async () => {
    const r = await run();
    expect(Array.from(r.equity.times)).toEqual([0, 1, 2, 3, 4, 5, 6, 7].map(at));
    expect(Array.from(r.equity.equity)).toEqual([...BEFORE_LAST, CASH + 1_050 + 320]);
    expect(r.fills.slice(2).map((f) => [f.symbol, f.side, f.price, f.time])).toEqual([["A", "SELL", 105, at(5)], ["B", "SELL", 64, at(7)]]);
    expect(r.trades.map((t) => [t.symbol, t.entryTime, t.entryPrice, t.exitTime, t.exitPrice, t.pnl])).toEqual([
      ["A", at(1), 101, at(5), 105, 40],
      ["B", at(3), 56, at(7), 64, 40],
    ]);
    expect(r.finalEquity).toBe(10_080);
    expect(r.positions).toEqual([]);
    expect(r.openTrades).toEqual([]);
    // Days 1..7 hold a position (A from 1 to 5, B from 3 to 7): 7 of 8 bars.
    expect(r.statistics.exposureTimePct).toBeCloseTo(87.5, 12);
  });

  test('"last-close": A at its last close (106), B at its last close (65), times as above', async () => {
    const r = await run({ closeAtEnd: "last-close" });
    expect(r.trades.map((t) => [t.symbol, t.exitTime, t.exitPrice, t.pnl])).toEqual([["A", at(5), 106, 50], ["B", at(7), 65, 45]]);
    expect(Array.from(r.equity.equity)).toEqual([...BEFORE_LAST, CASH + 1_060 + 325]);
    expect(r.finalEquity).toBe(10_095);
  });

  test("false: nothing closed, both reported open, the last step marked at each symbol's last close", async () => {
    const r = await run({ closeAtEnd: false });
    expect(r.trades).toEqual([]);
    expect(r.openTrades.map((t) => [t.symbol, t.size, t.entryPrice, t.entryTime])).toEqual([["A", 10, 101, at(1)], ["B", 5, 56, at(3)]]);
    expect(Array.from(r.equity.equity)).toEqual([...BEFORE_LAST, CASH + 1_060 + 325]);
    expect(r.positions.map((p) => [p.symbol, p.quantity]).sort()).toEqual([["A", 10], ["B", 5]]);
  });
});

describe("buy & hold and the benchmark over staggered histories", () => {
  test("benchmark A (the first symbol): its close held over the days it has no bar; buy & hold 101 → 106", async () => {
    const r = await run();
    expect(Array.from(r.equity.closes)).toEqual([101, 102, 103, 104, 105, 106, 106, 106]);
    expect(r.statistics.buyAndHoldReturnPct).toBeCloseTo(((106 - 101) / 101) * 100, 12);
    expect(Array.from(r.candles.times)).toEqual([0, 1, 2, 3, 4, 5].map(at));
  });

  test("benchmark B: its first close carried back to the days before it starts; buy & hold 55 → 65", async () => {
    const r = await run({ benchmarkSymbol: "B" });
    expect(Array.from(r.equity.closes)).toEqual([55, 55, 55, 57, 59, 61, 63, 65]);
    expect(r.statistics.buyAndHoldReturnPct).toBeCloseTo(((65 - 55) / 55) * 100, 12);
    expect(Array.from(r.candles.times)).toEqual([2, 3, 4, 5, 6, 7].map(at));
  });

  test("benchmark B with warmupBars 2: buy & hold from B's third bar (day 4, close 59), at the fifth step", async () => {
    const r = await run({ benchmarkSymbol: "B", warmupBars: 2 });
    expect(r.warmupBars).toBe(4);
    expect(r.statistics.buyAndHoldReturnPct).toBeCloseTo(((65 - 59) / 59) * 100, 12);
  });
});

describe("an order for a symbol whose data has ended", () => {
  // On B's day-6 bar the strategy sells A, which has no bar after day 5: the order can never fill.
  const sellAAfterItsEnd = strategy({
    async onBar(b, ctx) {
      if (ctx.history().length === 1) await ctx.placeOrder({ side: "BUY", quantity: b.symbol === "A" ? 10 : 5 });
      if (b.symbol === "B" && b.openTime === at(6)) await ctx.placeOrder({ symbol: "A", side: "SELL", quantity: 10 });
    },
  });

  test("is cancelled by the final pass, and A is still closed at its own last open", async () => {
    const r = await backtest([...A, ...B], sellAAfterItsEnd);
    expect(r.openOrders).toEqual([]);
    expect(r.trades.map((t) => [t.symbol, t.exitTime, t.exitPrice])).toEqual([["A", at(5), 105], ["B", at(7), 64]]);
    expect(r.finalEquity).toBe(10_080);
  });

  test("stays open with closeAtEnd false, and never fills", async () => {
    const r = await backtest([...A, ...B], sellAAfterItsEnd, { engine: { closeAtEnd: false } });
    expect(r.openOrders.map((o) => [o.symbol, o.side, o.quantity, o.filledQuantity])).toEqual([["A", "SELL", 10, 0]]);
    expect(r.fills.filter((f) => f.symbol === "A").map((f) => f.side)).toEqual(["BUY"]);
  });
});

describe("trades exiting at the same time", () => {
  test("are listed in the order of symbols, whichever symbol traded first", async () => {
    // B buys on day 0 (its first fill comes first), A on day 1; both are closed by the final pass on day 7.
    const bFirst = strategy({
      async onBar(b, ctx) {
        const i = ctx.history().length - 1;
        if ((b.symbol === "B" && i === 0) || (b.symbol === "A" && i === 1)) await ctx.placeOrder({ side: "BUY", quantity: 1 });
      },
    });
    const sameDays = [0, 1, 2, 3, 4, 5, 6, 7].flatMap((d) => [bar("A", d, 100, 101, 99, 100), bar("B", d, 50, 51, 49, 50)]);
    const r = await backtest(sameDays, bFirst, { engine: { symbols: ["A", "B"] } });
    expect(r.fills[0]!.symbol).toBe("B");
    expect(r.trades.map((t) => [t.symbol, t.exitTime])).toEqual([["A", at(7)], ["B", at(7)]]);
  });
});

describe("no lookahead across symbols of one time step", () => {
  test("an order for B placed on A's day-1 bar (before B's day-1 bar is replayed) fills at B's day-2 open, not day 1's", async () => {
    const sameDays = [0, 1, 2, 3, 4].flatMap((d) => [bar("A", d, 100 + d, 103 + d, 98 + d, 101 + d), bar("B", d, 50 + 2 * d, 53 + 2 * d, 48 + 2 * d, 51 + 2 * d)]);
    const buyBOnA = strategy({
      async onBar(b, ctx) {
        if (b.symbol === "A" && ctx.history().length === 2) await ctx.placeOrder({ symbol: "B", side: "BUY", quantity: 1 });
      },
    });
    const r = await backtest(sameDays, buyBOnA, { engine: { symbols: ["A", "B"], closeAtEnd: false } });
    // B's day-1 open (52) is a price from before the order existed (placed at day 1's close).
    expect(r.fills.map((f) => [f.symbol, f.price, f.time])).toEqual([["B", 54, at(2)]]);
  });
});
