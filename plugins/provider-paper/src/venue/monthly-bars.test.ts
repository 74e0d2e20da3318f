import { describe, expect, test } from "bun:test";
import { harness } from "../__fixtures__/venue-harness.ts";

describe("monthly bars close at the end of their calendar month", () => {
  test("a market order placed after a February 1M bar fills at March's open", async () => {
    // February 2024 has 29 days: the bar closes on March 1. A fixed 30-day "1M" would put the clock on
    // March 2, inside the March bar, and the order would trade at March's close (120) instead.
    const { venue } = await harness({}, "1M", "XYZ", 0);
    const february = Date.UTC(2024, 1, 1);
    const march = Date.UTC(2024, 2, 1);
    venue.processBar({ symbol: "XYZ", interval: "1M", openTime: february, open: 100, high: 100, low: 100, close: 100, volume: 1e9 });
    const clockAfterFebruary = venue.now();
    await venue.placeOrder({ symbol: "XYZ", side: "BUY", type: "MARKET", quantity: 1, clientOrderId: "m" });
    venue.processBar({ symbol: "XYZ", interval: "1M", openTime: march, open: 110, high: 125, low: 105, close: 120, volume: 1e9 });
    const order = await venue.getOrder("m");
    expect(order.status).toBe("FILLED");
    expect(order.averageFillPrice).toBe(110);
    expect(order.fills[0]!.time).toBe(march);
    expect(clockAfterFebruary).toBe(march);
    expect(venue.now()).toBe(Date.UTC(2024, 3, 1));
  });

  test("bars dated on month ends (as BTCUSD's): an order placed after the 03-31 bar fills at the 04-30 bar's open", async () => {
    // 03-31 + one month rolled over to 05-01 would put the clock inside the April bar: the order would trade at its close (20).
    const { venue } = await harness({}, "1M", "XYZ", 0);
    const march = Date.UTC(2025, 2, 31);
    const april = Date.UTC(2025, 3, 30);
    venue.processBar({ symbol: "XYZ", interval: "1M", openTime: march, open: 12, high: 12, low: 12, close: 12, volume: 1e9 });
    expect(venue.now()).toBe(april);
    await venue.placeOrder({ symbol: "XYZ", side: "BUY", type: "MARKET", quantity: 1, clientOrderId: "m" });
    venue.processBar({ symbol: "XYZ", interval: "1M", openTime: april, open: 10, high: 25, low: 9, close: 20, volume: 1e9 });
    const order = await venue.getOrder("m");
    expect([order.status, order.averageFillPrice, order.fills[0]!.time]).toEqual(["FILLED", 10, april]);
  });

  test("fixed intervals still close one interval after they open", async () => {
    const { venue } = await harness({}, "1h", "XYZ", 0);
    const open = Date.UTC(2024, 1, 1);
    venue.processBar({ symbol: "XYZ", interval: "1h", openTime: open, open: 100, high: 100, low: 100, close: 100, volume: 1e9 });
    expect(venue.now()).toBe(open + 3_600_000);
    venue.processBar({ symbol: "XYZ", interval: "1M", openTime: Date.UTC(2024, 1, 1), open: 100, high: 100, low: 100, close: 100, volume: 1e9 });
    expect(venue.now()).toBe(Date.UTC(2024, 2, 1));
  });
});
