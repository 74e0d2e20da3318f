import type { Order } from "@argo/core";
import { describe, expect, test } from "bun:test";
import { harness, START } from "../__fixtures__/venue-harness.ts";
import { expectConsistentTimes } from "../__fixtures__/order-times.ts";

const MINUTE = 60_000;
/** The harness seeds a 1m bar at START; the next bar opens when it closes. */
const NEXT_OPEN = START + MINUTE;
const bracket = { takeProfit: { triggerPrice: 110 }, stopLoss: { triggerPrice: 95 } };

/** Every order event the venue emitted for `id`, oldest first. */
function orderEvents(events: { type: string; order?: Order }[], id: string): Order[] {
  return events.filter((e) => e.type === "order" && e.order?.clientOrderId === id).map((e) => e.order!);
}

describe("bracket legs are stamped with the time they start working", () => {
  test("a stop-loss that triggers in its entry's bar was created at the entry's fill, the bar's open", async () => {
    const { venue, feed, events } = await harness();
    await venue.placeOrder({ symbol: "XYZ", side: "BUY", type: "MARKET", quantity: 2, clientOrderId: "e", ...bracket });
    // The entry fills at the open (100); the fall to 94 then crosses the stop-loss at 95 in the same bar.
    expect(feed({ open: 100, high: 101, low: 94, close: 96 })).toBe(NEXT_OPEN);
    const entry = await venue.getOrder("e");
    const stop = await venue.getOrder("e-sl");
    const take = await venue.getOrder("e-tp");
    expect([entry.status, entry.fills[0]?.time, entry.updatedAt]).toEqual(["FILLED", NEXT_OPEN, NEXT_OPEN]);
    expect([stop.status, stop.averageFillPrice]).toEqual(["FILLED", 95]);
    expect([stop.createdAt, stop.fills[0]?.time, stop.updatedAt]).toEqual([NEXT_OPEN, NEXT_OPEN, NEXT_OPEN]);
    // One-cancels-the-other: the partner ends at the moment the stop-loss traded, not when the bar closed.
    expect([take.status, take.createdAt, take.updatedAt]).toEqual(["CANCELLED", NEXT_OPEN, NEXT_OPEN]);
    for (const copy of [...orderEvents(events, "e-sl"), ...orderEvents(events, "e-tp")]) expect(copy.createdAt).toBe(NEXT_OPEN);
    expect(orderEvents(events, "e-sl").map((o) => [o.status, o.updatedAt])).toEqual([
      ["ACCEPTED", NEXT_OPEN],
      ["FILLED", NEXT_OPEN],
    ]);
    const trades = await venue.getTrades();
    expect(trades.map((t) => [t.clientOrderId, t.time])).toEqual([
      ["e", NEXT_OPEN],
      ["e-sl", NEXT_OPEN],
    ]);
    expectConsistentTimes([entry, stop, take], events);
  });

  test("legs that wait for the next bar were still created at the entry's fill", async () => {
    const { venue, feed, events } = await harness();
    await venue.placeOrder({ symbol: "XYZ", side: "BUY", type: "MARKET", quantity: 1, clientOrderId: "e", ...bracket });
    feed({ open: 100, high: 101, low: 99, close: 100 });
    const second = feed({ open: 100, high: 111, low: 99, close: 109 });
    const take = await venue.getOrder("e-tp");
    expect([take.createdAt, take.fills[0]?.time, take.updatedAt]).toEqual([NEXT_OPEN, second, second]);
    expect((await venue.getOrder("e-sl")).updatedAt).toBe(second);
    expectConsistentTimes([take, await venue.getOrder("e-sl"), await venue.getOrder("e")], events);
  });

  test("an IOC entry partly filled at the open ends there, where its legs begin", async () => {
    const { venue, feed, events } = await harness({ maxVolumeShare: 0.5 });
    await venue.placeOrder({ symbol: "XYZ", side: "BUY", type: "MARKET", quantity: 10, timeInForce: "IOC", clientOrderId: "e", ...bracket });
    // Half of a volume of 8: 4 of 10 fill at the open; IOC drops the rest at once, as a venue does after matching.
    feed({ open: 100, high: 101, low: 99, close: 100, volume: 8 });
    const entry = await venue.getOrder("e");
    const stop = await venue.getOrder("e-sl");
    expect([entry.status, entry.filledQuantity, entry.updatedAt]).toEqual(["EXPIRED", 4, NEXT_OPEN]);
    expect([stop.status, stop.quantity, stop.createdAt]).toEqual(["ACCEPTED", 4, NEXT_OPEN]);
    expectConsistentTimes([entry, stop], events);
  });

  test("an entry filled mid-bar (a market order arriving after the open) gets legs at that bar's close", async () => {
    const { venue, feed, events } = await harness({ latencyMs: 10_000 });
    await venue.placeOrder({ symbol: "XYZ", side: "BUY", type: "MARKET", quantity: 1, clientOrderId: "e", ...bracket });
    // Arrives 10 s into the bar: it trades at the close, the first price known to follow it.
    feed({ open: 100, high: 101, low: 90, close: 100 });
    const stop = await venue.getOrder("e-sl");
    expect(stop.createdAt).toBe(NEXT_OPEN + MINUTE);
    // The low of 90 came before the entry's price: the stop-loss is not judged on it.
    expect(stop.status).toBe("ACCEPTED");
    expectConsistentTimes([stop, await venue.getOrder("e")], events);
  });
});
