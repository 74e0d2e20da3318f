import { describe, expect, test } from "bun:test";
import type { Order, OrderRequest } from "@argo/core";
import { openOrderCount, ordersOf, workingQuantity } from "./working-quantity.ts";

function order(id: string, over: Partial<Order>): Order {
  return {
    symbol: "X", side: "SELL", type: "LIMIT", limitPrice: 110, quantity: 1, timeInForce: "GTC", clientOrderId: id, venueOrderId: `v-${id}`,
    status: "ACCEPTED", filledQuantity: 0, averageFillPrice: 0, fills: [], createdAt: 0, updatedAt: 0, ...over,
  };
}
const request = (over: Partial<OrderRequest>): OrderRequest => ({ symbol: "X", side: "SELL", type: "MARKET", ...over });

describe("workingQuantity", () => {
  test("sums the unfilled rest of the side's open orders of the symbol, plus the requests in flight", () => {
    const open = [
      order("a", { quantity: 3, filledQuantity: 1 }), // 2 left
      order("b", { quantity: 0.5 }),
      order("c", { side: "BUY", quantity: 7 }), // other side
      order("d", { symbol: "Y", quantity: 9 }), // other symbol
    ];
    const sending = [request({ quantity: 4 }), request({ side: "BUY", quantity: 6 }), request({ symbol: "Y", quantity: 8 })];
    expect(workingQuantity("X", "SELL", open, sending, 100, 10_000)).toBe(2 + 0.5 + 4);
    expect(workingQuantity("X", "BUY", open, sending, 100, 10_000)).toBe(7 + 6);
    expect(workingQuantity("X", "SELL", undefined, undefined, 100, 10_000)).toBe(0);
  });

  test("sums as the decimals the venue keeps: 1.1 less 0.2 filled is 0.9, and 0.1 + 0.2 in flight is 0.3 (network fuzz)", () => {
    // In floats 1.1 − 0.2 is 0.9000000000000001: a close of the long 2 beside it was sized 1.09999999999, off a 0.1 grid.
    expect(workingQuantity("X", "SELL", [order("exit", { quantity: 1.1, filledQuantity: 0.2 })], undefined, 100, 10_000)).toBe(0.9);
    expect(workingQuantity("X", "SELL", undefined, [request({ quantity: 0.1 }), request({ quantity: 0.2 })], 100, 10_000)).toBe(0.3);
    expect(workingQuantity("X", "SELL", [order("a", { quantity: 0.7 })], [request({ quantity: 0.1 })], 100, 10_000)).toBe(0.8);
    // Many orders (review): sixty 0.1s are 6 and fifteen 64.055s are 960.825, as decimals, where a plain float sum drifts.
    expect(workingQuantity("X", "SELL", Array.from({ length: 60 }, (_, i) => order(`t${i}`, { quantity: 0.1 })), undefined, 100, 10_000)).toBe(6);
    expect(workingQuantity("X", "SELL", Array.from({ length: 15 }, (_, i) => order(`u${i}`, { quantity: 64.055 })), undefined, 100, 10_000)).toBe(960.825);
    // An infinite addend (never a venue's, but the sum must say it, not NaN).
    expect(workingQuantity("X", "SELL", [order("big", { quantity: 1 })], [request({ quantity: Number.POSITIVE_INFINITY })], 100, 10_000)).toBe(Number.POSITIVE_INFINITY);
  });

  test("an unresolved equity-sized order against a position counts the part of it that it reduces", () => {
    // Equity 10,000 at 100 against a long 30: fraction 0.1 × (10,000 ÷ 100 + 2 × 30) = 16 units, open or in flight.
    const open = [order("eq", { type: "MARKET", limitPrice: undefined, quantity: 0, equityFraction: 0.1 })];
    expect(workingQuantity("X", "SELL", open, undefined, 100, 10_000, 30)).toBeCloseTo(16, 12);
    expect(workingQuantity("X", "SELL", undefined, [request({ equityFraction: 0.1 })], 100, 10_000, 30)).toBeCloseTo(16, 12);
    // Nothing to reduce: 0.1 × 100 = 10.
    expect(workingQuantity("X", "SELL", open, undefined, 100, 10_000)).toBeCloseTo(10, 12);
    // A SELL 30 working too closes the long first: the equity order reduces nothing: 30 + 10.
    expect(workingQuantity("X", "SELL", [order("close", { quantity: 30 }), ...open], undefined, 100, 10_000, 30)).toBeCloseTo(40, 12);
    // A SELL 20: 10 of the long left, 20 + 0.1 × (100 + 2 × 10) = 32.
    expect(workingQuantity("X", "SELL", [...open, order("part", { quantity: 20 })], undefined, 100, 10_000, 30)).toBeCloseTo(32, 12);
  });

  test("bracket legs are left out: they are the position's own exits, not further closes", () => {
    const open = [
      order("e-sl", { type: "STOP", stopPrice: 90, quantity: 5, parentClientOrderId: "e", reason: "stop-loss" }),
      order("e-tp", { quantity: 5, parentClientOrderId: "e", reason: "take-profit" }),
      order("exit", { quantity: 2 }),
    ];
    expect(workingQuantity("X", "SELL", open, undefined, 100, 10_000)).toBe(2);
  });

  test("orders sized by quote or equity count at their limit price, else the last price; unknown without one", () => {
    // Not resolved yet: quantity 0. 550 at the limit 110 = 5; 10% of 10,000 at the last price 100 = 10.
    const open = [order("q", { quantity: 0, quoteAmount: 550 }), order("f", { type: "MARKET", limitPrice: undefined, quantity: 0, equityFraction: 0.1 })];
    expect(workingQuantity("X", "SELL", open, undefined, 100, 10_000)).toBeCloseTo(15, 12);
    // In flight: 300 at 100 = 3.
    expect(workingQuantity("X", "SELL", undefined, [request({ quoteAmount: 300 })], 100, 10_000)).toBeCloseTo(3, 12);
    expect(workingQuantity("X", "SELL", [open[1]!], undefined, Number.NaN, 10_000)).toBeNaN();
  });
});

describe("open orders as maxOpenOrders counts them", () => {
  const tp = { triggerPrice: 150 };
  const sl = { triggerPrice: 50 };

  test("a new order counts as itself and each bracket leg", () => {
    expect(ordersOf(request({ quantity: 1 }))).toBe(1);
    expect(ordersOf(request({ quantity: 1, stopLoss: sl }))).toBe(2);
    expect(ordersOf(request({ quantity: 1, takeProfit: tp, stopLoss: sl }))).toBe(3);
  });

  test("an open entry counts its legs until they are open themselves, never twice", () => {
    // Entry e (no legs yet): 1 + 2. Entry f whose two legs are open: 1, and its legs 1 each. A plain order: 1.
    const open = [
      order("e", { side: "BUY", takeProfit: tp, stopLoss: sl }),
      order("f", { side: "BUY", takeProfit: tp, stopLoss: sl, quantity: 4, filledQuantity: 2 }),
      order("f-sl", { type: "STOP", stopPrice: 50, parentClientOrderId: "f" }),
      order("f-tp", { parentClientOrderId: "f" }),
      order("p", {}),
    ];
    expect(openOrderCount(open, undefined)).toBe(3 + 1 + 2 + 1);
    // Once an entry has ended, only its legs are open: 2, and one after a leg filled and cancelled its sibling.
    expect(openOrderCount([order("g-sl", { parentClientOrderId: "g" }), order("g-tp", { parentClientOrderId: "g" })], undefined)).toBe(2);
    expect(openOrderCount([order("g-tp", { parentClientOrderId: "g" })], undefined)).toBe(1);
  });

  test("requests in flight count as themselves and their legs", () => {
    const sending = [request({ quantity: 1, takeProfit: tp }), request({ quantity: 1 })];
    expect(openOrderCount([], sending)).toBe(2 + 1);
    expect(openOrderCount([order("p", {})], sending)).toBe(1 + 2 + 1);
  });
});
