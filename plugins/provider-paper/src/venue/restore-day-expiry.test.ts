import type { Bar, Fill, TradingEvent, VenueRecord } from "@argo/core";
import { describe, expect, test } from "bun:test";
import { createPaperVenue } from "../create-paper-venue.ts";
import type { PaperVenue } from "./paper-venue.ts";

// Computed with Date, not with the venue's own day arithmetic: midnight UTC starting day 0.
const T0 = Date.UTC(2024, 0, 1);
const DAY = 86_400_000;

async function connected(): Promise<{ venue: PaperVenue; events: TradingEvent[] }> {
  const venue = createPaperVenue({ initialCapital: 10_000, commission: { makerRate: 0, takerRate: 0 } });
  await venue.connect();
  const events: TradingEvent[] = [];
  venue.on((event) => events.push(event));
  return { venue, events };
}

/** The daily bar of `day`: opens at 100, dips to `low`. */
const bar = (symbol: string, day: number, low = 99): Bar => ({
  symbol, interval: "1d", openTime: T0 + day * DAY, open: 100, high: 101, low, close: 100, volume: 1e6,
});

/** Feeds a bar as the engine does: the clock to its open (once), to its close, then the bar. */
function feed(venues: PaperVenue[], b: Bar): void {
  for (const venue of venues) {
    venue.setTime(b.openTime);
    venue.setTime(b.openTime + DAY);
    venue.processBar(b);
  }
}

/**
 * Symbols A and C, daily. Placed on C's day-0 close (day 1, 00:00), a DAY limit buy of C at 96 ends with day 1, at
 * day 2, 00:00: C's day-1 bar (day 1 to day 2) still trades it, and its low of 95 reaches 96.
 */
async function dayOneOrder(): Promise<PaperVenue> {
  const { venue } = await connected();
  feed([venue], bar("A", 0));
  feed([venue], bar("C", 0));
  venue.placeOrderSync({ symbol: "C", side: "BUY", type: "LIMIT", limitPrice: 96, quantity: 1, timeInForce: "DAY", clientOrderId: "c-day" });
  return venue;
}

describe("restore: DAY orders expire by what the record proves, not by the clock", () => {
  test("stopped between two symbols' bars of a day: the other symbol's DAY order waits for its bar and fills as uninterrupted", async () => {
    const original = await dayOneOrder();
    feed([original], bar("A", 1));
    const record: VenueRecord = { fills: [], workingOrders: await original.getOpenOrders(), lastBars: [bar("A", 1), bar("C", 0)] };
    const restored = await connected();
    restored.venue.restore(record);
    // The clock is at A's day-1 close (day 2), C's order's day end; C's day-1 bar is still to come.
    expect(restored.venue.now()).toBe(T0 + 2 * DAY);
    expect((await restored.venue.getOpenOrders()).map((o) => [o.clientOrderId, o.status])).toEqual([["c-day", "ACCEPTED"]]);
    // Its reservation holds: 10,000 less 1 × 96, no fees.
    expect((await restored.venue.getAccount()).buyingPower).toBeCloseTo(9_904, 9);
    expect(restored.events).toEqual([]);
    feed([original, restored.venue], bar("C", 1, 95));
    const filled = await restored.venue.getOrder("c-day");
    // Opens at 100 above the limit, dips to 95: filled at the limit, 96.
    expect([filled.status, filled.averageFillPrice]).toEqual(["FILLED", 96]);
    expect(filled).toEqual(await original.getOrder("c-day"));
  });

  test("a DAY order its own symbol's last bar outlived expires at the next call, stamped with its day end; the other's works on", async () => {
    const original = await dayOneOrder();
    // Ends with day 1 as well; limit 50 never fills.
    original.placeOrderSync({ symbol: "A", side: "BUY", type: "LIMIT", limitPrice: 50, quantity: 1, timeInForce: "DAY", clientOrderId: "a-day" });
    // A journal that lags: the orders before A's day-1 bar, which expired "a-day" at its close, with that bar.
    const working = await original.getOpenOrders();
    feed([original], bar("A", 1));
    const restored = await connected();
    restored.venue.restore({ fills: [], workingOrders: working, lastBars: [bar("A", 1), bar("C", 0)] });
    expect(restored.events).toEqual([]);
    const expired = await restored.venue.getOrder("a-day");
    expect([expired.status, expired.updatedAt]).toEqual(["EXPIRED", T0 + 2 * DAY]);
    expect(expired).toEqual(await original.getOrder("a-day"));
    expect((await restored.venue.getOrder("c-day")).status).toBe("ACCEPTED");
    // Told at that call, not during restore.
    expect(restored.events.flatMap((e) => (e.type === "order" ? [[e.order.clientOrderId, e.order.status]] : []))).toEqual([["a-day", "EXPIRED"]]);
  });

  test("a bar that opened after the day end proves it ended for every symbol: a symbol whose bar is missing expires too", async () => {
    const original = await dayOneOrder();
    feed([original], bar("A", 1));
    const working = await original.getOpenOrders();
    // C has no day-1 bar; A's day-2 bar opens at day 2, C's order's day end.
    feed([original], bar("A", 2));
    const restored = await connected();
    restored.venue.restore({ fills: [], workingOrders: working, lastBars: [bar("A", 2), bar("C", 0)] });
    const expired = await restored.venue.getOrder("c-day");
    expect([expired.status, expired.updatedAt]).toEqual(["EXPIRED", T0 + 2 * DAY]);
    expect(expired).toEqual(await original.getOrder("c-day"));
  });

  test("a fill proves only its own symbol's time: without last bars, another symbol's DAY order works on", async () => {
    const original = await dayOneOrder();
    const working = await original.getOpenOrders();
    // A market buy of A that arrived inside A's day-1 bar fills at its close, day 2 (as with latency).
    const fill: Fill = {
      id: "F1", clientOrderId: "a-market", venueOrderId: "P2", symbol: "A", side: "BUY", quantity: 1, price: 100, fee: 0, time: T0 + 2 * DAY,
    };
    const restored = await connected();
    restored.venue.restore({ fills: [fill], workingOrders: working });
    expect((await restored.venue.getOpenOrders()).map((o) => [o.clientOrderId, o.status])).toEqual([["c-day", "ACCEPTED"]]);
    feed([restored.venue], bar("C", 1, 95));
    const filled = await restored.venue.getOrder("c-day");
    expect([filled.status, filled.averageFillPrice]).toEqual(["FILLED", 96]);
  });
});
