import { describe, expect, test } from "bun:test";
import { harness, rejectsWith } from "../__fixtures__/venue-harness.ts";

describe("equity-sized orders leave other open orders' reservations alone", () => {
  test("a market buy of equityFraction 1 buys only what a resting limit buy left, and the limit still fills", async () => {
    // 10,000 capital; the limit reserves 50 × 90 = 4,500, leaving 5,500: 55 at 100 (no fees).
    const { venue, feed } = await harness({ initialCapital: 10_000 });
    await venue.placeOrder({ symbol: "XYZ", side: "BUY", type: "LIMIT", quantity: 50, limitPrice: 90, clientOrderId: "limit" });
    await venue.placeOrder({ symbol: "XYZ", side: "BUY", type: "MARKET", equityFraction: 1, clientOrderId: "all" });
    feed(100);
    const all = await venue.getOrder("all");
    expect([all.status, all.filledQuantity, all.averageFillPrice]).toEqual(["FILLED", 55, 100]);
    expect((await venue.getOrder("limit")).status).toBe("ACCEPTED");
    feed(90);
    const limit = await venue.getOrder("limit");
    expect([limit.status, limit.filledQuantity, limit.averageFillPrice]).toEqual(["FILLED", 50, 90]);
    expect((await venue.getAccount()).balance).toBe(10_000 - 55 * 100 - 50 * 90);
  });

  test("an equity-sized buy is refused at placement when open orders reserved all the cash", async () => {
    // The limit reserves 100 × 100 = 10,000: nothing is left to size a buy from.
    const { venue } = await harness({ initialCapital: 10_000 });
    await venue.placeOrder({ symbol: "XYZ", side: "BUY", type: "LIMIT", quantity: 100, limitPrice: 100, clientOrderId: "limit" });
    await rejectsWith(venue.placeOrder({ symbol: "XYZ", side: "BUY", type: "MARKET", equityFraction: 1 }), "INSUFFICIENT_FUNDS");
  });
});

describe("equity-sized sells count the long they reduce", () => {
  test("without shorting, SELL equityFraction 1 sells the whole long", async () => {
    // Long 90 at 100 of 10,000 leaves 1,000 cash; before the fix only 1,000 / 100 = 10 were sold.
    const { venue, feed } = await harness({ initialCapital: 10_000 });
    await venue.placeOrder({ symbol: "XYZ", side: "BUY", type: "MARKET", quantity: 90, clientOrderId: "long" });
    feed(100);
    await venue.placeOrder({ symbol: "XYZ", side: "SELL", type: "MARKET", equityFraction: 1, clientOrderId: "out" });
    feed(100);
    const out = await venue.getOrder("out");
    expect([out.status, out.filledQuantity]).toEqual(["FILLED", 90]);
    expect(await venue.getPosition("XYZ")).toBeUndefined();
    expect((await venue.getAccount()).balance).toBe(10_000);
  });

  test("with shorting, SELL equityFraction 1 closes the long and goes short with all the equity", async () => {
    // Closing 90 frees 9,000; equity 10,000 then backs a short of 100 at 100: 190 sold in all.
    const { venue, feed } = await harness({ initialCapital: 10_000, allowShorting: true });
    await venue.placeOrder({ symbol: "XYZ", side: "BUY", type: "MARKET", quantity: 90, clientOrderId: "long" });
    feed(100);
    await venue.placeOrder({ symbol: "XYZ", side: "SELL", type: "MARKET", equityFraction: 1, clientOrderId: "flip" });
    feed(100);
    const flip = await venue.getOrder("flip");
    expect([flip.status, flip.filledQuantity]).toEqual(["FILLED", 190]);
    const position = await venue.getPosition("XYZ");
    expect([position?.side, position?.quantity]).toEqual(["SHORT", 100]);
    expect((await venue.getAccount()).balance).toBe(1_000 + 190 * 100);
  });
});
