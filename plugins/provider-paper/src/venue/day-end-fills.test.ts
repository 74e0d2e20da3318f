import type { Order } from "@argo/core";
import { describe, expect, test } from "bun:test";
import { harness } from "../__fixtures__/venue-harness.ts";
import { expectConsistentTimes } from "../__fixtures__/order-times.ts";

const HOUR = 3_600_000;
/** Orders below are placed on 2024-01-02 (UTC) at 23:30: their day ends at midnight into the 3rd. */
const DAY_END = Date.UTC(2024, 0, 3);
const PLACED = DAY_END - HOUR / 2;
/** The last millisecond of that day. */
const LAST_MS = DAY_END - 1;

/** A 2h bar from 23:00 to 01:00: the orders placed at 23:30 arrive inside it and its close is past their day end. */
function acrossMidnight(prices: { open: number; high: number; low: number; close: number; volume?: number }) {
  return { symbol: "XYZ", interval: "2h", openTime: DAY_END - HOUR, volume: 1e9, ...prices };
}

function statuses(events: { type: string; order?: Order }[], id: string): string[] {
  return events.filter((e) => e.type === "order" && e.order?.clientOrderId === id).map((e) => e.order!.status);
}

describe("a DAY market order arriving inside a bar that runs past its day end", () => {
  test("fills at the bar's close, recorded on the last millisecond of its day, never expired", async () => {
    const { venue, events } = await harness({}, "1h");
    venue.setTime(PLACED);
    await venue.placeOrder({ symbol: "XYZ", side: "BUY", type: "MARKET", quantity: 10, timeInForce: "DAY", clientOrderId: "day" });
    venue.processBar(acrossMidnight({ open: 100, high: 106, low: 99, close: 104 }));
    const order = await venue.getOrder("day");
    // On a venue it would have executed on arrival, within its day; the close is the first price known after it.
    expect([order.status, order.filledQuantity, order.averageFillPrice]).toEqual(["FILLED", 10, 104]);
    expect([order.fills[0]?.time, order.updatedAt]).toEqual([LAST_MS, LAST_MS]);
    expect(statuses(events, "day")).toEqual(["ACCEPTED", "FILLED"]);
    expect((await venue.getTrades()).map((t) => t.time)).toEqual([LAST_MS]);
    const position = await venue.getPosition("XYZ");
    expect([position?.quantity, position?.openedAt]).toEqual([10, LAST_MS]);
    expect((await venue.getAccount()).balance).toBe(1e5 - 10 * 104);
    expectConsistentTimes([order], events);
  });

  test("partly filled (volume cap): the part fills on its day, the rest expires at the day end", async () => {
    const { venue, events } = await harness({ maxVolumeShare: 0.5 }, "1h");
    venue.setTime(PLACED);
    await venue.placeOrder({ symbol: "XYZ", side: "BUY", type: "MARKET", quantity: 10, timeInForce: "DAY", clientOrderId: "day" });
    venue.processBar(acrossMidnight({ open: 100, high: 100, low: 100, close: 100, volume: 10 }));
    const order = await venue.getOrder("day");
    expect([order.status, order.filledQuantity, order.fills[0]?.time, order.updatedAt]).toEqual(["EXPIRED", 5, LAST_MS, DAY_END]);
    expect(statuses(events, "day")).toEqual(["ACCEPTED", "PARTIALLY_FILLED", "EXPIRED"]);
    expect((await venue.getPosition("XYZ"))?.quantity).toBe(5);
    expectConsistentTimes([order], events);
  });

  test("arriving after its day end (latency), it expires at the day end unfilled", async () => {
    const { venue, events } = await harness({ latencyMs: 60_000 }, "1h");
    venue.setTime(DAY_END - 30_000);
    await venue.placeOrder({ symbol: "XYZ", side: "BUY", type: "MARKET", quantity: 10, timeInForce: "DAY", clientOrderId: "day" });
    venue.processBar(acrossMidnight({ open: 100, high: 100, low: 100, close: 100 }));
    const order = await venue.getOrder("day");
    expect([order.status, order.filledQuantity, order.updatedAt]).toEqual(["EXPIRED", 0, DAY_END]);
    expect(await venue.getTrades()).toHaveLength(0);
    expect((await venue.getAccount()).balance).toBe(1e5);
    expectConsistentTimes([order], events);
  });

  test("a DAY market bracket entry priced at the close does not judge its legs on that bar's range", async () => {
    const { venue, events } = await harness({}, "1h");
    venue.setTime(PLACED);
    await venue.placeOrder({ symbol: "XYZ", side: "BUY", type: "MARKET", quantity: 1, timeInForce: "DAY", clientOrderId: "e", stopLoss: { triggerPrice: 90 } });
    // The low of 80 came before the close the entry is priced at.
    venue.processBar(acrossMidnight({ open: 100, high: 101, low: 80, close: 100 }));
    const stop = await venue.getOrder("e-sl");
    expect([stop.status, stop.createdAt]).toEqual(["ACCEPTED", LAST_MS]);
    venue.processBar({ symbol: "XYZ", interval: "2h", openTime: DAY_END + HOUR, open: 95, high: 95, low: 85, close: 86, volume: 1e9 });
    const filled = await venue.getOrder("e-sl");
    expect([filled.status, filled.averageFillPrice, filled.fills[0]?.time]).toEqual(["FILLED", 90, DAY_END + HOUR]);
    expectConsistentTimes([filled, await venue.getOrder("e")], events);
  });
});

describe("DAY limit and stop orders arriving inside a bar that runs past their day end", () => {
  test("wait for the next bar, which opens after their day end: they expire at it without trading", async () => {
    const { venue, events } = await harness({}, "1h");
    venue.setTime(PLACED);
    await venue.placeOrder({ symbol: "XYZ", side: "BUY", type: "LIMIT", quantity: 1, limitPrice: 99, timeInForce: "DAY", clientOrderId: "limit" });
    await venue.placeOrder({ symbol: "XYZ", side: "BUY", type: "STOP", quantity: 1, stopPrice: 101, timeInForce: "DAY", clientOrderId: "stop" });
    // Both prices are inside this bar's range, but the orders arrived after its open.
    venue.processBar(acrossMidnight({ open: 100, high: 105, low: 95, close: 100 }));
    venue.processBar({ symbol: "XYZ", interval: "2h", openTime: DAY_END + HOUR, open: 100, high: 110, low: 90, close: 100, volume: 1e9 });
    for (const id of ["limit", "stop"]) {
      const order = await venue.getOrder(id);
      expect([order.status, order.filledQuantity, order.updatedAt]).toEqual(["EXPIRED", 0, DAY_END]);
      expect(statuses(events, id)).toEqual(["ACCEPTED", "EXPIRED"]);
    }
    expect(await venue.getTrades()).toHaveLength(0);
  });
});
