import { describe, expect, test } from "bun:test";
import { type Order, orderProblem } from "@argo/core";
import { isOrderLike, malformedAnswer } from "./order-answer.ts";

const order: Order = {
  symbol: "X", side: "BUY", type: "LIMIT", limitPrice: 9, quantity: 1, timeInForce: "GTC", clientOrderId: "c1", venueOrderId: "v1",
  status: "ACCEPTED", filledQuantity: 0, averageFillPrice: 0, fills: [], createdAt: 1, updatedAt: 1,
};

describe("an order's venueOrderId", () => {
  test("a number or an object (a raw exchange id passed on unconverted) is not an order, and the problem names the field", () => {
    for (const venueOrderId of [28457, { id: "v1" }, ["v1"], true]) {
      const answer = { ...order, venueOrderId };
      expect(isOrderLike(answer)).toBe(false);
      expect(orderProblem(answer)).toStartWith("has a venueOrderId that is ");
      expect(orderProblem(answer)).toEndWith(", not a string");
    }
  });

  test("text, or none yet (absent, or null in a JSON body), is accepted", () => {
    const { venueOrderId: _, ...withoutId } = order;
    for (const answer of [order, { ...order, venueOrderId: "" }, withoutId, { ...order, venueOrderId: null }]) {
      expect(isOrderLike(answer)).toBe(true);
      expect(orderProblem(answer)).toBeUndefined();
    }
  });
});

describe("an order's quantities (D2: the risk limits count quantity − filledQuantity as working)", () => {
  test("a negative, NaN or infinite quantity, filledQuantity or averageFillPrice is not an order; the problem names the field and the value", () => {
    const cases: Array<[Partial<Record<keyof Order, unknown>>, string]> = [
      [{ quantity: -1 }, "has a quantity of -1, not a finite number of 0 or more"],
      [{ quantity: Number.POSITIVE_INFINITY }, "has a quantity that is Infinity, not a finite number of 0 or more"],
      [{ quantity: "1" }, "has a quantity that is a string, not a finite number of 0 or more (parse the venue's text into a number)"],
      [{ quantity: undefined }, "has a quantity that is missing, not a finite number of 0 or more"],
      [{ filledQuantity: -1 }, "has a filledQuantity of -1, not a finite number of 0 or more"],
      [{ filledQuantity: Number.NaN }, "has a filledQuantity that is NaN, not a finite number of 0 or more"],
      [{ filledQuantity: 1.5 }, "has a filledQuantity of 1.5, more than its quantity 1"],
      [{ averageFillPrice: Number.NaN }, "has an averageFillPrice that is NaN, not a finite number of 0 or more"],
      [{ averageFillPrice: -5 }, "has an averageFillPrice of -5, not a finite number of 0 or more"],
      [{ averageFillPrice: null }, "has an averageFillPrice that is null, not a finite number of 0 or more"],
    ];
    for (const [change, problem] of cases) {
      expect(orderProblem({ ...order, ...change })).toBe(problem);
      expect(isOrderLike({ ...order, ...change })).toBe(false);
    }
  });

  test("quantity 0 (sized by quote amount or equity fraction, not resolved yet) and fills summed with float rounding are orders", () => {
    // 0.1 + 0.2 is 0.30000000000000004 in floating point: 1.9e-16 relative past 0.3, far under the 1e-9 slack.
    for (const change of [{ quantity: 0, filledQuantity: 0 }, { quantity: 0, filledQuantity: 2, averageFillPrice: 100 }, { quantity: 0.3, filledQuantity: 0.1 + 0.2 }]) {
      expect(orderProblem({ ...order, ...change })).toBeUndefined();
    }
  });
});

describe("what else an answer needs (core's orderProblem, which the conformance kit applies too)", () => {
  test("an order without a side the fill checks can compare, or with a time that is not epoch milliseconds, is not an order", () => {
    const { side: _, ...sideless } = order;
    expect(isOrderLike(sideless)).toBe(false);
    expect(malformedAnswer("v", "placement", sideless).message).toBe("v answered the placement with an order that has a side that is neither BUY nor SELL");
    expect(malformedAnswer("v", "placement", { ...order, createdAt: "2024-05-01T00:00:00Z" }).message).toBe(
      "v answered the placement with an order that has a createdAt that is a string, not a time (epoch milliseconds)",
    );
  });
});

describe("malformedAnswer", () => {
  test("an object is described by what it lacks, with a number's value; anything else by its kind, never its text", () => {
    expect(malformedAnswer("v", "placement", { ...order, filledQuantity: -1 }).message).toBe(
      "v answered the placement with an order that has a filledQuantity of -1, not a finite number of 0 or more",
    );
    // A text value in a number's field: only its kind, it might be a key the venue echoed.
    const echoed = malformedAnswer("v", "placement", { ...order, quantity: "sk-live-123" });
    expect(echoed.message).toBe("v answered the placement with an order that has a quantity that is a string, not a finite number of 0 or more (parse the venue's text into a number)");
    expect(echoed.code).toBe("INVALID_DATA");
    expect(malformedAnswer("v", "order lookup", "sk-live-123").message).toBe("v answered the order lookup with string, not an order (id, status, filled quantity and fills)");
  });
});
