import { describe, expect, test } from "bun:test";
import type { Fill, Order } from "@argo/core";
import { fillProblem } from "./event-shape.ts";

const order: Order = {
  symbol: "BTCUSD", side: "BUY", type: "MARKET", quantity: 1, timeInForce: "GTC", clientOrderId: "c1", venueOrderId: "v1",
  status: "FILLED", filledQuantity: 1, averageFillPrice: 100, fills: [], createdAt: 1, updatedAt: 1,
};
const fill: Fill = { id: "f1", clientOrderId: "c1", venueOrderId: "v1", symbol: "BTCUSD", side: "BUY", quantity: 1, price: 100, fee: 0.1, time: 1 };

describe("fillProblem: whether a fill is one its order can have had", () => {
  test("a fill matching its order passes; a maker rebate (a negative fee) is a fee", () => {
    expect(fillProblem(fill, order)).toBeUndefined();
    expect(fillProblem({ ...fill, fee: -0.02 }, order)).toBeUndefined();
  });

  test("another symbol or side, or a quantity or price that is not positive, names the field and the value", () => {
    expect(fillProblem({ ...fill, symbol: "ETHUSD" }, order)).toBe(`names symbol "ETHUSD", not its order's "BTCUSD"`);
    expect(fillProblem({ ...fill, side: "SELL" }, order)).toBe("has side SELL, not its order's BUY");
    expect(fillProblem({ ...fill, quantity: 0 }, order)).toBe("has no positive quantity (0)");
    expect(fillProblem({ ...fill, price: 0 }, order)).toBe("has no positive price (0)");
    expect(fillProblem({ ...fill, fee: Number.NaN }, order)).toBe("has no fee (NaN)");
    expect(fillProblem({ ...fill, clientOrderId: "c2" }, order)).toBe("belongs to another order than the one it came with");
  });

  test("a symbol that does not look like one (a venue echoing a key there) is shown by its length only", () => {
    const key = "sk_live_0123456789abcdefghijklmnopqrstuv";
    const problem = fillProblem({ ...fill, symbol: key }, order)!;
    expect(problem).toBe(`names symbol of ${key.length} characters that does not look like a symbol, not its order's "BTCUSD"`);
    expect(problem).not.toContain(key);
  });
});
