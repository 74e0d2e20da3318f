import type { Order, OrderRequest } from "@argo/core";
import { describe, expect, test } from "bun:test";
import { harness } from "../__fixtures__/venue-harness.ts";
import type { PaperVenue } from "./paper-venue.ts";

/** The orders below are placed on 2024-01-02 (UTC): their day ends at midnight into the 3rd. */
const DAY_END = Date.UTC(2024, 0, 3);
/** Two days after the day end, 09:00: when the next bar or clock tick notices the expiry. */
const LATER = Date.UTC(2024, 0, 5, 9);
const dayOrder: OrderRequest = { symbol: "XYZ", side: "BUY", type: "LIMIT", quantity: 1, limitPrice: 50, timeInForce: "DAY", clientOrderId: "day" };

function bar(symbol: string, openTime: number, price: number, low = price) {
  return { symbol, interval: "1h", openTime, open: price, high: price, low, close: price, volume: 1e9 };
}

/** The EXPIRED update the venue emitted for `id`. */
function expiredEvent(events: { type: string; order?: Order }[], id: string): Order | undefined {
  return events.find((e) => e.type === "order" && e.order?.clientOrderId === id && e.order.status === "EXPIRED")?.order;
}

async function expectExpiredAtDayEnd(venue: PaperVenue, events: { type: string; order?: Order }[]): Promise<void> {
  const order = await venue.getOrder("day");
  expect(order.status).toBe("EXPIRED");
  expect(order.updatedAt).toBe(DAY_END);
  expect(expiredEvent(events, "day")?.updatedAt).toBe(DAY_END);
}

describe("a DAY order noticed late expires at its day end", () => {
  test("when the next bar of its symbol comes two days later", async () => {
    const { venue, events } = await harness({}, "1h");
    await venue.placeOrder(dayOrder);
    venue.processBar(bar("XYZ", LATER, 40));
    await expectExpiredAtDayEnd(venue, events);
    // It expired before that bar opened, so the bar (which reached its limit) did not fill it.
    expect((await venue.getOrder("day")).filledQuantity).toBe(0);
  });

  test("when a bar of another symbol moves the clock past it", async () => {
    const { venue, events } = await harness({}, "1h");
    await venue.placeOrder(dayOrder);
    venue.processBar(bar("ABC", LATER, 10));
    await expectExpiredAtDayEnd(venue, events);
  });

  test("when the clock alone is set past it", async () => {
    const { venue, events } = await harness({}, "1h");
    await venue.placeOrder(dayOrder);
    venue.setTime(LATER);
    await expectExpiredAtDayEnd(venue, events);
  });

  test("the legs of a partly filled DAY entry work from its day end, not from when the expiry was noticed", async () => {
    const { venue, feed } = await harness({ maxVolumeShare: 0.5 }, "1h");
    await venue.placeOrder({ ...dayOrder, quantity: 10, limitPrice: 100, clientOrderId: "d", stopLoss: { triggerPrice: 90 } });
    // 50 % of 8: 4 of 10 fill at 100 in the 01:00 bar.
    feed({ open: 100, high: 100, low: 100, close: 100, volume: 8 });
    // Another symbol's 09:00–10:00 bar comes first and moves the clock to 10:00 two days later...
    venue.processBar(bar("ABC", LATER, 10));
    expect((await venue.getOrder("d")).updatedAt).toBe(DAY_END);
    // ...then XYZ's bar of the same hour falls through the stop: the leg existed since midnight on the 3rd.
    venue.processBar(bar("XYZ", LATER, 95, 85));
    const stop = await venue.getOrder("d-sl");
    expect(stop.status).toBe("FILLED");
    expect([stop.filledQuantity, stop.averageFillPrice]).toEqual([4, 90]);
    expect(stop.fills[0]?.time).toBe(LATER);
    expect(await venue.getPosition("XYZ")).toBeUndefined();
  });

  test("a listener told of an expiry cannot feed a bar or start a second sweep while the first runs", async () => {
    const { venue, events } = await harness({}, "1h");
    await venue.placeOrder(dayOrder);
    await venue.placeOrder({ ...dayOrder, clientOrderId: "day-2" });
    const errors: string[] = [];
    venue.on((event) => {
      if (event.type !== "order" || event.order.status !== "EXPIRED" || event.order.clientOrderId !== "day") return;
      try {
        venue.processBar(bar("XYZ", LATER + 24 * 3_600_000, 40));
      } catch (error) {
        errors.push((error as { code: string }).code);
      }
      venue.setTime(LATER + 48 * 3_600_000);
      void venue.getOpenOrders();
    });
    venue.setTime(LATER);
    expect(await venue.getOpenOrders()).toHaveLength(0);
    expect(errors).toEqual(["INTERNAL"]);
    const expired = events.filter((e) => e.type === "order" && e.order.status === "EXPIRED").map((e) => (e.type === "order" ? e.order.clientOrderId : ""));
    expect(expired).toEqual(["day", "day-2"]);
    expect((await venue.getTrades()).length).toBe(0);
  });
});
