import type { Order, OrderRequest, TradingEvent } from "@argo/core";
import { describe, expect, test } from "bun:test";
import { workingOrder } from "../__fixtures__/working-order.ts";
import { createPaperVenue } from "../create-paper-venue.ts";
import type { PaperVenue } from "./paper-venue.ts";

// Computed with Date, not with the venue's own day arithmetic.
const TEN_AM = Date.UTC(2024, 0, 2, 10);
const ELEVEN_PM = Date.UTC(2024, 0, 2, 23);
const MIDNIGHT = Date.UTC(2024, 0, 3);
const HOUR = 3_600_000;
const day: OrderRequest = { symbol: "XYZ", side: "BUY", type: "LIMIT", quantity: 1, limitPrice: 50, timeInForce: "DAY", clientOrderId: "day" };
const gtc: OrderRequest = { ...day, timeInForce: "GTC", clientOrderId: "gtc" };

/** A connected venue whose clock never moved (as a live session's in its strategy's init), with its recorded events. */
async function unstarted(): Promise<{ venue: PaperVenue; events: TradingEvent[] }> {
  const venue = createPaperVenue({ initialCapital: 10_000, symbols: ["XYZ"], commission: { makerRate: 0, takerRate: 0 } });
  await venue.connect();
  const events: TradingEvent[] = [];
  venue.on((event) => events.push(event));
  return { venue, events };
}

function bar(openTime: number, price: number, low = price) {
  return { symbol: "XYZ", interval: "1h", openTime, open: price, high: price, low, close: price, volume: 1e9 };
}

/** [status, createdAt, updatedAt] of every order update emitted for `id`. */
function updates(events: TradingEvent[], id: string): Array<[string, number, number]> {
  return events
    .filter((e): e is { type: "order"; order: Order } => e.type === "order" && e.order.clientOrderId === id)
    .map((e) => [e.order.status, e.order.createdAt, e.order.updatedAt]);
}

describe("orders placed before the venue clock first moved are placed as of its start (DAY orders take that day)", () => {
  test("setTime dates them and reports it; they work through that day and expire at its end", async () => {
    const { venue, events } = await unstarted();
    await venue.placeOrder(day);
    await venue.placeOrder(gtc);
    venue.setTime(TEN_AM);
    // Told ACCEPTED once, dated: not at placement with a date (0) that never held.
    expect(updates(events, "day")).toEqual([["ACCEPTED", TEN_AM, TEN_AM]]);
    // A GTC order has no day, but it too is placed as of the clock's start (its arrival with it): dated and reported.
    expect(updates(events, "gtc")).toEqual([["ACCEPTED", TEN_AM, TEN_AM]]);
    venue.processBar(bar(TEN_AM, 60));
    venue.processBar(bar(ELEVEN_PM - HOUR, 60));
    expect((await venue.getOrder("day")).status).toBe("ACCEPTED");
    // The 3rd reaches the limit, but the order's day ended at midnight.
    venue.processBar(bar(MIDNIGHT, 60, 40));
    expect(updates(events, "day").at(-1)).toEqual(["EXPIRED", TEN_AM, MIDNIGHT]);
    expect((await venue.getOrder("gtc")).status).toBe("FILLED");
  });

  test("a first bar without setTime dates them at its open, so a session starting in a day's last hour keeps that day", async () => {
    const { venue, events } = await unstarted();
    await venue.placeOrder(day);
    venue.processBar(bar(ELEVEN_PM, 60));
    expect(updates(events, "day")).toEqual([["ACCEPTED", ELEVEN_PM, ELEVEN_PM], ["EXPIRED", ELEVEN_PM, MIDNIGHT]]);
  });

  test("the dated order fills within its day", async () => {
    const { venue } = await unstarted();
    await venue.placeOrder(day);
    venue.processBar(bar(TEN_AM, 60));
    venue.processBar(bar(TEN_AM + HOUR, 55, 45));
    const order = await venue.getOrder("day");
    expect([order.status, order.createdAt, order.fills[0]?.time]).toEqual(["FILLED", TEN_AM, TEN_AM + HOUR]);
  });

  test("once the clock has moved, a DAY order is dated when placed and is never re-dated", async () => {
    const { venue, events } = await unstarted();
    venue.setTime(TEN_AM);
    await venue.placeOrder(day);
    venue.setTime(ELEVEN_PM);
    expect(updates(events, "day")).toEqual([["ACCEPTED", TEN_AM, TEN_AM]]);
  });

  test("restored from a session that never saw a time, it is dated by the first move; one with a date keeps it", async () => {
    const venue = createPaperVenue({ initialCapital: 10_000, symbols: ["XYZ"], commission: { makerRate: 0, takerRate: 0 } });
    await venue.connect();
    venue.restore({ fills: [], workingOrders: [workingOrder("P1", "day", { limitPrice: 50, timeInForce: "DAY", createdAt: 0, updatedAt: 0 })] });
    const events: TradingEvent[] = [];
    venue.on((event) => events.push(event));
    venue.setTime(TEN_AM);
    expect(updates(events, "day")).toEqual([["ACCEPTED", TEN_AM, TEN_AM]]);

    const dated = createPaperVenue({ initialCapital: 10_000, symbols: ["XYZ"], commission: { makerRate: 0, takerRate: 0 } });
    await dated.connect();
    dated.restore({ fills: [], workingOrders: [workingOrder("P1", "day", { limitPrice: 50, timeInForce: "DAY", createdAt: TEN_AM, updatedAt: TEN_AM })] });
    dated.setTime(ELEVEN_PM);
    expect([(await dated.getOrder("day")).createdAt, (await dated.getOrder("day")).status]).toEqual([TEN_AM, "ACCEPTED"]);
  });

  test("with a latency, an order placed before the clock first moved arrives that long after the clock's start", async () => {
    // Latency 30 min; the clock starts at the first bar's open, 10:00 (as a live session starts it, and as a backtest's
    // init sits there). A GTC buy limit at 200 placed before then arrives at 10:30: not at the 10:00 bar's open but at the
    // 11:00 bar's, where it fills at that open, 61. Before, it was stamped 0, arrived in 1970 and filled at 10:00 at 60.
    const venue = createPaperVenue({ initialCapital: 10_000, symbols: ["XYZ"], latencyMs: HOUR / 2, commission: { makerRate: 0, takerRate: 0 } });
    await venue.connect();
    await venue.placeOrder({ ...gtc, limitPrice: 200 });
    venue.setTime(TEN_AM);
    venue.processBar(bar(TEN_AM, 60));
    expect((await venue.getOrder("gtc")).status).toBe("ACCEPTED");
    venue.processBar(bar(TEN_AM + HOUR, 61));
    const order = await venue.getOrder("gtc");
    expect([order.status, order.createdAt, order.averageFillPrice, order.fills[0]?.time]).toEqual(["FILLED", TEN_AM, 61, TEN_AM + HOUR]);
  });
});
