import { type Bar, barCloseTime } from "@argo/core";
import { describe, expect, test } from "bun:test";
import { harness, START } from "../__fixtures__/venue-harness.ts";
import { expectConsistentTimes } from "../__fixtures__/order-times.ts";
import type { PaperVenue } from "./paper-venue.ts";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Orders below are placed on 2024-01-02 (START): their day ends at midnight into the 3rd. */
const DAY_END = START + DAY;

/** What the engine does for every bar: the clock to the bar's close, then the bar. */
function engineBar(venue: PaperVenue, symbol: string, interval: string, openTime: number, price: number, low = price): void {
  const bar: Bar = { symbol, interval, openTime, open: price, high: price, low, close: price, volume: 1e9 };
  venue.setTime(barCloseTime(openTime, interval));
  venue.processBar(bar);
}

const dayLimit = (symbol: string, id: string) =>
  ({ symbol, side: "BUY", type: "LIMIT", quantity: 1, limitPrice: 99, timeInForce: "DAY", clientOrderId: id }) as const;

describe("DAY orders fed in the engine's order (clock to the bar's close, then the bar)", () => {
  test("daily bars: an order placed at a day's start trades in that day's bar", async () => {
    const { venue, events } = await harness({}, "1d", "XYZ", 0);
    engineBar(venue, "XYZ", "1d", START - DAY, 100);
    // Placed at 00:00 on the 2nd, as a strategy does on the close of the 1st's bar; its day is the 2nd.
    await venue.placeOrder(dayLimit("XYZ", "day"));
    engineBar(venue, "XYZ", "1d", START, 100, 95);
    const order = await venue.getOrder("day");
    expect([order.status, order.averageFillPrice, order.fills[0]?.time]).toEqual(["FILLED", 99, START]);
    expectConsistentTimes([order], events);
  });

  test("daily bars: an order the day's bar does not reach expires at the day end, after that bar", async () => {
    const { venue, events } = await harness({}, "1d", "XYZ", 0);
    engineBar(venue, "XYZ", "1d", START - DAY, 100);
    await venue.placeOrder(dayLimit("XYZ", "day"));
    engineBar(venue, "XYZ", "1d", START, 100);
    expect([(await venue.getOrder("day")).status, (await venue.getOrder("day")).updatedAt]).toEqual(["EXPIRED", DAY_END]);
    engineBar(venue, "XYZ", "1d", START + DAY, 90);
    expect((await venue.getOrder("day")).filledQuantity).toBe(0);
    expect(events.filter((e) => e.type === "order").map((e) => (e.type === "order" ? e.order.status : ""))).toEqual(["ACCEPTED", "EXPIRED"]);
  });

  test("hourly bars: the day's last bar, 23:00 to midnight, still trades it", async () => {
    const { venue } = await harness({}, "1h", "XYZ", 0);
    engineBar(venue, "XYZ", "1h", START, 100);
    await venue.placeOrder(dayLimit("XYZ", "day"));
    for (let hour = 1; hour < 23; hour++) engineBar(venue, "XYZ", "1h", START + hour * HOUR, 100);
    engineBar(venue, "XYZ", "1h", DAY_END - HOUR, 100, 98);
    const order = await venue.getOrder("day");
    expect([order.status, order.fills[0]?.time]).toEqual(["FILLED", DAY_END - HOUR]);
  });

  test("two symbols: the first symbol's bar of the day does not expire the second's order before its own bar", async () => {
    const { venue, events } = await harness({}, "1d", "XYZ", 0);
    engineBar(venue, "ABC", "1d", START - DAY, 100);
    engineBar(venue, "XYZ", "1d", START - DAY, 100);
    await venue.placeOrder(dayLimit("XYZ", "day"));
    engineBar(venue, "ABC", "1d", START, 100);
    expect((await venue.getOrder("day")).status).toBe("ACCEPTED");
    engineBar(venue, "XYZ", "1d", START, 100, 95);
    const order = await venue.getOrder("day");
    expect([order.status, order.fills[0]?.time]).toEqual(["FILLED", START]);
    expectConsistentTimes([order], events);
  });

  test("two symbols: an order its own bar never reaches expires, stamped at its day end, once a later bar opens", async () => {
    const { venue, events } = await harness({}, "1d", "XYZ", 0);
    engineBar(venue, "ABC", "1d", START - DAY, 100);
    engineBar(venue, "XYZ", "1d", START - DAY, 100);
    await venue.placeOrder(dayLimit("XYZ", "day"));
    // The data of XYZ ends here: only ABC goes on.
    engineBar(venue, "ABC", "1d", START, 100);
    engineBar(venue, "ABC", "1d", START + DAY, 100);
    const order = await venue.getOrder("day");
    expect([order.status, order.updatedAt]).toEqual(["EXPIRED", DAY_END]);
    expectConsistentTimes([order], events);
  });

  test("the clock alone past the day end still expires it, by the venue's next call", async () => {
    const { venue, events } = await harness({}, "1h");
    await venue.placeOrder(dayLimit("XYZ", "day"));
    venue.setTime(DAY_END + HOUR);
    expect((await venue.getOpenOrders()).map((o) => o.clientOrderId)).toEqual([]);
    const expired = events.find((e) => e.type === "order" && e.order.status === "EXPIRED");
    expect(expired?.type === "order" ? expired.order.updatedAt : undefined).toBe(DAY_END);
  });
});
