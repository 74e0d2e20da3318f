import { describe, expect, test } from "bun:test";
import { harness, START } from "../__fixtures__/venue-harness.ts";
import { expectConsistentTimes } from "../__fixtures__/order-times.ts";

const DAY = 86_400_000;
const WEEK = 7 * DAY;

// The harness feeds a first bar at START (a Tuesday, 00:00 UTC); orders placed after it arrive at its close, the
// next bar's open, and their UTC day ends one day later, inside the next weekly or monthly bar.
describe("DAY orders against bars longer than a day", () => {
  test("weekly bars: a DAY limit is judged on the open only (its day is the bar's first); unfilled, it expires at its day end", async () => {
    const { venue, events, feed } = await harness({}, "1w");
    await venue.placeOrder({ symbol: "XYZ", side: "BUY", type: "LIMIT", quantity: 1, limitPrice: 95, timeInForce: "DAY", clientOrderId: "day" });
    // The week reaches 90, but nothing says it did on the order's day: only the open (100) is known to.
    const openTime = feed({ open: 100, high: 101, low: 90, close: 92 });
    expect(openTime).toBe(START + WEEK);
    const order = await venue.getOrder("day");
    expect([order.status, order.filledQuantity, order.updatedAt]).toEqual(["EXPIRED", 0, START + WEEK + DAY]);
    expectConsistentTimes([order], events);
  });

  test("weekly bars: a DAY limit the open gaps through fills at the open; a DAY stop the open gaps past triggers there", async () => {
    const { venue, events, feed } = await harness({ allowShorting: true }, "1w");
    await venue.placeOrder({ symbol: "XYZ", side: "BUY", type: "LIMIT", quantity: 1, limitPrice: 95, timeInForce: "DAY", clientOrderId: "limit" });
    await venue.placeOrder({ symbol: "XYZ", side: "SELL", type: "STOP", quantity: 1, stopPrice: 96, timeInForce: "DAY", clientOrderId: "stop" });
    const openTime = feed({ open: 94, high: 120, low: 80, close: 110 });
    const limit = await venue.getOrder("limit");
    const stop = await venue.getOrder("stop");
    expect([limit.status, limit.averageFillPrice, limit.fills[0]?.time]).toEqual(["FILLED", 94, openTime]);
    expect([stop.status, stop.averageFillPrice, stop.fills[0]?.time]).toEqual(["FILLED", 94, openTime]);
    expectConsistentTimes([limit, stop], events);
  });

  test("monthly bars: the same rule; a GTC limit keeps the whole month's range", async () => {
    const { venue, feed } = await harness({}, "1M");
    await venue.placeOrder({ symbol: "XYZ", side: "BUY", type: "LIMIT", quantity: 1, limitPrice: 95, timeInForce: "DAY", clientOrderId: "day" });
    await venue.placeOrder({ symbol: "XYZ", side: "BUY", type: "LIMIT", quantity: 1, limitPrice: 95, timeInForce: "GTC", clientOrderId: "gtc" });
    feed({ open: 100, high: 101, low: 90, close: 92 });
    expect((await venue.getOrder("day")).status).toBe("EXPIRED");
    const gtc = await venue.getOrder("gtc");
    expect([gtc.status, gtc.averageFillPrice]).toEqual(["FILLED", 95]);
  });

  test("daily bars keep the whole range: the day end falls at (not inside) the bar's close", async () => {
    const { venue, feed } = await harness({}, "1d");
    await venue.placeOrder({ symbol: "XYZ", side: "BUY", type: "LIMIT", quantity: 1, limitPrice: 95, timeInForce: "DAY", clientOrderId: "day" });
    feed({ open: 100, high: 101, low: 90, close: 92 });
    const order = await venue.getOrder("day");
    expect([order.status, order.averageFillPrice]).toEqual(["FILLED", 95]);
  });
});
