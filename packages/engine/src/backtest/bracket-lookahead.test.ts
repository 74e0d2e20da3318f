// Brackets and the no-lookahead rule in a backtest, on bars built for each case.
import { describe, expect, test } from "bun:test";
import type { Bar } from "@argo/core";
import { backtest, bars, DAY, onBarAt, T0 } from "./backtest.test-helper.ts";

const bracketEntry = onBarAt((i, _bar, ctx) =>
  i === 0 ? ctx.placeOrder({ side: "BUY", quantity: 10, takeProfit: { triggerPrice: 110 }, stopLoss: { triggerPrice: 95 } }) : undefined,
);

describe("a take-profit / stop-loss bracket executes in a backtest", () => {
  test("the take-profit fires when the high reaches it: exit at 110, the stop-loss is cancelled", async () => {
    const result = await backtest(
      bars("XYZ", [[100, 100, 100, 100], [100, 105, 98, 104], [104, 112, 103, 111], [111, 115, 90, 92]]),
      bracketEntry,
      { engine: { closeAtEnd: false } },
    );
    // Entry at d1's open 100; d1 stays between 95 and 110; d2's high 112 ≥ 110 → sell 10 at 110.
    expect(result.fills.map((f) => [f.side, f.quantity, f.price, f.time, f.clientOrderId.slice(-3)])).toEqual([
      ["BUY", 10, 100, T0 + DAY, "t-1"], ["SELL", 10, 110, T0 + 2 * DAY, "-tp"],
    ]);
    expect(result.trades.map((t) => [t.size, t.entryPrice, t.exitPrice, t.pnl])).toEqual([[10, 100, 110, 100]]);
    // No final pass here: the stop-loss is gone because the take-profit cancelled it (one-cancels-the-other).
    expect(result.openOrders).toEqual([]);
    expect(result.positions).toEqual([]);
  });

  test("the stop-loss fires when the low reaches it: exit at 95", async () => {
    const result = await backtest(bars("XYZ", [[100, 100, 100, 100], [100, 105, 98, 104], [104, 106, 94, 96]]), bracketEntry);
    expect(result.trades.map((t) => [t.exitPrice, t.exitTime, t.pnl])).toEqual([[95, T0 + 2 * DAY, -50]]);
  });

  test("a gap through the stop fills at the open, not at the stop price", async () => {
    const result = await backtest(bars("XYZ", [[100, 100, 100, 100], [100, 105, 98, 104], [90, 93, 88, 91]]), bracketEntry);
    expect(result.trades.map((t) => [t.exitPrice, t.pnl])).toEqual([[90, -100]]);
  });
});

describe("no lookahead", () => {
  // Each bar closes far from where the next one opens, so a fill at the close would be obvious.
  const gappy = bars("XYZ", [[100, 101, 99, 100], [120, 121, 119, 120], [80, 81, 79, 80], [90, 91, 89, 90]]);

  test("an order placed on a bar's close fills at the next bar's open and time", async () => {
    const seen: Array<[number, number]> = [];
    const result = await backtest(gappy, onBarAt((i, bar, ctx) => {
      seen.push([ctx.history().length, ctx.history().last()!.openTime - bar.openTime]);
      if (i === 0) return ctx.placeOrder({ side: "BUY", quantity: 10, reason: `saw close ${bar.close}` });
      if (i === 1) return ctx.signal({ action: "CLOSE_LONG" });
    }), { engine: { closeAtEnd: false } });
    expect(result.fills.map((f) => [f.side, f.price, f.time])).toEqual([["BUY", 120, T0 + DAY], ["SELL", 80, T0 + 2 * DAY]]);
    // The strategy saw bars one at a time, the newest being the current one.
    expect(seen).toEqual([[1, 0], [2, 0], [3, 0], [4, 0]]);
    // Equity at d0 is untouched by the order placed at its close: nothing filled yet.
    expect(Array.from(result.equity.equity)).toEqual([10_000, 10_000, 10_000 - 400, 10_000 - 400]);
  });

  test("a limit order at the close it saw does not fill on that bar: only when a later bar trades through it", async () => {
    const result = await backtest(gappy, onBarAt((i, bar, ctx) =>
      i === 0 ? ctx.placeOrder({ side: "BUY", type: "LIMIT", limitPrice: bar.close, quantity: 10 }) : undefined,
    ), { engine: { closeAtEnd: false } });
    // d1 trades 119–121 (above 100); d2 opens at 80 through the limit → fills at the open 80.
    expect(result.fills.map((f) => [f.price, f.time])).toEqual([[80, T0 + 2 * DAY]]);
  });

  test("an order placed on the last bar never fills: the final pass cancels it rather than fill it at a price from before it", async () => {
    const rejected: string[] = [];
    const result = await backtest(gappy, onBarAt((i, _bar, ctx) => (i === 3 ? ctx.placeOrder({ side: "BUY", quantity: 10 }) : undefined)), {
      callbacks: { onOrderUpdate: (order) => void rejected.push(order.status) },
    });
    expect(result.fills).toEqual([]);
    expect(rejected).toEqual(["ACCEPTED", "CANCELLED"]);
  });

  test("the strategy is told it runs in backtest mode, in virtual time (ctx.time is the bar's close)", async () => {
    const seen: Array<[string, number]> = [];
    await backtest(gappy, onBarAt((_i, bar: Bar, ctx) => void seen.push([ctx.mode, ctx.time - bar.openTime])));
    expect(seen).toEqual(Array.from({ length: 4 }, () => ["backtest", DAY]));
  });
});
