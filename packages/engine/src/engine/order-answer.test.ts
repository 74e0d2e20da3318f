import { describe, expect, test } from "bun:test";
import type { Order } from "@argo/core";
import { isOrderLike, malformedAnswer, orderShapeProblem } from "./order-answer.ts";

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

describe("an order's quantities (D2: the risk limits count quantity − filledQuantity as working)", () => {
  test("a negative, NaN or infinite quantity, filledQuantity or averageFillPrice is not an order; the problem names the field and the value", () => {
    const cases: Array<[Partial<Record<keyof Order, unknown>>, string]> = [
      [{ quantity: -1 }, "has a quantity that is not a number of zero or more (-1)"],
      [{ quantity: Number.POSITIVE_INFINITY }, "has a quantity that is not a number of zero or more (Infinity)"],
      [{ quantity: "1" }, "has a quantity that is not a number of zero or more (a string)"],
      [{ quantity: undefined }, "has a quantity that is not a number of zero or more (undefined)"],
      [{ filledQuantity: -1 }, "has a filledQuantity that is not a number of zero or more (-1)"],
      [{ filledQuantity: Number.NaN }, "has a filledQuantity that is not a number of zero or more (NaN)"],
      [{ filledQuantity: 1.5 }, "has a filledQuantity of 1.5, more than its quantity 1"],
      [{ averageFillPrice: Number.NaN }, "has an averageFillPrice that is not a number of zero or more (NaN)"],
      [{ averageFillPrice: -5 }, "has an averageFillPrice that is not a number of zero or more (-5)"],
      [{ averageFillPrice: null }, "has an averageFillPrice that is not a number of zero or more (null)"],
    ];
    for (const [change, problem] of cases) {
      expect(orderShapeProblem({ ...order, ...change })).toBe(problem);
      expect(isOrderLike({ ...order, ...change })).toBe(false);
    }
  });

  test("quantity 0 (sized by quote amount or equity fraction, not resolved yet) and fills summed with float rounding are orders", () => {
    // 0.1 + 0.2 is 0.30000000000000004 in floating point: 1.9e-16 relative past 0.3, far under the 1e-9 slack.
    for (const change of [{ quantity: 0, filledQuantity: 0 }, { quantity: 0, filledQuantity: 2, averageFillPrice: 100 }, { quantity: 0.3, filledQuantity: 0.1 + 0.2 }]) {
      expect(orderShapeProblem({ ...order, ...change })).toBeUndefined();
    }
  });
});

describe("malformedAnswer", () => {
  test("an object is described by what it lacks, with a number's value; anything else by its kind, never its text", () => {
    expect(malformedAnswer("v", "placement", { ...order, filledQuantity: -1 }).message).toBe(
      "v answered the placement with an order that has a filledQuantity that is not a number of zero or more (-1)",
    );
    // A text value in a number's field: only its kind, it might be a key the venue echoed.
    const echoed = malformedAnswer("v", "placement", { ...order, quantity: "sk-live-123" });
    expect(echoed.message).toBe("v answered the placement with an order that has a quantity that is not a number of zero or more (a string)");
    expect(echoed.code).toBe("INVALID_DATA");
    expect(malformedAnswer("v", "order lookup", "sk-live-123").message).toBe("v answered the order lookup with string, not an order (id, status, filled quantity and fills)");
  });
});
