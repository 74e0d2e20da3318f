import { describe, expect, test } from "bun:test";
import type { Position } from "@argo/core";
import { type Signal, signalToRequest } from "./signal.ts";
import { byEquityFraction, byQuantity, byQuote, sizingProblem } from "./sizing.ts";

const position = (side: "LONG" | "SHORT", quantity: number): Position => ({
  symbol: "X", side, quantity, averagePrice: 1, marketPrice: 1, realizedPnl: 0, unrealizedPnl: 0, fees: 0, openedAt: 0, updatedAt: 0,
});

describe("signals", () => {
  test("the action decides the side; quantities stay positive", () => {
    expect(signalToRequest({ action: "OPEN_LONG", quantity: 2 }, "X", undefined)).toEqual({
      request: { symbol: "X", side: "BUY", type: "MARKET", quantity: 2, reason: "OPEN_LONG" },
    });
    expect(signalToRequest({ action: "OPEN_SHORT", ...byQuote(500), reason: "why" }, "X", undefined)).toEqual({
      request: { symbol: "X", side: "SELL", type: "MARKET", quoteAmount: 500, reason: "why" },
    });
  });

  test("closes default to the whole position and never exceed it", () => {
    expect(signalToRequest({ action: "CLOSE_LONG" }, "X", position("LONG", 7))).toMatchObject({ request: { side: "SELL", quantity: 7 } });
    expect(signalToRequest({ action: "CLOSE_LONG", quantity: 3 }, "X", position("LONG", 7))).toMatchObject({ request: { quantity: 3 } });
    expect(signalToRequest({ action: "CLOSE_LONG", quantity: 30 }, "X", position("LONG", 7))).toMatchObject({ request: { quantity: 7 } });
    expect(signalToRequest({ action: "CLOSE_SHORT" }, "X", position("SHORT", 4))).toMatchObject({ request: { side: "BUY", quantity: 4 } });
  });

  test("a close is capped at the position less what already works against it, and skipped when that covers it", () => {
    // Long 7 with 3 already being sold: 7 − 3 = 4 are left to close.
    expect(signalToRequest({ action: "CLOSE_LONG" }, "X", position("LONG", 7), 3)).toMatchObject({ request: { side: "SELL", quantity: 4 } });
    expect(signalToRequest({ action: "CLOSE_LONG", quantity: 5 }, "X", position("LONG", 7), 3)).toMatchObject({ request: { quantity: 4 } });
    expect(signalToRequest({ action: "CLOSE_LONG", quantity: 2 }, "X", position("LONG", 7), 3)).toMatchObject({ request: { quantity: 2 } });
    expect(signalToRequest({ action: "CLOSE_SHORT" }, "X", position("SHORT", 4), 1.5)).toMatchObject({ request: { side: "BUY", quantity: 2.5 } });
    expect(signalToRequest({ action: "CLOSE_LONG" }, "X", position("LONG", 7), 7)).toEqual({
      skip: "CLOSE_LONG: the long position in X (7) is already covered by orders working against it (7)",
    });
    expect(signalToRequest({ action: "CLOSE_SHORT", quantity: 1 }, "X", position("SHORT", 2), 5)).toMatchObject({ skip: expect.stringContaining("already covered") });
    expect(signalToRequest({ action: "CLOSE_LONG" }, "X", position("LONG", 7), Number.NaN)).toMatchObject({ skip: expect.stringContaining("of unknown size") });
  });

  test("a close sized by quoteAmount or equityFraction is invalid, naming the field, with the order it described", () => {
    const quote = signalToRequest({ action: "CLOSE_LONG", quoteAmount: 100 }, "X", position("LONG", 10));
    expect(quote).toEqual({
      invalid: "CLOSE_LONG: a close takes `quantity` (or nothing for the whole position), not quoteAmount",
      request: { symbol: "X", side: "SELL", type: "MARKET", quoteAmount: 100, reason: "CLOSE_LONG" },
    });
    expect(signalToRequest({ action: "CLOSE_SHORT", ...byEquityFraction(0.1) }, "X", position("SHORT", 3))).toMatchObject({
      invalid: expect.stringContaining("not equityFraction"),
    });
    // Wrong whether or not there is a position to close: a bug in the strategy, reported rather than skipped.
    expect(signalToRequest({ action: "CLOSE_LONG", quantity: 1, quoteAmount: 5 }, "X", undefined)).toMatchObject({ invalid: expect.stringContaining("not quoteAmount") });
  });

  test("a close with a takeProfit or stopLoss is invalid, naming the field: its legs would open the other way once it filled", () => {
    // Before: passed through; a CLOSE_LONG's take-profit BUY and stop-loss BUY opened a short after the long was sold.
    expect(signalToRequest({ action: "CLOSE_LONG", takeProfit: { triggerPrice: 90 } }, "X", position("LONG", 10))).toMatchObject({
      invalid: "CLOSE_LONG: a close takes no takeProfit (its legs would open a position the other way once it filled)",
    });
    expect(signalToRequest({ action: "CLOSE_SHORT", stopLoss: { triggerPrice: 120 } }, "X", position("SHORT", 3))).toMatchObject({
      invalid: expect.stringContaining("a close takes no stopLoss"),
    });
    // Entries keep theirs.
    expect(signalToRequest({ action: "OPEN_LONG", quantity: 1, stopLoss: { triggerPrice: 90 } }, "X", undefined)).toMatchObject({ request: { stopLoss: { triggerPrice: 90 } } });
  });

  test("a close with a negative, zero or non-numeric quantity is invalid, naming quantity (never read as its absolute value)", () => {
    expect(signalToRequest({ action: "CLOSE_LONG", quantity: -1 }, "X", position("LONG", 2))).toEqual({
      invalid: "CLOSE_LONG: quantity must be a positive number (the side, not the sign, gives the direction), got -1",
      request: { symbol: "X", side: "SELL", type: "MARKET", quantity: -1, reason: "CLOSE_LONG" },
    });
    expect(signalToRequest({ action: "CLOSE_SHORT", quantity: -3 }, "X", position("SHORT", 5))).toMatchObject({ invalid: expect.stringContaining("got -3") });
    expect(signalToRequest({ action: "CLOSE_LONG", quantity: 0 }, "X", position("LONG", 2))).toMatchObject({ invalid: expect.stringContaining("quantity must be a positive number") });
    expect(signalToRequest({ action: "CLOSE_LONG", quantity: Number.NaN }, "X", position("LONG", 2))).toMatchObject({ invalid: expect.stringContaining("got NaN") });
    // Wrong whether or not there is a position to close.
    expect(signalToRequest({ action: "CLOSE_LONG", quantity: -1 }, "X", undefined)).toMatchObject({ invalid: expect.stringContaining("got -1") });
  });

  test("the quantity left to close is the exact decimal, without float noise either way", () => {
    // Long 0.4 with 0.1 working: 0.30000000000000004 in floats, 0.3 exactly.
    expect(signalToRequest({ action: "CLOSE_LONG" }, "X", position("LONG", 0.4), 0.1)).toMatchObject({ request: { quantity: 0.3 } });
    // Long 0.3 with 0.1 working: 0.19999999999999998 in floats, 0.2 exactly (what a venue keeping decimals holds free).
    expect(signalToRequest({ action: "CLOSE_LONG" }, "X", position("LONG", 0.3), 0.1)).toMatchObject({ request: { quantity: 0.2 } });
    expect(signalToRequest({ action: "CLOSE_LONG", quantity: 0.25 }, "X", position("LONG", 0.3), 0.1)).toMatchObject({ request: { quantity: 0.2 } });
    expect(signalToRequest({ action: "CLOSE_SHORT", quantity: 0.15 }, "X", position("SHORT", 0.3), 0.1)).toMatchObject({ request: { quantity: 0.15 } });
  });

  test("an action that is none of the four is invalid, naming `action` and what was given (never skipped as nothing to do)", () => {
    const wanted = "action must be one of OPEN_LONG, CLOSE_LONG, OPEN_SHORT, CLOSE_SHORT";
    // The request carries what the signal gave; no side, as the action names none.
    expect(signalToRequest({ action: "OPEN_LOGN" as "OPEN_LONG", quantity: 1 }, "X", undefined) as unknown).toEqual({
      invalid: `${wanted} (got "OPEN_LOGN")`,
      request: { symbol: "X", type: "MARKET", quantity: 1, reason: "OPEN_LOGN" },
    });
    expect(signalToRequest({ action: "open_long" as "OPEN_LONG", quantity: 1 }, "X", undefined)).toMatchObject({ invalid: `${wanted} (got "open_long")` });
    // Even with a position to close, and for names every object has ("toString" is no action).
    expect(signalToRequest({ action: "close_long" as "CLOSE_LONG" }, "X", position("LONG", 2))).toMatchObject({ invalid: `${wanted} (got "close_long")` });
    expect(signalToRequest({ action: "toString" as "OPEN_LONG", quantity: 1 }, "X", undefined)).toMatchObject({ invalid: `${wanted} (got "toString")` });
    expect(signalToRequest({ quantity: 1 } as unknown as Signal, "X", undefined)).toMatchObject({ invalid: `${wanted} (got undefined)` });
  });

  test("closing a side that is not held is skipped with a reason", () => {
    expect(signalToRequest({ action: "CLOSE_LONG" }, "X", undefined)).toEqual({ skip: "CLOSE_LONG: no long position in X" });
    expect(signalToRequest({ action: "CLOSE_SHORT" }, "X", position("LONG", 1))).toEqual({ skip: "CLOSE_SHORT: no short position in X" });
  });

  test("limit, stop, brackets and ids are carried over", () => {
    const out = signalToRequest(
      { action: "OPEN_LONG", type: "LIMIT", limitPrice: 9, quantity: 1, stopLoss: { triggerPrice: 8 }, takeProfit: { triggerPrice: 12 }, clientOrderId: "c1", timeInForce: "DAY" },
      "X", undefined,
    );
    expect(out).toMatchObject({ request: { type: "LIMIT", limitPrice: 9, stopLoss: { triggerPrice: 8 }, takeProfit: { triggerPrice: 12 }, clientOrderId: "c1", timeInForce: "DAY" } });
  });
});

describe("sizing", () => {
  test("helpers make the core OrderRequest fields", () => {
    expect(byQuantity(3)).toEqual({ quantity: 3 });
    expect(byQuote(100)).toEqual({ quoteAmount: 100 });
    expect(byEquityFraction(0.5)).toEqual({ equityFraction: 0.5 });
  });

  test("exactly one positive size is required", () => {
    expect(sizingProblem({ quantity: 1 })).toBeUndefined();
    expect(sizingProblem({})).toContain("needs one of");
    expect(sizingProblem({ quantity: 1, quoteAmount: 2 })).toContain("only one");
    expect(sizingProblem({ quantity: -1 })).toContain("quantity must be a positive number");
    expect(sizingProblem({ quantity: Number.NaN })).toContain("positive");
    expect(sizingProblem({ equityFraction: 1.5 })).toContain("(0, 1]");
  });

  test("a size given as a string is shown as one, not as the number it looks like", () => {
    expect(sizingProblem({ quantity: "5" as unknown as number })).toBe(
      'quantity must be a positive number (the side, not the sign, gives the direction), got the string "5"',
    );
    expect(sizingProblem({ quoteAmount: "100" as unknown as number })).toEndWith('got the string "100"');
    expect(sizingProblem({ quantity: -2 })).toEndWith("got -2");
  });
});
