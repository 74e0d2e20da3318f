import type { Bar, OrderRequest } from "@argo/core";
import { describe, expect, test } from "bun:test";
import { harness, rejectsWith, START } from "../__fixtures__/venue-harness.ts";
import { createPaperVenue } from "../create-paper-venue.ts";

const MINUTE = 60_000;
const market = (fields: Partial<OrderRequest>): OrderRequest => ({ symbol: "XYZ", side: "BUY", type: "MARKET", quantity: 10, ...fields });

describe("a MARKET entry's bracket legs are checked against the last price", () => {
  // The harness's seed bar leaves the last price at 100.
  const wrongSide: Array<[string, Partial<OrderRequest>, string, string]> = [
    ["a BUY's take-profit below the price", { takeProfit: { triggerPrice: 50 } }, "takeProfit.triggerPrice", "takeProfit.triggerPrice 50 must be above the last price 100"],
    ["a BUY's take-profit at the price", { takeProfit: { triggerPrice: 100 } }, "takeProfit.triggerPrice", "takeProfit.triggerPrice 100 must be above the last price 100"],
    ["a BUY's stop-loss above the price", { stopLoss: { triggerPrice: 120 } }, "stopLoss.triggerPrice", "stopLoss.triggerPrice 120 must be below the last price 100"],
    ["a SELL's take-profit above the price", { side: "SELL", takeProfit: { triggerPrice: 120 } }, "takeProfit.triggerPrice", "takeProfit.triggerPrice 120 must be below the last price 100"],
    ["a SELL's stop-loss below the price", { side: "SELL", stopLoss: { triggerPrice: 80 } }, "stopLoss.triggerPrice", "stopLoss.triggerPrice 80 must be above the last price 100"],
  ];
  for (const [what, fields, field, message] of wrongSide) {
    test(`${what} is refused (INVALID_ORDER naming ${field}) and nothing is placed`, async () => {
      const { venue } = await harness({ initialCapital: 10_000, allowShorting: true, commission: { makerRate: 0.001, takerRate: 0.001 } });
      const error = await rejectsWith(venue.placeOrder(market({ ...fields, clientOrderId: "m" })), "INVALID_ORDER");
      expect(error.details?.field).toBe(field);
      expect(error.message).toContain(message);
      expect(await venue.getOpenOrders()).toEqual([]);
      expect((await venue.getAccount()).balance).toBe(10_000);
    });
  }

  test("legs on the right side are accepted and work as before", async () => {
    const { venue, feed } = await harness({ initialCapital: 10_000 });
    const placed = await venue.placeOrder(market({ takeProfit: { triggerPrice: 110 }, stopLoss: { triggerPrice: 90 }, clientOrderId: "m" }));
    expect(placed.status).toBe("ACCEPTED");
    feed({ open: 100, high: 105, low: 95, close: 101 });
    expect((await venue.getOrder("m")).status).toBe("FILLED");
    expect((await venue.getOrder("m-tp")).status).toBe("ACCEPTED");
    expect((await venue.getOrder("m-sl")).status).toBe("ACCEPTED");
  });

  test("before the symbol has a price nothing is checked against it: the market order is judged as before", async () => {
    const { venue } = await harness({ initialCapital: 10_000, symbols: ["XYZ"] }, "1m", "XYZ", 0);
    // Sized by quantity it needs a price for the funds check, as before (field "type", not the legs).
    const error = await rejectsWith(venue.placeOrder(market({ takeProfit: { triggerPrice: 50 } })), "INVALID_ORDER");
    expect(error.details?.field).toBe("type");
    // Sized at its fill it is accepted, legs and all.
    const placed = await venue.placeOrder(market({ quantity: undefined, equityFraction: 0.5, takeProfit: { triggerPrice: 50 }, clientOrderId: "e" }));
    expect(placed.status).toBe("ACCEPTED");
  });

  test("restore takes back a working market bracket entry although the price has since moved past its take-profit", async () => {
    const { venue } = await harness({ initialCapital: 10_000 });
    await venue.placeOrder(market({ takeProfit: { triggerPrice: 110 }, stopLoss: { triggerPrice: 90 }, clientOrderId: "m" }));
    const working = await venue.getOrder("m");
    const fresh = createPaperVenue({ initialCapital: 10_000, commission: { makerRate: 0, takerRate: 0 } });
    await fresh.connect();
    // The last bar closed at 120: the take-profit 110 is now below the market, yet the bracket was valid when placed.
    const last: Bar = { symbol: "XYZ", interval: "1m", openTime: START, open: 120, high: 121, low: 119, close: 120, volume: 1e9 };
    fresh.restore({ fills: [], workingOrders: [working], lastBars: [last] });
    expect((await fresh.getOpenOrders()).map((o) => o.clientOrderId)).toEqual(["m"]);
    fresh.processBar({ ...last, openTime: START + MINUTE });
    const entry = await fresh.getOrder("m");
    expect([entry.status, entry.averageFillPrice]).toEqual(["FILLED", 120]);
    expect((await fresh.getOrder("m-tp")).parentClientOrderId).toBe("m");
  });
});
