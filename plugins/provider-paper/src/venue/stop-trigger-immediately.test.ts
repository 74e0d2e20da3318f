import type { OrderRequest } from "@argo/core";
import { describe, expect, test } from "bun:test";
import { harness, rejectsWith } from "../__fixtures__/venue-harness.ts";
import { createPaperVenue } from "../create-paper-venue.ts";

// Binance refuses a stop whose stop price the market has already reached (-2010 "Order would trigger immediately").
// The harness's last price is 100 (its seed bar).
const stop = (side: "BUY" | "SELL", stopPrice: number, limitPrice?: number): OrderRequest => ({
  symbol: "XYZ", side, type: limitPrice === undefined ? "STOP" : "STOP_LIMIT", quantity: 1, stopPrice, limitPrice, clientOrderId: "s",
});

describe("a stop already reached at placement is refused", () => {
  test("SELL STOP at or above the last price, BUY STOP_LIMIT at or below it: INVALID_ORDER naming the stop and the price", async () => {
    const { venue } = await harness({ allowShorting: true });
    const cases: Array<[OrderRequest, string]> = [
      [stop("SELL", 110), "stopPrice 110 of a SELL STOP must be below the last price 100: it would trigger immediately"],
      [stop("SELL", 100), "stopPrice 100 of a SELL STOP must be below the last price 100"],
      [stop("BUY", 90, 95), "stopPrice 90 of a BUY STOP_LIMIT must be above the last price 100: it would trigger immediately"],
      [stop("BUY", 100), "stopPrice 100 of a BUY STOP must be above the last price 100"],
      [stop("SELL", 101, 99), "stopPrice 101 of a SELL STOP_LIMIT must be below the last price 100"],
    ];
    for (const [request, message] of cases) {
      const error = await rejectsWith(venue.placeOrder(request), "INVALID_ORDER");
      expect(error.message).toContain(message);
      expect(error.details?.field).toBe("stopPrice");
    }
    expect(await venue.getOpenOrders()).toHaveLength(0);
  });

  test("stops beyond the last price are accepted and wait for it", async () => {
    const { venue, feed } = await harness({ allowShorting: true });
    await venue.placeOrder({ ...stop("BUY", 101), clientOrderId: "b" });
    await venue.placeOrder({ ...stop("SELL", 99, 98), clientOrderId: "s" });
    feed({ open: 100, high: 100.5, low: 99.5, close: 100 });
    expect((await venue.getOrder("b")).status).toBe("ACCEPTED");
    expect((await venue.getOrder("s")).status).toBe("ACCEPTED");
  });

  test("before the symbol's first bar there is no last price: such a stop is accepted", async () => {
    const { venue } = await harness({ allowShorting: true, symbols: ["XYZ"] }, "1m", "XYZ", 0);
    expect((await venue.placeOrder(stop("SELL", 110))).status).toBe("ACCEPTED");
  });

  test("restore takes back a working stop the price has since passed: it was accepted when placed", async () => {
    const venue = createPaperVenue({ commission: { makerRate: 0, takerRate: 0 }, allowShorting: true });
    await venue.connect();
    const t = Date.UTC(2024, 0, 2);
    venue.restore({
      fills: [],
      workingOrders: [{
        symbol: "XYZ", side: "SELL", type: "STOP", quantity: 1, stopPrice: 110, timeInForce: "GTC", clientOrderId: "s",
        venueOrderId: "P1", status: "ACCEPTED", filledQuantity: 0, averageFillPrice: 0, fills: [], createdAt: t, updatedAt: t,
      }],
      lastBars: [{ symbol: "XYZ", interval: "1m", openTime: t, open: 100, high: 100, low: 100, close: 100, volume: 1e9 }],
    });
    expect((await venue.getOrder("s")).status).toBe("ACCEPTED");
  });
});
