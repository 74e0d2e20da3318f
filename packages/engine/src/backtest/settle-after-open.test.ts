import { describe, expect, test } from "bun:test";
import type { OrderInput } from "../strategy/strategy-context.ts";
import { backtest, bar, bars, DAY, onBarAt, T0 } from "./backtest.test-helper.ts";

// closeAtEnd "last-open" (the default) closes at the last bar's open only what was held at that open. A position made
// by a fill inside the last bar after its open is closed at that bar's close: its open is a price from before the fill.
// Every run: 10,000 cash, no commission, no slippage unless said, whole units. Day 2 is the last bar.
const FLAT = [100, 100, 100, 100] as const;
const LAST_BAR_END = T0 + 3 * DAY - 1;

/** X over two flat days and `last` (open, high, low, close), with `order` placed on day 1 (working from day 2's open). */
function lastBarRun(last: readonly [number, number, number, number], order: OrderInput, options?: Parameters<typeof backtest>[2]) {
  return backtest(bars("X", [FLAT, FLAT, last]), onBarAt((i, _b, ctx) => (i === 1 ? ctx.placeOrder(order) : undefined)), options);
}

describe("closeAtEnd last-open: a position traded inside the last bar after its open is closed at the close", () => {
  test("(a) a market BUY arriving mid-way through the last bar (latency 12 h) fills at its close and is sold there", async () => {
    // Placed at day 1's close (= day 2's open), it arrives 12 h into day 2: it fills at day 2's close 150, stamped on
    // the bar's last ms. Sold at the open 100 it would lose 10 × (100 − 150) = −500; at the close it is 10 × 0 = 0.
    const result = await lastBarRun([100, 150, 100, 150], { side: "BUY", quantity: 10 }, { venue: { latencyMs: DAY / 2 } });
    expect(result.fills.map((f) => [f.side, f.quantity, f.price, f.time])).toEqual([
      ["BUY", 10, 150, LAST_BAR_END],
      ["SELL", 10, 150, LAST_BAR_END],
    ]);
    expect(result.trades.map((t) => [t.entryPrice, t.exitPrice, t.exitTime, t.pnl])).toEqual([[150, 150, LAST_BAR_END, 0]]);
    expect(result.finalEquity).toBe(10_000);
    expect(result.warnings).toEqual([]);
  });

  test("(b) a BUY LIMIT 55 filled at the last bar's low is sold at its close 60, not at its open 100", async () => {
    // Placed on day 1, working from day 2's open 100 (above 55): it fills at 55 inside the bar (low 50). At the open
    // it would gain 10 × (100 − 55) = +450, a price from before the buy; at the close 10 × (60 − 55) = +50.
    const result = await lastBarRun([100, 101, 50, 60], { side: "BUY", type: "LIMIT", quantity: 10, limitPrice: 55 });
    expect(result.fills.map((f) => [f.side, f.quantity, f.price])).toEqual([
      ["BUY", 10, 55],
      ["SELL", 10, 60],
    ]);
    expect(result.trades.map((t) => t.pnl)).toEqual([50]);
    expect(result.finalEquity).toBe(10_050);
  });

  test("a BUY STOP 125 triggered inside the last bar (open 110, high 135) is sold at its close 130", async () => {
    // Fills at its stop 125; at the open it would be 10 × (110 − 125) = −150, at the close 10 × (130 − 125) = +50.
    const result = await lastBarRun([110, 135, 105, 130], { side: "BUY", type: "STOP", quantity: 10, stopPrice: 125 });
    expect(result.fills.map((f) => [f.side, f.price])).toEqual([["BUY", 125], ["SELL", 130]]);
    expect(result.finalEquity).toBe(10_050);
  });

  test("only the symbol traded after the open moves to the close; one held from before still closes at the open", async () => {
    // X: bought at day 1's open 100 by a market order of day 0, held into day 2 → sold at day 2's open 110: +100.
    // Y: BUY LIMIT 55 of day 1 fills inside day 2 (open 100, low 50) → sold at day 2's close 60: +50.
    const input = [
      bar("X", 0, 100, 100, 100, 100), bar("Y", 0, 100, 100, 100, 100),
      bar("X", 1, 100, 100, 100, 100), bar("Y", 1, 100, 100, 100, 100),
      bar("X", 2, 110, 125, 105, 120), bar("Y", 2, 100, 101, 50, 60),
    ];
    const result = await backtest(
      input,
      onBarAt((i, b, ctx) => {
        if (i === 0 && b.symbol === "X") return ctx.placeOrder({ symbol: "X", side: "BUY", quantity: 10 });
        if (i === 1 && b.symbol === "Y") return ctx.placeOrder({ symbol: "Y", side: "BUY", type: "LIMIT", quantity: 10, limitPrice: 55 });
        return undefined;
      }),
    );
    const sells = result.fills.filter((f) => f.side === "SELL").map((f) => [f.symbol, f.price]);
    expect(sells.sort()).toEqual([["X", 110], ["Y", 60]]);
    expect(result.finalEquity).toBe(10_000 + 100 + 50);
  });
  test("a fill at the open recorded after a mid-bar fill of the same bar does not hide it", async () => {
    // The LIMIT 55 (placed day 0) is matched before the market BUY (placed day 1) as it was placed first, so the fill at
    // the open 100 is recorded last, but in time the limit's fill at 55 inside the bar came after it. Both are sold at
    // the close 60: 10 × (60 − 100) + 10 × (60 − 55) = −350 (at the open: 0 + 450).
    const result = await backtest(
      bars("X", [FLAT, FLAT, [100, 101, 50, 60]]),
      onBarAt((i, _b, ctx) => {
        if (i === 0) return ctx.placeOrder({ side: "BUY", type: "LIMIT", quantity: 10, limitPrice: 55 });
        if (i === 1) return ctx.placeOrder({ side: "BUY", quantity: 10 });
        return undefined;
      }),
    );
    expect(result.fills.map((f) => [f.side, f.quantity, f.price])).toEqual([["BUY", 10, 55], ["BUY", 10, 100], ["SELL", 20, 60]]);
    expect(result.finalEquity).toBe(9_650);
  });

  test("a long held from before and partly sold by a limit inside the last bar has the rest sold at the close", async () => {
    // BUY 10 at day 1's open 100; SELL LIMIT 5 @ 140 (placed day 1) fills inside day 2 (open 120, high 150).
    // 5 × (140 − 100) + 5 × (130 − 100) = 350 (the rest at the open 120 would give 300).
    const result = await backtest(
      bars("X", [FLAT, FLAT, [120, 150, 115, 130]]),
      onBarAt((i, _b, ctx) => {
        if (i === 0) return ctx.placeOrder({ side: "BUY", quantity: 10 });
        if (i === 1) return ctx.placeOrder({ side: "SELL", type: "LIMIT", quantity: 5, limitPrice: 140 });
        return undefined;
      }),
    );
    expect(result.fills.map((f) => [f.side, f.quantity, f.price])).toEqual([["BUY", 10, 100], ["SELL", 5, 140], ["SELL", 5, 130]]);
    expect(result.finalEquity).toBe(10_350);
  });
});

describe("closeAtEnd last-open: a position whose last fill was at the last bar's open still closes at that open", () => {
  test("a market BUY of the bar before fills at the last open 110 and is sold there (backtesting.py's final pass)", async () => {
    // 10 × (110 − 110) = 0; the close 130 would have given +200.
    const result = await lastBarRun([110, 135, 105, 130], { side: "BUY", quantity: 10 });
    expect(result.fills.map((f) => [f.side, f.price, f.time])).toEqual([["BUY", 110, T0 + 2 * DAY], ["SELL", 110, T0 + 2 * DAY]]);
    expect(result.finalEquity).toBe(10_000);
  });

  test("with fixed slippage 1 the market fill at the open (111) is still sold at the open (110 − 1)", async () => {
    // Slippage moves the fill off the open's price, not off the open: 10 × (109 − 111) = −20 (at the close: +180).
    const result = await lastBarRun([110, 135, 105, 130], { side: "BUY", quantity: 10 }, { venue: { slippage: { model: "fixed", amount: 1 } } });
    expect(result.fills.map((f) => [f.side, f.price])).toEqual([["BUY", 111], ["SELL", 109]]);
    expect(result.finalEquity).toBe(9_980);
  });

  test("a BUY LIMIT 115 the last bar opened through (open 110) fills at that open and is sold there", async () => {
    // The limit was already marketable at the open: it trades at 110, before anything else of the bar. 10 × 0 = 0.
    const result = await lastBarRun([110, 135, 105, 130], { side: "BUY", type: "LIMIT", quantity: 10, limitPrice: 115 });
    expect(result.fills.map((f) => [f.side, f.price])).toEqual([["BUY", 110], ["SELL", 110]]);
    expect(result.finalEquity).toBe(10_000);
  });

  test("a BUY STOP 105 the last bar gapped past (open 110) fills at that open and is sold there", async () => {
    const result = await lastBarRun([110, 135, 105, 130], { side: "BUY", type: "STOP", quantity: 10, stopPrice: 105 });
    expect(result.fills.map((f) => [f.side, f.price])).toEqual([["BUY", 110], ["SELL", 110]]);
    expect(result.finalEquity).toBe(10_000);
  });

  test("closeAtEnd last-close is unchanged: the position of (b) is sold at the close there too", async () => {
    const result = await lastBarRun([100, 101, 50, 60], { side: "BUY", type: "LIMIT", quantity: 10, limitPrice: 55 }, { engine: { closeAtEnd: "last-close" } });
    expect(result.finalEquity).toBe(10_050);
  });
});
