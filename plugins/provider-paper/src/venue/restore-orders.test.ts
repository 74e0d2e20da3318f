import type { Fill, Order } from "@argo/core";
import { describe, expect, test } from "bun:test";
import { rejectsWith, START } from "../__fixtures__/venue-harness.ts";
import type { PaperConfigInput } from "../config/paper-config-schema.ts";
import { createPaperVenue } from "../create-paper-venue.ts";
import type { PaperVenue } from "./paper-venue.ts";
import { workingOrder } from "../__fixtures__/working-order.ts";

const MINUTE = 60_000;
// Computed with Date, not with the venue's own day arithmetic.
const NEXT_DAY = Date.UTC(2024, 0, 3);

async function fresh(config: PaperConfigInput = {}): Promise<PaperVenue> {
  const venue = createPaperVenue({ initialCapital: 10_000, commission: { makerRate: 0, takerRate: 0 }, ...config });
  await venue.connect();
  return venue;
}

function fill(id: string, order: string, client: string, side: "BUY" | "SELL", quantity: number, price: number, time: number, fee = 0): Fill {
  return { id, clientOrderId: client, venueOrderId: order, symbol: "XYZ", side, quantity, price, fee, feeCurrency: "USD", liquidity: "TAKER", time };
}

/** A working order of 10 as the venue reports one. */
const order = (venueOrderId: string, clientOrderId: string, fields: Partial<Order> = {}): Order =>
  workingOrder(venueOrderId, clientOrderId, { quantity: 10, ...fields });

function bar(venue: PaperVenue, openTime: number, open: number, high: number, low: number, close: number): void {
  venue.processBar({ symbol: "XYZ", interval: "1m", openTime, open, high, low, close, volume: 1e9 });
}

describe("restore: working orders go on as they were", () => {
  test("a DAY order whose day ended by the record's newest time expires at its day end; one of today works on", async () => {
    const venue = await fresh();
    const late = NEXT_DAY + 10 * 60 * MINUTE;
    venue.restore({
      fills: [fill("F1", "P1", "a", "BUY", 1, 100, late)],
      workingOrders: [
        order("P2", "yesterday", { limitPrice: 90, timeInForce: "DAY" }),
        order("P3", "today", { limitPrice: 95, timeInForce: "DAY", createdAt: late, updatedAt: late }),
      ],
    });
    const expired = await venue.getOrder("yesterday");
    expect([expired.status, expired.updatedAt]).toEqual(["EXPIRED", NEXT_DAY]);
    // Its reservation went with it: 9,900 cash less the 950 "today" holds.
    expect((await venue.getAccount()).buyingPower).toBeCloseTo(8_950, 9);
    bar(venue, late + MINUTE, 96, 97, 94, 95);
    const today = await venue.getOrder("today");
    expect([today.status, today.averageFillPrice]).toEqual(["FILLED", 95]);
  });

  test("a stop with fills has triggered and fills on at market; one without waits for its stop price", async () => {
    const venue = await fresh();
    const stopFill = fill("F1", "P1", "triggered", "BUY", 4, 110, START);
    venue.restore({
      fills: [stopFill],
      workingOrders: [
        order("P1", "triggered", { type: "STOP", stopPrice: 110, status: "PARTIALLY_FILLED", filledQuantity: 4, averageFillPrice: 110, fills: [stopFill] }),
        order("P2", "waiting", { type: "STOP", stopPrice: 110, quantity: 5 }),
      ],
    });
    bar(venue, START + MINUTE, 100, 101, 99, 100);
    const triggered = await venue.getOrder("triggered");
    // 4 at 110, then the remaining 6 at the open, 100: (440 + 600) / 10.
    expect([triggered.status, triggered.filledQuantity, triggered.averageFillPrice, triggered.fills.length]).toEqual(["FILLED", 10, 104, 2]);
    expect((await venue.getOrder("waiting")).status).toBe("ACCEPTED");
  });

  test("the per-order minimum fee counts what the order was already charged", async () => {
    const venue = await fresh({ commission: { makerRate: 0.001, takerRate: 0.001, minimum: 5 } });
    // The first 4 at 100 paid the minimum, 5 (its rate fee was 0.4).
    const first = fill("F1", "P1", "min", "BUY", 4, 100, START, 5);
    venue.restore({
      fills: [first],
      workingOrders: [order("P1", "min", { limitPrice: 100, status: "PARTIALLY_FILLED", filledQuantity: 4, averageFillPrice: 100, fills: [first] })],
    });
    bar(venue, START + MINUTE, 100, 100, 100, 100);
    // Rate fees 0.4 + 0.6 = 1 stay under the minimum already paid: the second fill costs nothing more.
    const trades = await venue.getTrades();
    expect(trades.map((t) => [t.quantity, t.fee])).toEqual([
      [4, 5],
      [6, 0],
    ]);
  });

  test("a partly filled bracket entry keeps its legs armed and their ids held; its fill creates both legs", async () => {
    const venue = await fresh();
    const part = fill("F1", "P1", "entry", "BUY", 4, 100, START);
    const brackets = { stopLoss: { triggerPrice: 90 }, takeProfit: { triggerPrice: 120 } };
    venue.restore({
      fills: [part],
      workingOrders: [order("P1", "entry", { limitPrice: 100, status: "PARTIALLY_FILLED", filledQuantity: 4, averageFillPrice: 100, fills: [part], ...brackets })],
    });
    await rejectsWith(venue.placeOrder({ symbol: "XYZ", side: "SELL", type: "LIMIT", quantity: 1, limitPrice: 200, clientOrderId: "entry-sl" }), "DUPLICATE_ORDER");
    bar(venue, START + MINUTE, 100, 101, 99.5, 100.5);
    const legs = await venue.getOpenOrders();
    expect(legs.map((o) => [o.clientOrderId, o.venueOrderId, o.side, o.quantity, o.stopPrice, o.reason])).toEqual([
      ["entry-sl", "P2", "SELL", 10, 90, "stop-loss"],
      ["entry-tp", "P3", "SELL", 10, 120, "take-profit"],
    ]);
  });

  test("restored legs form their pair again and share one reservation of the position", async () => {
    const venue = await fresh();
    const entry = fill("F1", "P1", "e", "BUY", 5, 100, START);
    const leg = (number: string, reason: "stop-loss" | "take-profit", stopPrice: number) =>
      order(number, `e-${reason === "stop-loss" ? "sl" : "tp"}`, { side: "SELL", type: "STOP", quantity: 5, stopPrice, parentClientOrderId: "e", reason });
    venue.restore({ fills: [entry], workingOrders: [leg("P3", "take-profit", 120), leg("P2", "stop-loss", 90)] });
    expect((await venue.getOpenOrders()).map((o) => o.clientOrderId)).toEqual(["e-sl", "e-tp"]);
    // The long of 5 is reserved once, by the pair: nothing is left to sell (shorting is off).
    expect(await venue.getMaxSellQuantity("XYZ", 100)).toBe(0);
    await venue.cancelOrder("e-tp");
    expect((await venue.getOrder("e-sl")).status).toBe("CANCELLED");
    expect(await venue.getMaxSellQuantity("XYZ", 100)).toBe(5);
  });
});
