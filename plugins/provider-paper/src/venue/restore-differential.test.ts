import type { Fill, OrderRequest, TradingEvent } from "@argo/core";
import { describe, expect, test } from "bun:test";
import { START } from "../__fixtures__/venue-harness.ts";
import type { PaperConfigInput } from "../config/paper-config-schema.ts";
import { createPaperVenue } from "../create-paper-venue.ts";
import type { PaperVenue } from "./paper-venue.ts";

const HOUR = 3_600_000;
const CONFIG: PaperConfigInput = {
  initialCapital: 100_000,
  allowShorting: true,
  commission: { makerRate: 0.001, takerRate: 0.002 },
  latencyMs: 1_000,
  maxVolumeShare: 0.1,
};
type Prices = [open: number, high: number, low: number, close: number, volume: number];

async function connected(): Promise<{ venue: PaperVenue; events: TradingEvent[] }> {
  const venue = createPaperVenue(CONFIG);
  await venue.connect();
  const events: TradingEvent[] = [];
  venue.on((event) => events.push(event));
  return { venue, events };
}

/** One hour's bars, a symbol after the other, as the engine feeds them. */
function hour(venues: PaperVenue[], index: number, bars: Record<string, Prices>): void {
  for (const [symbol, [open, high, low, close, volume]] of Object.entries(bars)) {
    for (const venue of venues) venue.processBar({ symbol, interval: "1h", openTime: START + index * HOUR, open, high, low, close, volume });
  }
}

const place = (venue: PaperVenue, request: OrderRequest) => venue.placeOrderSync(request);
const ordersAndFills = (events: TradingEvent[]) => events.filter((e) => e.type === "order" || e.type === "fill");

describe("restore: a venue taken back from what another reported goes on as that venue", () => {
  test("same account, positions, orders and trades; then the same fills, order states and account over further bars", async () => {
    const a = await connected();
    a.venue.setTime(START);
    hour([a.venue], 0, { AAA: [100, 101, 99, 100, 1_000], BBB: [50, 51, 49.5, 50, 1e6], CCC: [20, 20.5, 19.5, 20, 1e6] });
    place(a.venue, { symbol: "AAA", side: "BUY", type: "MARKET", quantity: 10, clientOrderId: "market" }); // P1
    place(a.venue, { symbol: "AAA", side: "BUY", type: "LIMIT", quantity: 5, limitPrice: 90, clientOrderId: "resting" }); // P2
    place(a.venue, {
      symbol: "BBB",
      side: "BUY",
      type: "LIMIT",
      quantity: 20,
      limitPrice: 49,
      clientOrderId: "bracket",
      stopLoss: { triggerPrice: 45 },
      takeProfit: { triggerPrice: 60 },
    }); // P3
    place(a.venue, { symbol: "CCC", side: "SELL", type: "MARKET", quantity: 15, clientOrderId: "short" }); // P4
    // 300 against bars of volume 1,000 at a share of 0.1: 100 a bar.
    place(a.venue, { symbol: "AAA", side: "BUY", type: "LIMIT", quantity: 300, limitPrice: 105, clientOrderId: "partial" }); // P5
    place(a.venue, { symbol: "AAA", side: "BUY", type: "STOP", quantity: 10, stopPrice: 110, clientOrderId: "stop" }); // P6
    hour([a.venue], 1, { AAA: [101, 102, 100, 101, 1_000], BBB: [50, 50.5, 49.5, 49.8, 1e6], CCC: [20, 20.2, 19.8, 19.9, 1e6] });
    // Placed once the market buy filled, so its sell reduces the long (at placement as after a restore).
    place(a.venue, { symbol: "AAA", side: "SELL", type: "LIMIT", quantity: 3, limitPrice: 130, timeInForce: "DAY", clientOrderId: "day" }); // P7
    // Arrives (latency) after the next bar opened; the one after triggers it inside (its low reaches 19.75), with its limit
    // above the stop: it rests as a limit sell at 20.
    place(a.venue, { symbol: "CCC", side: "SELL", type: "STOP_LIMIT", quantity: 5, stopPrice: 19.75, limitPrice: 20, clientOrderId: "stop-limit" }); // P8
    hour([a.venue], 2, { AAA: [103, 104, 102, 103, 1_000], BBB: [49.5, 50, 48.8, 49.2, 1e6], CCC: [19.9, 20, 19.7, 19.8, 1e6] });
    const lastHour: Record<string, Prices> = { AAA: [104, 104.5, 103.5, 104.2, 1_000], BBB: [49.3, 49.6, 49, 49.4, 1e6], CCC: [19.8, 19.9, 19.6, 19.7, 1e6] };
    hour([a.venue], 3, lastHour);

    const fills: Fill[] = a.events.flatMap((e) => (e.type === "fill" ? [e.fill] : []));
    const working = await a.venue.getOpenOrders();
    // The scenario is what the test means it to be: every kind of working order is there.
    expect(working.map((o) => [o.clientOrderId, o.status, o.filledQuantity])).toEqual([
      ["resting", "ACCEPTED", 0],
      ["partial", "PARTIALLY_FILLED", 200],
      ["stop", "ACCEPTED", 0],
      ["day", "ACCEPTED", 0],
      ["stop-limit", "ACCEPTED", 0],
      ["bracket-sl", "ACCEPTED", 0],
      ["bracket-tp", "ACCEPTED", 0],
    ]);
    expect(fills.map((f) => f.clientOrderId)).toEqual(["market", "short", "partial", "bracket", "partial"]);
    expect(working.find((o) => o.clientOrderId === "stop-limit")?.triggeredAt).toBe(START + 3 * HOUR);

    const b = await connected();
    b.venue.restore({ fills, workingOrders: working });
    expect(b.events).toEqual([]);

    expect(await b.venue.getTrades()).toEqual(await a.venue.getTrades());
    expect(await b.venue.getOpenOrders()).toEqual(working);
    // Marks legitimately differ until a bar comes: B knows each symbol's last fill price, A its last close.
    const lastFill = new Map(fills.map((f) => [f.symbol, f.price]));
    const [positionsA, positionsB] = [await a.venue.getPositions(), await b.venue.getPositions()];
    expect(positionsB.map((p) => ({ ...p, marketPrice: 0, unrealizedPnl: 0 }))).toEqual(positionsA.map((p) => ({ ...p, marketPrice: 0, unrealizedPnl: 0 })));
    let value = 0;
    let shorts = 0;
    for (const p of positionsB) {
      const signed = p.side === "LONG" ? p.quantity : -p.quantity;
      expect(p.marketPrice).toBe(lastFill.get(p.symbol)!);
      expect(p.unrealizedPnl).toBeCloseTo((lastFill.get(p.symbol)! - p.averagePrice) * signed, 9);
      value += signed * lastFill.get(p.symbol)!;
      if (signed < 0) shorts -= signed * lastFill.get(p.symbol)!;
    }
    const [accountA, accountB] = [await a.venue.getAccount(), await b.venue.getAccount()];
    expect([accountB.balance, accountB.realizedPnl, accountB.totalFees, accountB.currency]).toEqual([
      accountA.balance,
      accountA.realizedPnl,
      accountA.totalFees,
      accountA.currency,
    ]);
    expect(accountB.equity).toBeCloseTo(accountA.balance + value, 9);
    expect(accountB.marginUsed).toBeCloseTo(shorts, 9);
    // Buying power is cash + value − gross exposure − reservations: a long's mark cancels out, a short's counts twice.
    let markShift = 0;
    for (const p of positionsA) if (p.side === "SHORT") markShift -= 2 * p.quantity * (lastFill.get(p.symbol)! - p.marketPrice);
    expect(accountB.buyingPower).toBeCloseTo(accountA.buyingPower + markShift, 6);
    expect(markShift).not.toBe(0);
    // B's clock is the record's newest time (the last fill, inside the fourth bar); A's is that bar's close.
    expect(accountB.updatedAt).toBe(Math.max(...fills.map((f) => f.time), ...working.map((o) => o.updatedAt)));

    // Given the last bars as well (as the engine gives them), C marks as A did: the same account at once.
    const c = await connected();
    const lastBars = Object.entries(lastHour).map(([symbol, [open, high, low, close, volume]]) => ({
      symbol, interval: "1h", openTime: START + 3 * HOUR, open, high, low, close, volume,
    }));
    c.venue.restore({ fills, workingOrders: working, lastBars });
    expect(c.events).toEqual([]);
    expect(await c.venue.getPositions()).toEqual(positionsA);
    accountsAgree(accountA, await c.venue.getAccount());
    expect(await c.venue.getOpenOrders()).toEqual(working);

    // All go on from here alike: a bar of every symbol (the marks now agree), then a new order, then more bars.
    a.events.length = 0;
    const further = (index: number, bars: Record<string, Prices>) => hour([a.venue, b.venue, c.venue], index, bars);
    // CCC reaches the triggered stop-limit's 20 without coming back to its stop.
    further(4, { AAA: [104, 111, 89, 95, 1_000], BBB: [49, 61, 44, 55, 1e6], CCC: [19.9, 20.1, 19.8, 20, 1e6] });
    accountsAgree(await a.venue.getAccount(), await b.venue.getAccount());
    const newA = place(a.venue, { symbol: "CCC", side: "BUY", type: "MARKET", quantity: 15 });
    const newB = place(b.venue, { symbol: "CCC", side: "BUY", type: "MARKET", quantity: 15 });
    expect(newB).toEqual(newA);
    expect(place(c.venue, { symbol: "CCC", side: "BUY", type: "MARKET", quantity: 15 })).toEqual(newA);
    further(5, { AAA: [95, 96, 94, 95.5, 1_000], BBB: [55, 56, 54, 55.5, 1e6], CCC: [19.5, 19.6, 19.3, 19.4, 1e6] });
    // The next day: the DAY order expires at the end of the day it was placed in.
    further(25, { AAA: [96, 97, 95, 96, 1_000], BBB: [56, 57, 55, 56, 1e6], CCC: [19.4, 19.5, 19.2, 19.3, 1e6] });

    const after = ordersAndFills(a.events);
    expect(after.length).toBeGreaterThan(10);
    expect(ordersAndFills(b.events)).toEqual(after);
    expect(ordersAndFills(c.events)).toEqual(after);
    expect(await c.venue.getAccount()).toEqual(await a.venue.getAccount());
    expect(await b.venue.getOpenOrders()).toEqual(await a.venue.getOpenOrders());
    expect(await b.venue.getTrades()).toEqual(await a.venue.getTrades());
    expect(await b.venue.getPositions()).toEqual(await a.venue.getPositions());
    expect(await b.venue.getAccount()).toEqual(await a.venue.getAccount());
    for (const order of [...working, newA]) expect(await b.venue.getOrder(order.clientOrderId)).toEqual(await a.venue.getOrder(order.clientOrderId));
    const final = new Map((await b.venue.getTrades()).map((t) => [t.clientOrderId, t]));
    // What the scenario was built to show, worked out by hand: each working order went on as it would have.
    expect([final.get("resting")?.price, final.get("partial")?.quantity, final.get("stop")?.price, final.get("bracket-sl")?.price]).toEqual([90, 100, 110, 45]);
    expect((await b.venue.getOrder("day")).status).toBe("EXPIRED");
    expect((await b.venue.getOrder("bracket-tp")).status).toBe("CANCELLED");
  });
});

/**
 * Equal accounts, buying power within float noise: B reserved for the partly filled order's remaining 100 afresh
 * (100 × 105 plus its estimated fee), A keeps what its two fills left of the 300's reservation: the same sum, reached by other float steps.
 */
function accountsAgree(a: Awaited<ReturnType<PaperVenue["getAccount"]>>, b: Awaited<ReturnType<PaperVenue["getAccount"]>>): void {
  expect({ ...b, buyingPower: 0 }).toEqual({ ...a, buyingPower: 0 });
  expect(Math.abs(b.buyingPower - a.buyingPower)).toBeLessThan(1e-6);
}
