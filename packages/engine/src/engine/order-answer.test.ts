import { describe, expect, test } from "bun:test";
import type { Order } from "@argo/core";
import { isOrderLike, orderShapeProblem } from "./order-answer.ts";

const order: Order = {
  symbol: "X", side: "BUY", type: "LIMIT", limitPrice: 9, quantity: 1, timeInForce: "GTC", clientOrderId: "c1", venueOrderId: "v1",
  status: "ACCEPTED", filledQuantity: 0, averageFillPrice: 0, fills: [], createdAt: 1, updatedAt: 1,
};

describe("an order's venueOrderId", () => {
  test("a number or an object (a raw exchange id passed on unconverted) is not an order, and the problem names the field", () => {
    for (const venueOrderId of [28457, { id: "v1" }, ["v1"], true]) {
      const answer = { ...order, venueOrderId };
      expect(isOrderLike(answer)).toBe(false);
      expect(orderShapeProblem(answer)).toBe("has a venueOrderId that is not a string");
    }
  });

  test("text, or none yet (absent, or null in a JSON body), is accepted", () => {
    const { venueOrderId: _, ...withoutId } = order;
    for (const answer of [order, { ...order, venueOrderId: "" }, withoutId, { ...order, venueOrderId: null }]) {
      expect(isOrderLike(answer)).toBe(true);
      expect(orderShapeProblem(answer)).toBeUndefined();
    }
  });
});
