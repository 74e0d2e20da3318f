// Orders placed before the venue clock first moved (a live session's init) are dated when it starts. Each is told
// ACCEPTED once, with that date: before, placement told it stamped 0 and the clock's start told it again, so a
// strategy heard ACCEPTED twice for one order.
import type { Order, OrderRequest, TradingEvent } from "@argo/core";
import { describe, expect, test } from "bun:test";
import { createPaperVenue } from "../create-paper-venue.ts";

// Computed with Date, not with the venue's own day arithmetic.
const TEN_AM = Date.UTC(2024, 0, 2, 10);
const MIDNIGHT = Date.UTC(2024, 0, 3);
const limit: OrderRequest = { symbol: "B", side: "BUY", type: "LIMIT", quantity: 1, limitPrice: 50 };

async function unstarted() {
  const venue = createPaperVenue({ initialCapital: 10_000, symbols: ["A", "B"], commission: { makerRate: 0, takerRate: 0 } });
  await venue.connect();
  const events: TradingEvent[] = [];
  venue.on((event) => events.push(event));
  return { venue, events };
}

/** "<id> <status> <createdAt>" of every order event, in the order they came. */
function told(events: TradingEvent[]): string[] {
  return events
    .filter((e): e is { type: "order"; order: Order } => e.type === "order")
    .map((e) => `${e.order.clientOrderId} ${e.order.status} ${e.order.createdAt}`);
}

describe("an order placed before the venue clock first moved is told ACCEPTED once, dated", () => {
  test("GTC and DAY, on two symbols: nothing at placement but the account, then one ACCEPTED each, in placement order", async () => {
    const { venue, events } = await unstarted();
    await venue.placeOrder({ ...limit, clientOrderId: "b1" });
    await venue.placeOrder({ ...limit, symbol: "A", clientOrderId: "a", timeInForce: "DAY" });
    await venue.placeOrder({ ...limit, clientOrderId: "b2", timeInForce: "DAY" });
    // Each reserved 1 × 50 of cash: the buying power fell by 50 at each placement, told then.
    expect(events.map((e) => e.type)).toEqual(["account", "account", "account"]);
    expect((await venue.getAccount()).buyingPower).toBe(10_000 - 150);
    events.length = 0;
    venue.setTime(TEN_AM);
    // Placement (venue numbering) order, not the books' (B's two orders before A's).
    expect(told(events)).toEqual([`b1 ACCEPTED ${TEN_AM}`, `a ACCEPTED ${TEN_AM}`, `b2 ACCEPTED ${TEN_AM}`]);
    // The DAY orders still belong to that day: they expire at its end, told once more, as EXPIRED.
    events.length = 0;
    venue.processBar({ symbol: "B", interval: "1h", openTime: TEN_AM, open: 60, high: 60, low: 60, close: 60, volume: 1e9 });
    venue.processBar({ symbol: "B", interval: "1h", openTime: MIDNIGHT, open: 60, high: 60, low: 60, close: 60, volume: 1e9 });
    expect(told(events).sort()).toEqual([`a EXPIRED ${TEN_AM}`, `b2 EXPIRED ${TEN_AM}`]);
    expect([(await venue.getOrder("b2")).updatedAt, (await venue.getOrder("b1")).status]).toEqual([MIDNIGHT, "ACCEPTED"]);
  });

  test("a first bar without setTime tells it at the bar's open; one cancelled before is told CANCELLED only", async () => {
    const { venue, events } = await unstarted();
    await venue.placeOrder({ ...limit, clientOrderId: "kept" });
    await venue.placeOrder({ ...limit, clientOrderId: "gone" });
    await venue.cancelOrder("gone");
    venue.processBar({ symbol: "B", interval: "1h", openTime: TEN_AM, open: 60, high: 60, low: 60, close: 60, volume: 1e9 });
    expect(told(events)).toEqual(["gone CANCELLED 0", `kept ACCEPTED ${TEN_AM}`]);
  });
});
