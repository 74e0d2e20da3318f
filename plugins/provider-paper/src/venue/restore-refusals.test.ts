import type { Fill, Order, VenueRecord } from "@argo/core";
import { describe, expect, test } from "bun:test";
import { rejectsWith, START, thrown } from "../__fixtures__/venue-harness.ts";
import type { PaperConfigInput } from "../config/paper-config-schema.ts";
import { createPaperVenue } from "../create-paper-venue.ts";
import type { PaperVenue } from "./paper-venue.ts";
import { workingOrder } from "../__fixtures__/working-order.ts";

const CONFIG: PaperConfigInput = { initialCapital: 1_000, symbols: ["XYZ", "ABC"], commission: { makerRate: 0, takerRate: 0 } };

async function fresh(): Promise<PaperVenue> {
  const venue = createPaperVenue(CONFIG);
  await venue.connect();
  return venue;
}

const good: Fill = { id: "F1", clientOrderId: "a", venueOrderId: "P1", symbol: "XYZ", side: "BUY", quantity: 2, price: 100, fee: 0, time: START };

/** A working limit buy at 90 as the venue reports one. */
const order = (venueOrderId: string, clientOrderId: string, fields: Partial<Order> = {}): Order =>
  workingOrder(venueOrderId, clientOrderId, { limitPrice: 90, ...fields });


describe("restore: only into a fresh venue, once", () => {
  test("refused before connect, after an order, after a bar, and a second time", async () => {
    const record: VenueRecord = { fills: [good], workingOrders: [] };
    const disconnected = createPaperVenue(CONFIG);
    expect(thrown(() => disconnected.restore(record)).code).toBe("PROVIDER_NOT_CONNECTED");

    const placed = await fresh();
    placed.placeOrderSync({ symbol: "XYZ", side: "BUY", type: "LIMIT", quantity: 1, limitPrice: 10 });
    const afterOrder = thrown(() => placed.restore(record));
    expect([afterOrder.code, afterOrder.message.includes("placed orders")]).toEqual(["INVALID_CONFIGURATION", true]);

    const barred = await fresh();
    barred.processBar({ symbol: "XYZ", interval: "1m", openTime: START, open: 1, high: 1, low: 1, close: 1, volume: 1 });
    expect(thrown(() => barred.restore(record)).message).toContain("seen bars");

    const twice = await fresh();
    twice.restore({ fills: [], workingOrders: [] });
    const again = thrown(() => twice.restore(record));
    expect([again.code, again.message.includes("restored already")]).toEqual(["INVALID_CONFIGURATION", true]);
    expect(await twice.getTrades()).toEqual([]);
  });
});

describe("restore: a bad fill refuses the whole record and changes nothing", () => {
  const cases: Array<[string, Partial<Fill> | Record<string, unknown>, string, string]> = [
    ["non-finite quantity", { quantity: Number.NaN }, "quantity", "INVALID_DATA"],
    ["zero quantity", { quantity: 0 }, "quantity", "INVALID_DATA"],
    ["negative price", { price: -1 }, "price", "INVALID_DATA"],
    ["infinite price", { price: Number.POSITIVE_INFINITY }, "price", "INVALID_DATA"],
    ["negative fee", { fee: -0.5 }, "fee", "INVALID_DATA"],
    ["non-finite fee", { fee: Number.NaN }, "fee", "INVALID_DATA"],
    ["side", { side: "HOLD" }, "side", "INVALID_DATA"],
    ["symbol outside config symbols", { symbol: "ZZZ" }, "symbol", "UNKNOWN_SYMBOL"],
    ["time", { time: Number.NaN }, "time", "INVALID_DATA"],
    ["fee currency other than the account's", { feeCurrency: "EUR" }, "feeCurrency", "INVALID_CONFIGURATION"],
  ];
  for (const [name, change, field, code] of cases) {
    test(`${name}: ${code} naming the fill and "${field}"; the venue stays restorable`, async () => {
      const venue = await fresh();
      const before = await venue.getAccount();
      const bad = { ...good, id: "F2", venueOrderId: "P2", ...change } as Fill;
      const error = thrown(() => venue.restore({ fills: [good, bad], workingOrders: [order("P3", "w")] }));
      expect(error.code).toBe(code);
      expect(error.message).toContain('fill "F2"');
      expect(error.message).toContain(field);
      expect(error.details).toMatchObject({ fillId: "F2", field, index: 1 });
      // Not even the good first fill, nor the order, was taken back.
      expect(await venue.getAccount()).toEqual(before);
      expect([await venue.getTrades(), await venue.getPositions(), await venue.getOpenOrders(), venue.now()]).toEqual([[], [], [], 0]);
      venue.restore({ fills: [good], workingOrders: [order("P3", "w")] });
      expect((await venue.getAccount()).balance).toBe(800);
      expect((await venue.getOpenOrders()).map((o) => o.clientOrderId)).toEqual(["w"]);
    });
  }

  test("a fill without an id is named by its position; a record without arrays is refused", async () => {
    const venue = await fresh();
    const error = thrown(() => venue.restore({ fills: [good, { ...good, id: "" }], workingOrders: [] }));
    expect([error.code, error.message.includes("fill #1")]).toEqual(["INVALID_DATA", true]);
    expect(thrown(() => venue.restore({ fills: undefined } as unknown as VenueRecord)).code).toBe("INVALID_DATA");
    expect(await venue.getTrades()).toEqual([]);
  });
});

describe("restore: an order the account cannot carry is left out, not refused", () => {
  test("funds, position, symbol, price and malformed orders are left out; the venue says ORDER_NOT_FOUND for them", async () => {
    const venue = await fresh();
    venue.restore({
      // Long 2 XYZ at 100: cash 800 left.
      fills: [good],
      workingOrders: [
        order("P2", "fits", { quantity: 8, limitPrice: 90 }), // 720 of the 800
        order("P3", "too-big", { quantity: 2, limitPrice: 90 }), // 180 more: only 80 left
        order("P4", "sell-more", { side: "SELL", quantity: 3, limitPrice: 120 }), // long 2, shorting off
        order("P5", "sell-held", { side: "SELL", quantity: 2, limitPrice: 120 }), // reduces the long: fits
        order("P6", "unknown", { symbol: "NOPE" }),
        order("P7", "no-price", { symbol: "ABC", type: "MARKET", limitPrice: undefined }), // ABC never traded: no last price
        order("P8", "overfilled", { filledQuantity: 2 }),
        order("P9", "finished", { status: "FILLED" }),
        order("P10", "fits", { quantity: 1, limitPrice: 1 }), // its client id is already held by P2
        order("P11", "bad-trigger", { type: "STOP_LIMIT", stopPrice: 95, limitPrice: 1, triggeredAt: Number.NaN }),
      ],
    });
    expect((await venue.getOpenOrders()).map((o) => o.venueOrderId)).toEqual(["P2", "P5"]);
    for (const id of ["too-big", "sell-more", "unknown", "no-price", "overfilled", "finished", "bad-trigger", "P3", "P10"]) {
      await rejectsWith(venue.getOrder(id), "ORDER_NOT_FOUND");
    }
    // Their numbers were still given out.
    expect(venue.placeOrderSync({ symbol: "XYZ", side: "BUY", type: "LIMIT", quantity: 0.5, limitPrice: 10 }).venueOrderId).toBe("P12");
    // 800 − 720 reserved by P2 − 5 by P12.
    expect((await venue.getAccount()).buyingPower).toBeCloseTo(75, 9);
  });
});
