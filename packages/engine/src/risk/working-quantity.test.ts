import { describe, expect, test } from "bun:test";
import type { Order, OrderRequest } from "@argo/core";
import { workingQuantity } from "./working-quantity.ts";

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
