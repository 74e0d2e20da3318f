import type { Bar } from "@argo/core";
import { describe, expect, test } from "bun:test";
import { harness } from "../__fixtures__/venue-harness.ts";
import { expectConsistentTimes } from "../__fixtures__/order-times.ts";

const HOUR = 3_600_000;
/** Orders below are placed on 2024-01-02 (UTC) at 23:00: their day ends at midnight into the 3rd. */
const DAY_END = Date.UTC(2024, 0, 3);
const LAST_HOUR = DAY_END - HOUR;
const dayLimit = { symbol: "XYZ", side: "BUY", type: "LIMIT", quantity: 1, limitPrice: 99, timeInForce: "DAY", clientOrderId: "day" } as const;

function hourBar(symbol: string, openTime: number, low: number, high = 100): Bar {
  return { symbol, interval: "1h", openTime, open: 100, high, low, close: 100, volume: 1e9 };
}

// The engine sets the clock to a bar's close, then feeds the bar; a bar the venue refuses (high below the open
// here) is reported and the run goes on: the strategy's calls on that bar reach the venue next.
describe("a bar refused for impossible prices still settles the clock its close reached", () => {
  test("another symbol's DAY order survives the venue's next call and trades in its own bar of that hour", async () => {
    const { venue, events } = await harness({}, "1h");
    venue.setTime(LAST_HOUR);
    await venue.placeOrder(dayLimit);
    venue.setTime(DAY_END);
    expect(() => venue.processBar(hourBar("ABC", LAST_HOUR, 100, 99))).toThrow(/must bound open/);
    await venue.placeOrder({ symbol: "XYZ", side: "BUY", type: "LIMIT", quantity: 1, limitPrice: 50, clientOrderId: "next" });
    expect((await venue.getOpenOrders()).map((o) => o.clientOrderId)).toEqual(["day", "next"]);
    venue.setTime(DAY_END);
    venue.processBar(hourBar("XYZ", LAST_HOUR, 98));
    const order = await venue.getOrder("day");
    expect([order.status, order.averageFillPrice, order.fills[0]?.time]).toEqual(["FILLED", 99, LAST_HOUR]);
    expectConsistentTimes([order], events);
  });

  test("its own symbol's DAY order whose day ended at its close expires then, stamped at the day end", async () => {
    const { venue, events } = await harness({}, "1h");
    venue.setTime(LAST_HOUR);
    await venue.placeOrder(dayLimit);
    venue.setTime(DAY_END);
    expect(() => venue.processBar(hourBar("XYZ", LAST_HOUR, 98, 99))).toThrow(/must bound open/);
    const expired = events.filter((e) => e.type === "order" && e.order.status === "EXPIRED");
    expect(expired.map((e) => (e.type === "order" ? [e.order.clientOrderId, e.order.updatedAt] : []))).toEqual([["day", DAY_END]]);
    expect((await venue.getOrder("day")).filledQuantity).toBe(0);
  });

  test("a refused bar whose open time is no time leaves the sweep to the next call, as before", async () => {
    const { venue } = await harness({}, "1h");
    venue.setTime(LAST_HOUR);
    await venue.placeOrder(dayLimit);
    venue.setTime(DAY_END);
    expect(() => venue.processBar({ ...hourBar("ABC", LAST_HOUR, 100), openTime: Number.NaN })).toThrow(/openTime/);
    const order = await venue.getOrder("day");
    expect([order.status, order.updatedAt]).toEqual(["EXPIRED", DAY_END]);
  });
});
