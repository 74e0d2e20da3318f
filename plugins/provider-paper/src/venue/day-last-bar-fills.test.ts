import type { Bar, Order } from "@argo/core";
import { describe, expect, test } from "bun:test";
import { harness } from "../__fixtures__/venue-harness.ts";
import { expectConsistentTimes } from "../__fixtures__/order-times.ts";

const HOUR = 3_600_000;
/** Orders below are placed on 2024-01-02 (UTC) at 23:00: their day ends at midnight into the 3rd. */
const DAY_END = Date.UTC(2024, 0, 3);
/** The day's last hourly bar, 23:00 to midnight: its close time is the DAY orders' expiry. */
const LAST_BAR: Bar = { symbol: "XYZ", interval: "1h", openTime: DAY_END - HOUR, open: 100, high: 101, low: 95, close: 98, volume: 10 };

function statuses(events: { type: string; order?: Order }[], id: string): string[] {
  return events.filter((e) => e.type === "order" && e.order?.clientOrderId === id).map((e) => e.order!.status);
}

// A market order arriving after a bar's open trades at the bar's close. When that bar closes exactly at the order's
// day end, the close time is the instant a DAY order expires: the fill is recorded on its day's last millisecond.
describe("a DAY market order arriving inside the last bar of its day (the bar closes at its day end)", () => {
  test("fills at the close, recorded before its day end, as the engine feeds it (clock to the close, then the bar)", async () => {
    const { venue, events } = await harness({ latencyMs: HOUR / 2 }, "1h");
    venue.setTime(DAY_END - HOUR);
    await venue.placeOrder({ symbol: "XYZ", side: "BUY", type: "MARKET", quantity: 4, timeInForce: "DAY", clientOrderId: "day" });
    venue.setTime(DAY_END);
    venue.processBar(LAST_BAR);
    const order = await venue.getOrder("day");
    expect([order.status, order.averageFillPrice, order.fills[0]?.time, order.updatedAt]).toEqual(["FILLED", 98, DAY_END - 1, DAY_END - 1]);
    expect(statuses(events, "day")).toEqual(["ACCEPTED", "FILLED"]);
    expectConsistentTimes([order], events);
  });

  test("partly filled (half of a volume of 10): 5 at the close before midnight, the rest expires at midnight", async () => {
    const { venue, events } = await harness({ latencyMs: HOUR / 2, maxVolumeShare: 0.5 }, "1h");
    venue.setTime(DAY_END - HOUR);
    await venue.placeOrder({ symbol: "XYZ", side: "BUY", type: "MARKET", quantity: 8, timeInForce: "DAY", clientOrderId: "day" });
    venue.setTime(DAY_END);
    venue.processBar(LAST_BAR);
    const order = await venue.getOrder("day");
    expect([order.status, order.filledQuantity, order.fills[0]?.time, order.updatedAt]).toEqual(["EXPIRED", 5, DAY_END - 1, DAY_END]);
    expect(statuses(events, "day")).toEqual(["ACCEPTED", "PARTIALLY_FILLED", "EXPIRED"]);
    expect((await venue.getPosition("XYZ"))?.quantity).toBe(5);
    expectConsistentTimes([order], events);
  });

  test("a GTC market order in the same bar keeps the bar's close time: it has no day end to stay before", async () => {
    const { venue } = await harness({ latencyMs: HOUR / 2 }, "1h");
    venue.setTime(DAY_END - HOUR);
    await venue.placeOrder({ symbol: "XYZ", side: "BUY", type: "MARKET", quantity: 4, clientOrderId: "gtc" });
    venue.setTime(DAY_END);
    venue.processBar(LAST_BAR);
    const order = await venue.getOrder("gtc");
    expect([order.status, order.averageFillPrice, order.fills[0]?.time]).toEqual(["FILLED", 98, DAY_END]);
  });
});
