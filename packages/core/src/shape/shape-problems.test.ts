import { describe, expect, test } from "bun:test";
import type { Fill } from "../domain/fill.ts";
import type { Order } from "../domain/order.ts";
import { accountProblem, fillProblem, orderProblem, positionProblem, tradeProblem, tradingEventProblem } from "./index.ts";

// Hand-written values of the contract's types; each test breaks one field and expects that field named.
const fill: Fill = { id: "f-1", clientOrderId: "c-1", venueOrderId: "9", symbol: "BTCUSDT", side: "BUY", quantity: 2, price: 100, fee: 0.2, time: 1_700_000_000_000 };
const order: Order = {
  symbol: "BTCUSDT", side: "BUY", type: "MARKET", clientOrderId: "c-1", venueOrderId: "9", timeInForce: "GTC", status: "FILLED",
  quantity: 2, filledQuantity: 2, averageFillPrice: 100, fills: [fill], createdAt: 1_700_000_000_000, updatedAt: 1_700_000_000_000,
};
const fillEvent = (changes: Record<string, unknown>) => ({ type: "fill", fill: { ...fill, ...changes }, order });

describe("what a fill must have (the engine and the kit)", () => {
  test("a well-formed order, fill event and trade have no problem", () => {
    expect(orderProblem(order)).toBeUndefined();
    expect(tradingEventProblem({ type: "fill", fill, order })).toBeUndefined();
    expect(tradeProblem({ ...fill, realizedPnl: -3 })).toBeUndefined();
    // A fee of 0 (a promotion) and a negative one (a maker rebate) are fees the engine books.
    expect(fillProblem({ ...fill, fee: 0 }, order)).toBeUndefined();
    expect(fillProblem({ ...fill, fee: -0.02 }, order)).toBeUndefined();
  });

  test("a fee given as the venue's decimal string is named, with what to do", () => {
    expect(tradingEventProblem(fillEvent({ fee: "0.20000000" }))).toBe(
      "a fill event (order c-1) whose fill has a fee that is a string, not a finite number (parse the venue's text into a number)",
    );
  });

  test("non-finite amounts, and a quantity or price of 0 or less, are refused", () => {
    expect(fillProblem({ ...fill, quantity: Number.NaN }, order)).toBe("has a quantity that is NaN, not a finite number above 0");
    expect(fillProblem({ ...fill, quantity: 0 }, order)).toBe("has a quantity of 0, not a finite number above 0");
    expect(fillProblem({ ...fill, price: -5 }, order)).toBe("has a price of -5, not a finite number above 0");
    expect(fillProblem({ ...fill, price: Number.POSITIVE_INFINITY }, order)).toBe("has a price that is Infinity, not a finite number above 0");
    expect(fillProblem({ ...fill, fee: Number.NaN }, order)).toBe("has a fee that is NaN, not a finite number");
    expect(fillProblem({ ...fill, time: undefined }, order)).toBe("has a time that is missing, not a time (epoch milliseconds)");
  });

  test("a fill of another order, symbol or side than its order's is named", () => {
    expect(fillProblem({ ...fill, clientOrderId: "c-2" }, order)).toBe("has a clientOrderId that is not its order's (c-1)");
    expect(fillProblem({ ...fill, symbol: "ETHUSDT" }, order)).toBe('has symbol "ETHUSDT", not its order\'s "BTCUSDT"');
    expect(fillProblem({ ...fill, side: "SELL" }, order)).toBe("has side SELL, not its order's BUY");
    // Text that looks like a key is never printed, only its length.
    expect(fillProblem({ ...fill, symbol: "k".repeat(64) }, order)).toBe("has symbol (64 characters, not shown), not its order's \"BTCUSDT\"");
    expect(fillProblem({ ...fill, venueOrderId: 9 }, order)).toBe("has a venueOrderId that is 9, not a string");
  });
});

describe("what an order must have", () => {
  test("a venue's own status spelling, a NaN filled quantity and a string average price are named", () => {
    expect(orderProblem({ ...order, status: "Filled" })).toStartWith('has status "Filled", none of PENDING, SUBMITTED');
    expect(orderProblem({ ...order, filledQuantity: Number.NaN })).toBe("has a filledQuantity that is NaN, not a finite number of 0 or more");
    expect(orderProblem({ ...order, quantity: -1 })).toBe("has a quantity of -1, not a finite number of 0 or more");
    // 2.5 filled of 2 ordered is an overfill; 2 + 1e-12 is float rounding of summed partial fills, and 5 filled of a
    // quote-sized order (quantity 0 until resolved) cannot be judged.
    expect(orderProblem({ ...order, filledQuantity: 2.5 })).toBe("has a filledQuantity of 2.5, more than its quantity 2");
    expect(orderProblem({ ...order, filledQuantity: 2 + 1e-12 })).toBeUndefined();
    expect(orderProblem({ ...order, quantity: 0, filledQuantity: 5, fills: [{ ...fill, quantity: 5 }] })).toBeUndefined();
    expect(orderProblem({ ...order, averageFillPrice: "100" })).toStartWith("has an averageFillPrice that is a string");
  });

  test("the order's side, times and fills list are required; its fills are judged one by one, not with the order", () => {
    expect(orderProblem({ ...order, side: "buy" })).toBe("has a side that is neither BUY nor SELL");
    expect(orderProblem({ ...order, updatedAt: "2024-01-01" })).toBe("has an updatedAt that is a string, not a time (epoch milliseconds)");
    expect(orderProblem({ ...order, fills: undefined })).toBe("has fills that are missing, not a list");
    // A bad fill inside the list does not make the order unreadable: its status still counts, and the fill is refused alone.
    expect(orderProblem({ ...order, fills: [fill, { ...fill, id: "f-2", fee: "0.1" }] })).toBeUndefined();
  });

  test("an order without ids, or not an object, is named", () => {
    expect(orderProblem({ ...order, clientOrderId: "" })).toBe("has a clientOrderId that is an empty string, not a non-empty string");
    expect(orderProblem(null)).toBe("is null, not an order");
    expect(tradingEventProblem({ type: "order", order: "{}" })).toBe("an order event whose order is a string, not an order");
  });
});

describe("what positions, accounts and other events must have", () => {
  test("a position's NaN quantity or other symbol, and an account's missing equity, are named; flat is fine", () => {
    const position = { symbol: "BTCUSDT", side: "LONG", quantity: 1, averagePrice: 100, marketPrice: 101 };
    expect(positionProblem(position, "BTCUSDT")).toBeUndefined();
    expect(positionProblem(undefined, "BTCUSDT")).toBeUndefined();
    expect(positionProblem({ ...position, quantity: Number.NaN }, "BTCUSDT")).toBe("has a quantity that is NaN, not a finite number of 0 or more");
    expect(positionProblem(position, "ETHUSDT")).toBe("names another symbol than ETHUSDT");
    expect(accountProblem({ balance: 10 })).toBe("has an equity that is missing, not a finite number");
  });

  test("an unknown event type or connection state is named", () => {
    expect(tradingEventProblem({ type: "trade" })).toBe("an event of no known type (order, fill, position, account, connection)");
    expect(tradingEventProblem({ type: "connection", state: "connected" })).toStartWith("a connection event whose state is none of");
    expect(tradingEventProblem({ type: "connection", state: "CONNECTED" })).toBeUndefined();
  });
});
