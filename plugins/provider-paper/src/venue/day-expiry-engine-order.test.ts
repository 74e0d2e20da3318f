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

  test("many symbols: each day-end bar expires its own symbol's orders, in placement order, and no other's", async () => {
    const { venue, events } = await harness({}, "1d", "XYZ", 0);
    for (const symbol of ["AAA", "BBB", "CCC"]) engineBar(venue, symbol, "1d", START - DAY, 100);
    for (const [symbol, id] of [["AAA", "a1"], ["BBB", "b1"], ["AAA", "a2"], ["CCC", "c1"], ["BBB", "b2"], ["AAA", "a3"]] as const) {
      await venue.placeOrder(dayLimit(symbol, id));
    }
    await venue.placeOrder({ ...dayLimit("AAA", "gtc"), timeInForce: "GTC" });
    const expired = () => events.flatMap((e) => (e.type === "order" && e.order.status === "EXPIRED" ? [e.order.clientOrderId] : []));
    engineBar(venue, "AAA", "1d", START, 100);
    expect(expired()).toEqual(["a1", "a2", "a3"]);
    engineBar(venue, "BBB", "1d", START, 100);
    expect(expired()).toEqual(["a1", "a2", "a3", "b1", "b2"]);
    // CCC has no bar that day: its order goes once a bar of the next day opens, with the same day-end stamp.
    engineBar(venue, "AAA", "1d", START + DAY, 100);
    expect(expired()).toEqual(["a1", "a2", "a3", "b1", "b2", "c1"]);
    const orders = await Promise.all(["a1", "b2", "c1"].map((id) => venue.getOrder(id)));
    expect(orders.map((o) => o.updatedAt)).toEqual([DAY_END, DAY_END, DAY_END]);
    expect((await venue.getOpenOrders()).map((o) => o.clientOrderId)).toEqual(["gtc"]);
  });

  test("a listener cancelling the book's orders while they expire: each ends once, cancelled or expired, none skipped", async () => {
    const { venue, events } = await harness({}, "1d", "XYZ", 0);
    engineBar(venue, "ABC", "1d", START - DAY, 100);
    engineBar(venue, "XYZ", "1d", START - DAY, 100);
    // Enough orders that the cancels compact the book's list (more than 64 closed and over half of it) mid-expiry.
    const ids = Array.from({ length: 150 }, (_, i) => `x${i}`);
    for (const id of ids) await venue.placeOrder(dayLimit("XYZ", id));
    await venue.placeOrder(dayLimit("ABC", "abc"));
    let cancelled = false;
    venue.on((event) => {
      if (cancelled || event.type !== "order" || event.order.status !== "EXPIRED") return;
      cancelled = true;
      // Every odd one, from the first expiry on: the expiry that follows must not skip the even ones after them.
      for (let i = 1; i < ids.length; i += 2) void venue.cancelOrder(ids[i]!);
    });
    engineBar(venue, "XYZ", "1d", START, 100);
    const ends = new Map<string, string[]>();
    for (const e of events) {
      if (e.type === "order" && (e.order.status === "EXPIRED" || e.order.status === "CANCELLED")) {
        ends.set(e.order.clientOrderId, [...(ends.get(e.order.clientOrderId) ?? []), e.order.status]);
      }
    }
    expect(ids.map((id) => ends.get(id))).toEqual(ids.map((_, i) => [i % 2 === 1 ? "CANCELLED" : "EXPIRED"]));
    expect((await venue.getOpenOrders()).map((o) => o.clientOrderId)).toEqual(["abc"]);
  });
});
