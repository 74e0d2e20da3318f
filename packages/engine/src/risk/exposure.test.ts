import { describe, expect, test } from "bun:test";
import type { OrderRequest, OrderType, Position } from "@argo/core";
import { isReducing, neverReducing, referencePrice } from "./exposure.ts";

const order = (side: "BUY" | "SELL", type: OrderType, prices: { limitPrice?: number; stopPrice?: number } = {}): OrderRequest => ({
  symbol: "X", side, type, quantity: 1, ...prices,
});
const long = (quantity: number): Position => ({
  symbol: "X", side: "LONG", quantity, averagePrice: 100, marketPrice: 100, realizedPnl: 0, unrealizedPnl: 0, fees: 0, openedAt: 0, updatedAt: 0,
});

describe("referencePrice: the highest price an order can fill at as far as is known (last price 100)", () => {
  // Each expectation is read off the rule by hand: a buy fills at most at its limit, a sell limit at least at its limit and
  // at the market when that is higher, a stop the market has passed triggers at once (at the market), one ahead at its stop.
  test("MARKET: the last price, whatever stray prices it carries", () => {
    expect(referencePrice(order("BUY", "MARKET"), 100)).toBe(100);
    expect(referencePrice(order("BUY", "MARKET", { limitPrice: 1 }), 100)).toBe(100);
    expect(referencePrice(order("SELL", "MARKET", { stopPrice: 500 }), 100)).toBe(100);
  });

  test("LIMIT: a buy at its limit; a sell at its limit, or at the market when the limit is below it", () => {
    expect(referencePrice(order("BUY", "LIMIT", { limitPrice: 90 }), 100)).toBe(90);
    expect(referencePrice(order("BUY", "LIMIT", { limitPrice: 120 }), 100)).toBe(120);
    expect(referencePrice(order("SELL", "LIMIT", { limitPrice: 1 }), 100)).toBe(100); // through the market: fills at once
    expect(referencePrice(order("SELL", "LIMIT", { limitPrice: 110 }), 100)).toBe(110);
  });

  test("STOP: a buy stop below the market and a sell stop above it trigger at once, at the market", () => {
    expect(referencePrice(order("BUY", "STOP", { stopPrice: 1 }), 100)).toBe(100);
    expect(referencePrice(order("BUY", "STOP", { stopPrice: 110 }), 100)).toBe(110);
    expect(referencePrice(order("SELL", "STOP", { stopPrice: 500 }), 100)).toBe(100);
    expect(referencePrice(order("SELL", "STOP", { stopPrice: 90 }), 100)).toBe(90);
  });

  test("STOP_LIMIT: a buy at its limit; a sell at the higher of its limit and the price it triggers at", () => {
    expect(referencePrice(order("BUY", "STOP_LIMIT", { stopPrice: 1, limitPrice: 105 }), 100)).toBe(105);
    expect(referencePrice(order("SELL", "STOP_LIMIT", { stopPrice: 500, limitPrice: 1 }), 100)).toBe(100); // min(500, 100) = 100 > 1
    expect(referencePrice(order("SELL", "STOP_LIMIT", { stopPrice: 90, limitPrice: 85 }), 100)).toBe(90); // triggers at 90, above 85
    expect(referencePrice(order("SELL", "STOP_LIMIT", { stopPrice: 90, limitPrice: 95 }), 100)).toBe(95);
  });

  test("without a last price the order's own prices stand alone; a MARKET order has none", () => {
    expect(referencePrice(order("SELL", "LIMIT", { limitPrice: 7 }), Number.NaN)).toBe(7);
    expect(referencePrice(order("BUY", "STOP", { stopPrice: 8 }), Number.NaN)).toBe(8);
    expect(referencePrice(order("SELL", "STOP_LIMIT", { stopPrice: 9, limitPrice: 6 }), Number.NaN)).toBe(9);
    expect(referencePrice(order("BUY", "MARKET"), Number.NaN)).toBeNaN();
  });
});

describe("what can count as reducing", () => {
  const sell = (extra: Partial<OrderRequest>): OrderRequest => ({ symbol: "X", side: "SELL", type: "MARKET", ...extra });

  test("an order with bracket legs never reduces: its legs reopen the position", () => {
    const tp = sell({ quantity: 5, takeProfit: { triggerPrice: 50 } });
    const sl = sell({ quantity: 5, stopLoss: { triggerPrice: 150 } });
    expect(isReducing(sell({ quantity: 5 }), long(10), 5)).toBe(true);
    expect(isReducing(tp, long(10), 5)).toBe(false);
    expect(isReducing(sl, long(10), 5)).toBe(false);
    expect(neverReducing(tp)).toContain("takeProfit or stopLoss");
  });

  test("only quantity-sized orders reduce: quote and equity sizing resolve at the fill price", () => {
    // 500 of quote at 100 is 5, half the long 10, yet at a fill price of 40 it would be 12.5 and flip the position.
    expect(isReducing(sell({ quoteAmount: 500 }), long(10), 5)).toBe(false);
    expect(isReducing(sell({ equityFraction: 0.05 }), long(10), 5)).toBe(false);
    expect(neverReducing(sell({ quoteAmount: 500 }))).toContain("quoteAmount");
    expect(neverReducing(sell({ equityFraction: 0.05 }))).toContain("equityFraction");
    expect(neverReducing(sell({ quantity: 5 }))).toBeUndefined();
  });
});
