import { describe, expect, test } from "bun:test";
import type { OrderRequest } from "@argo/core";
import { unknownOrderField, unknownSignalField } from "./unknown-fields.ts";

describe("unknown order and signal fields are named, with the field they were probably meant as", () => {
  test("orders: a misspelt top-level field, any case or underscores", () => {
    expect(unknownOrderField({ side: "BUY", quantity: 10, stop_loss: { triggerPrice: 95 } })).toBe('unknown field "stop_loss" (did you mean stopLoss?)');
    expect(unknownOrderField({ side: "BUY", Quantity: 10 })).toBe('unknown field "Quantity" (did you mean quantity?)');
    expect(unknownOrderField({ side: "BUY", quantity: 1, LIMIT_PRICE: 5 })).toBe('unknown field "LIMIT_PRICE" (did you mean limitPrice?)');
    // No near match: the known fields are listed instead.
    expect(unknownOrderField({ side: "BUY", qty: 10 })).toMatch(/^unknown field "qty" \(known fields: symbol, side, type, quantity, .*strategyName\)$/);
    // An unknown field with an undefined value is still a misspelling (a spread carries it along all the same).
    expect(unknownOrderField({ side: "BUY", quantity: 1, stoploss: undefined })).toBe('unknown field "stoploss" (did you mean stopLoss?)');
  });

  test("orders: every field of OrderRequest is known, legs included", () => {
    const full: Required<OrderRequest> = {
      symbol: "X", side: "BUY", type: "STOP_LIMIT", quantity: 1, quoteAmount: 1, equityFraction: 1, limitPrice: 1, stopPrice: 1,
      timeInForce: "GTC", clientOrderId: "a", takeProfit: { triggerPrice: 2, limitPrice: 2 }, stopLoss: { triggerPrice: 1, limitPrice: 1 },
      positionSide: "LONG", reason: "r", strategyName: "s",
    };
    expect(unknownOrderField(full)).toBeUndefined();
    // Inherited names are not fields: "toString" is as unknown as any other.
    expect(unknownOrderField({ side: "BUY", quantity: 1, toString: 1 })).toMatch(/^unknown field "toString"/);
  });

  test("bracket legs: triggerPrice and limitPrice only, named with their leg", () => {
    expect(unknownOrderField({ side: "BUY", quantity: 1, stopLoss: { trigger_price: 95 } })).toBe(
      'unknown field "stopLoss.trigger_price" (did you mean stopLoss.triggerPrice?)',
    );
    expect(unknownSignalField({ action: "OPEN_LONG", quantity: 1, takeProfit: { triggerPrice: 110, limit: 111 } })).toBe(
      'unknown field "takeProfit.limit" (known fields: triggerPrice, limitPrice)',
    );
    // A leg that is no object is left to the venue's checks of its prices.
    expect(unknownOrderField({ side: "BUY", quantity: 1, stopLoss: 95 })).toBeUndefined();
  });

  test("signals: a signal's own fields only (positionSide and strategyName are an order's)", () => {
    expect(unknownSignalField({ action: "OPEN_LONG", quantity: 10, stoploss: { triggerPrice: 95 } })).toBe('unknown field "stoploss" (did you mean stopLoss?)');
    expect(unknownSignalField({ action: "OPEN_LONG", quantity: 10, positionSide: "LONG" })).toMatch(/^unknown field "positionSide" \(known fields: action,/);
    expect(unknownSignalField({
      action: "OPEN_LONG", symbol: "X", type: "LIMIT", quantity: 1, limitPrice: 1, timeInForce: "GTC", reason: "r", clientOrderId: "c",
      takeProfit: { triggerPrice: 2 }, stopLoss: { triggerPrice: 0.5, limitPrice: 0.4 },
    })).toBeUndefined();
  });
});
