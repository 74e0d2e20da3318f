// BacktestResult.warnings: a warm-up longer than the data, a benchmark symbol without bars, a gap of over a year, orders that never filled
// because the data ended. Each case produced with its numbers, and nothing for a clean run.
import { describe, expect, test } from "bun:test";
import type { StrategyContext } from "../strategy/strategy-context.ts";
import { backtest, bar, DAY, strategy, T0 } from "./backtest.test-helper.ts";

// Ten days of X: open 100 + d, close 101 + d.
const X = Array.from({ length: 10 }, (_, d) => bar("X", d, 100 + d, 103 + d, 98 + d, 101 + d));
const LAST = T0 + 9 * DAY;

/** Buys 10 on the first bar (filled at bar 1's open): closed at the end by the default final pass. */
const buyFirst = strategy({
  async onBar(b, ctx) {
    if (b.openTime === T0) await ctx.placeOrder({ side: "BUY", quantity: 10 });
  },
});

/** Places `count` limit buys far below the market on the last bar (ids o1, o2, …): none can fill. */
function limitsOnLastBar(count: number) {
  return strategy({
    async onBar(b, ctx) {
      if (b.openTime !== LAST) return;
      for (let i = 1; i <= count; i++) await ctx.placeOrder({ side: "BUY", type: "LIMIT", quantity: 1, limitPrice: 50, clientOrderId: `o${i}` });
    },
  });
}

test("a clean run has no warnings", async () => {
  const r = await backtest(X, buyFirst);
  expect(r.trades).toHaveLength(1);
  expect(r.warnings).toEqual([]);
});

describe("a warm-up that the bars replayed cannot hold", () => {
  test("warmupBars 12 given over 10 bars: named with the bars it needs, buy & hold clamped to the last bar", async () => {
    const r = await backtest(X, buyFirst, { engine: { warmupBars: 12 } });
    expect(r.warnings).toEqual([
      "warmupBars 12 (the warmupBars option) needs 13 bars of X but only 10 were replayed: no bar came after the warm-up, and buy & hold starts at the last bar (index 9) instead",
    ]);
    expect(r.warmupBars).toBe(9);
    // From the last close to the last close.
    expect(r.statistics.buyAndHoldReturnPct).toBe(0);
  });

  test("the boundary: warmupBars 10 warns (needs 11), warmupBars 9 does not (bar 9 is the first after it)", async () => {
    const ten = await backtest(X, buyFirst, { engine: { warmupBars: 10 } });
    expect(ten.warnings).toHaveLength(1);
    expect(ten.warnings[0]).toStartWith("warmupBars 10 (the warmupBars option) needs 11 bars of X but only 10 were replayed");
    const nine = await backtest(X, buyFirst, { engine: { warmupBars: 9 } });
    expect(nine.warnings).toEqual([]);
    expect(nine.warmupBars).toBe(9);
  });

  test("derived from the indicators: SMA(15) needs 15 bars, warm-up 14, named as the indicators' need", async () => {
    const sma15 = strategy({ onBar: (_b, ctx: StrategyContext<unknown>) => void ctx.indicators.sma(15).value() });
    const r = await backtest(X, sma15);
    expect(r.warnings).toEqual([
      "warmupBars 14 (what the strategy's indicators need) needs 15 bars of X but only 10 were replayed: no bar came after the warm-up, and buy & hold starts at the last bar (index 9) instead",
    ]);
  });
});

describe("a benchmark symbol without a bar in the bars replayed", () => {
  test("aborted before its first bar: buy & hold, beta and alpha are null, and the warning names the symbol and the range replayed", async () => {
    // Every symbol has a bar in the range (else the run is refused), so only a stopped run can miss the benchmark's:
    // B starts on day 4 and the run is aborted on A's day-1 bar, after 2 bars of A.
    const A = X.slice(0, 5).map((b) => ({ ...b, symbol: "A" }));
    const B = { ...X[4]!, symbol: "B" };
    const controller = new AbortController();
    const stopOnDay1 = strategy({ onBar: (b) => void (b.openTime === T0 + DAY && controller.abort(new Error("enough"))) });
    const r = await backtest([...A, B], stopOnDay1, { engine: { symbols: ["A", "B"], benchmarkSymbol: "B" }, signal: controller.signal });
    expect([r.status, r.bars]).toEqual(["aborted", 2]);
    expect([r.statistics.buyAndHoldReturnPct, r.statistics.beta, r.statistics.alphaPct]).toEqual([null, null, null]);
    expect(r.warnings).toEqual([
      "benchmarkSymbol B has no bar in the bars replayed (2024-01-01T00:00:00.000Z to 2024-01-02T00:00:00.000Z): buy & hold, beta and alpha are null and the report chart has no candles",
    ]);
  });
});

describe("orders that never filled because the data ended", () => {
  test("placed on the last bar, closeAtEnd last-open: cancelled by the final pass, each named", async () => {
    const r = await backtest(X, limitsOnLastBar(2));
    expect(r.openOrders).toEqual([]);
    expect(r.warnings).toEqual(['2 orders still working after the last bar never filled: closeAtEnd "last-open" cancelled them (o1, o2)']);
  });

  test("one order, closeAtEnd last-close: 'it'", async () => {
    const r = await backtest(X, limitsOnLastBar(1), { engine: { closeAtEnd: "last-close" } });
    expect(r.warnings).toEqual(['1 order still working after the last bar never filled: closeAtEnd "last-close" cancelled it (o1)']);
  });

  test("closeAtEnd false: still open at the end; more than five ids are cut to five and a count", async () => {
    const r = await backtest(X, limitsOnLastBar(7), { engine: { closeAtEnd: false } });
    expect(r.openOrders).toHaveLength(7);
    expect(r.warnings).toEqual(["7 orders still open when the backtest ended never filled (o1, o2, o3, o4, o5 and 2 more)"]);
  });

  test("placed in onStop (after the final pass): still open at the end", async () => {
    const s = strategy({
      async onStop(ctx) {
        // onStop has no bar being processed: the symbol is given.
        await ctx.placeOrder({ symbol: "X", side: "BUY", quantity: 3, clientOrderId: "late" });
      },
    });
    const r = await backtest(X, s);
    expect(r.openOrders.map((o) => o.clientOrderId)).toEqual(["late"]);
    expect(r.fills).toEqual([]);
    expect(r.warnings).toEqual(["1 order still open when the backtest ended never filled (late)"]);
  });

  test("bracket legs guarding the position are not warned about, with or without the final pass", async () => {
    // Entry on bar 0 fills at bar 1's open 101; X never reaches 200 nor falls to 50, so both legs work to the end.
    const bracket = strategy({
      async onBar(b, ctx) {
        if (b.openTime === T0) await ctx.placeOrder({ side: "BUY", quantity: 1, takeProfit: { triggerPrice: 200 }, stopLoss: { triggerPrice: 50 } });
      },
    });
    const closed = await backtest(X, bracket);
    expect(closed.trades.map((t) => [t.entryPrice, t.exitPrice])).toEqual([[101, 109]]);
    expect(closed.warnings).toEqual([]);
    const open = await backtest(X, bracket, { engine: { closeAtEnd: false } });
    expect(open.openOrders.map((o) => o.parentClientOrderId === undefined)).toEqual([false, false]);
    expect(open.warnings).toEqual([]);
  });

  test("a limit that filled on the last bar leaves nothing to warn about", async () => {
    // Placed on bar 8 at 110, bar 9's low 107 reaches it: filled, then closed by the final pass.
    const s = strategy({
      async onBar(b, ctx) {
        if (b.openTime === LAST - DAY) await ctx.placeOrder({ side: "BUY", type: "LIMIT", quantity: 1, limitPrice: 110 });
      },
    });
    const r = await backtest(X, s);
    expect(r.trades).toHaveLength(1);
    expect(r.warnings).toEqual([]);
  });
});

describe("a gap of more than a year between bars", () => {
  test("a last row's year mistyped 90 years out is named with both times and the days between", async () => {
    const typo = { ...X[9]!, openTime: X[9]!.openTime + 90 * 365 * DAY }; // 90 years of 365 days later
    const r = await backtest([...X.slice(0, 9), typo], buyFirst);
    const days = 90 * 365 + 1; // from day 8 to day 9 + 90 × 365
    expect(r.warnings).toEqual([
      `the bars jump ${days} days, from ${new Date(X[8]!.openTime).toISOString()} to ${new Date(typo.openTime).toISOString()}: is a date mistyped (a year)? ` +
        "Every figure over time (duration, annualised return, CAGR, trade durations) spans that gap",
    ]);
  });

  test("a gap of exactly 366 days is not named; a day more is", async () => {
    const at = (days: number) => [X[0]!, { ...X[1]!, openTime: X[0]!.openTime + days * DAY }];
    expect((await backtest(at(366), buyFirst)).warnings).toEqual([]);
    expect((await backtest(at(367), buyFirst)).warnings).toEqual([expect.stringContaining("the bars jump 367 days, from ")]);
  });
});
