import { describe, expect, test } from "bun:test";
import type { Account } from "../domain/account.ts";
import type { Fill } from "../domain/fill.ts";
import type { Order } from "../domain/order.ts";
import type { Position } from "../domain/position.ts";
import { accountProblem, positionProblem, tradingEventProblem } from "../shape/index.ts";
import { keptAccountProblem, keptEventProblem, keptPositionProblem, keptTradeProblem, kitTimeProblem } from "./kit-problems.ts";

// Hand-written values of the contract's types at 2023-11-14 (1_700_000_000_000 ms); each test breaks one field.
const at = 1_700_000_000_000;
const fill: Fill = { id: "f-1", clientOrderId: "c-1", venueOrderId: "9", symbol: "BTCUSDT", side: "BUY", quantity: 2, price: 100, fee: 0.2, time: at };
const order: Order = {
  symbol: "BTCUSDT", side: "BUY", type: "MARKET", clientOrderId: "c-1", venueOrderId: "9", timeInForce: "GTC", status: "FILLED",
  quantity: 2, filledQuantity: 2, averageFillPrice: 100, fills: [fill], createdAt: at, updatedAt: at,
};
const position: Position = {
  symbol: "BTCUSDT", side: "LONG", quantity: 2, averagePrice: 100, marketPrice: 101, realizedPnl: 0, unrealizedPnl: 2, fees: 0.2, openedAt: at, updatedAt: at,
};
const account: Account = {
  currency: "USD", balance: 800, equity: 1002, buyingPower: 800, realizedPnl: 0, unrealizedPnl: 2, totalFees: 0.2, marginUsed: 0, updatedAt: at,
};

describe("what the kit asks beyond the engine's shape checks", () => {
  test("well-formed values pass, and a flat position (undefined) in an event or answer is fine", () => {
    expect(keptPositionProblem(position, "BTCUSDT", true)).toBeUndefined();
    expect(keptPositionProblem(undefined, "BTCUSDT", true)).toBeUndefined();
    expect(keptAccountProblem(account)).toBeUndefined();
    expect(keptTradeProblem({ ...fill, realizedPnl: 0 })).toBeUndefined();
    expect(keptEventProblem({ type: "fill", fill, order })).toBeUndefined();
    expect(keptEventProblem({ type: "position", symbol: "BTCUSDT", position: undefined })).toBeUndefined();
  });

  test("a position or account without updatedAt fails the kit, naming the field, though the engine takes it", () => {
    const { updatedAt: _p, ...unstampedPosition } = position;
    const { updatedAt: _a, ...unstampedAccount } = account;
    // The engine's own checks let both through (its tolerance is unchanged).
    expect(positionProblem(unstampedPosition, "BTCUSDT")).toBeUndefined();
    expect(accountProblem(unstampedAccount)).toBeUndefined();
    expect(keptPositionProblem(unstampedPosition, "BTCUSDT", true)).toStartWith("has an updatedAt that is missing, not a time (epoch milliseconds)");
    expect(keptAccountProblem({ ...account, updatedAt: Number.NaN })).toStartWith("has an updatedAt that is NaN, not a time (epoch milliseconds)");
    expect(keptEventProblem({ type: "account", account: unstampedAccount })).toStartWith("an account event whose account has an updatedAt that is missing");
    expect(keptEventProblem({ type: "position", symbol: "BTCUSDT", position: unstampedPosition })).toStartWith(
      "a position event for BTCUSDT whose position has an updatedAt that is missing",
    );
  });

  test("a listed position of quantity 0 fails; a position event of quantity 0 (now flat, as the engine reads it) does not", () => {
    const flat = { ...position, quantity: 0 };
    expect(positionProblem(flat, "BTCUSDT")).toBeUndefined();
    expect(keptPositionProblem(flat, "BTCUSDT", true)).toBe("has a quantity of 0: a flat position is not listed (leave it out; getPosition answers undefined)");
    expect(tradingEventProblem({ type: "position", symbol: "BTCUSDT", position: flat })).toBeUndefined();
    expect(keptEventProblem({ type: "position", symbol: "BTCUSDT", position: flat })).toBeUndefined();
  });

  test("a time below 1e11 (1973-03-03 in ms) looks like epoch seconds; 1e11 itself and later are milliseconds", () => {
    // 1e11 - 1 is the last value refused; 1_700_000_000 is 2023-11-14 in seconds.
    expect(kitTimeProblem("time", 1e11)).toBeUndefined();
    expect(kitTimeProblem("time", 1e11 - 1)).toBe("has time 99999999999, which looks like epoch seconds, not milliseconds");
    expect(keptEventProblem({ type: "fill", fill: { ...fill, time: 1_700_000_000 }, order })).toBe(
      "a fill event (order c-1) whose fill has time 1700000000, which looks like epoch seconds, not milliseconds",
    );
    expect(keptEventProblem({ type: "order", order: { ...order, updatedAt: 1_700_000_000 } })).toBe(
      "an order event whose order has updatedAt 1700000000, which looks like epoch seconds, not milliseconds",
    );
    expect(keptEventProblem({ type: "order", order: { ...order, fills: [{ ...fill, time: 1_700_000_000 }] } })).toBe(
      "an order event whose order has a fill (fills[0]) that has time 1700000000, which looks like epoch seconds, not milliseconds",
    );
    expect(keptTradeProblem({ ...fill, realizedPnl: 0, time: 1_700_000_000 })).toBe("has time 1700000000, which looks like epoch seconds, not milliseconds");
    expect(keptAccountProblem({ ...account, updatedAt: 1_700_000_000 })).toBe("has updatedAt 1700000000, which looks like epoch seconds, not milliseconds");
  });

});
