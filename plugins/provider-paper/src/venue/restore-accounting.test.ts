import type { Fill, Order } from "@argo/core";
import { describe, expect, test } from "bun:test";
import { money, rejectsWith, START } from "../__fixtures__/venue-harness.ts";
import type { PaperConfigInput } from "../config/paper-config-schema.ts";
import { createPaperVenue } from "../create-paper-venue.ts";
import type { PaperVenue } from "./paper-venue.ts";
import { workingOrder } from "../__fixtures__/working-order.ts";

async function fresh(config: PaperConfigInput = {}): Promise<PaperVenue> {
  const venue = createPaperVenue({ commission: { makerRate: 0, takerRate: 0 }, ...config });
  await venue.connect();
  return venue;
}

function fill(id: string, side: "BUY" | "SELL", quantity: number, price: number, fee: number, time: number, order = "P1"): Fill {
  return { id, clientOrderId: `c-${order}`, venueOrderId: order, symbol: "XYZ", side, quantity, price, fee, feeCurrency: "USD", time };
}

/** A working limit order as the venue reports one. */
const working = (venueOrderId: string, clientOrderId: string, fields: Partial<Order> = {}): Order =>
  workingOrder(venueOrderId, clientOrderId, { limitPrice: 50, ...fields });

describe("restore: the account from the recorded fills", () => {
  test("cash, position, realised PnL and fees worked out by hand from two fills with fees", async () => {
    const venue = await fresh({ initialCapital: 10_000 });
    venue.restore({ fills: [fill("F1", "BUY", 10, 100, 1, START), fill("F2", "SELL", 4, 110, 0.44, START + 60_000)], workingOrders: [] });
    // 10,000 − 10 × 100 − 1 = 8,999; then + 4 × 110 − 0.44 = 9,438.56.
    const account = await venue.getAccount();
    money(account.balance, 9_438.56);
    money(account.realizedPnl, 40); // (110 − 100) × 4
    money(account.totalFees, 1.44);
    // Marked at the last fill price, 110: 9,438.56 + 6 × 110.
    money(account.equity, 10_098.56);
    money(account.unrealizedPnl, 60);
    const [position] = await venue.getPositions();
    expect([position?.symbol, position?.side, position?.quantity, position?.averagePrice, position?.openedAt]).toEqual(["XYZ", "LONG", 6, 100, START]);
    money(position?.fees, 1.44);
    money(position?.realizedPnl, 40);
    const trades = await venue.getTrades();
    expect(trades.map((t) => [t.id, t.side, t.quantity, t.price, t.fee, t.realizedPnl, t.feeCurrency])).toEqual([
      ["F1", "BUY", 10, 100, 1, 0, "USD"],
      ["F2", "SELL", 4, 110, 0.44, 40, "USD"],
    ]);
    expect(Object.isFrozen(trades[0])).toBe(true);
    expect(venue.now()).toBe(START + 60_000);
  });

  test("each trade names the strategy its fill records, else its working order's; getTrades filters by it", async () => {
    const venue = await fresh({ initialCapital: 10_000 });
    venue.restore({
      fills: [
        { ...fill("F1", "BUY", 2, 100, 0, START), strategyName: "sma-cross" },
        fill("F2", "BUY", 1, 101, 0, START + 1, "P2"),
        { ...fill("F3", "BUY", 1, 102, 0, START + 2, "P3"), strategyName: 7 } as unknown as Fill,
      ],
      workingOrders: [working("P2", "c-P2", { quantity: 3, filledQuantity: 1, strategyName: "grid" })],
    });
    const trades = await venue.getTrades();
    expect(trades.map((t) => [t.id, t.strategyName])).toEqual([["F1", "sma-cross"], ["F2", "grid"], ["F3", undefined]]);
    expect((await venue.getTrades({ strategyName: "sma-cross" })).map((t) => t.id)).toEqual(["F1"]);
  });

  test("a reversal and a short book as the venue books them", async () => {
    const venue = await fresh({ initialCapital: 10_000, allowShorting: true });
    venue.restore({ fills: [fill("F1", "BUY", 5, 100, 0, START), fill("F2", "SELL", 8, 90, 0, START)], workingOrders: [] });
    // Sells 5 of the long at a loss of 10 each, then is short 3 from 90: cash 10,000 − 500 + 720.
    const account = await venue.getAccount();
    money(account.balance, 10_220);
    money(account.realizedPnl, -50);
    const [position] = await venue.getPositions();
    expect([position?.side, position?.quantity, position?.averagePrice]).toEqual(["SHORT", 3, 90]);
  });
});

describe("restore: ids stay unique over the account's life", () => {
  test("after fills up to F7 and a working order P12, the next order is P13 and its fill F8", async () => {
    const venue = await fresh({ initialCapital: 10_000 });
    venue.setTime(START);
    const fills = [fill("F6", "BUY", 2, 100, 0, START, "P5"), fill("F7", "BUY", 1, 100, 0, START, "P9")];
    venue.restore({ fills, workingOrders: [working("P12", "w-12")] });
    const placed = venue.placeOrderSync({ symbol: "XYZ", side: "BUY", type: "MARKET", quantity: 1 });
    expect([placed.venueOrderId, placed.clientOrderId]).toEqual(["P13", "paper-13"]);
    venue.processBar({ symbol: "XYZ", interval: "1m", openTime: START + 60_000, open: 100, high: 100, low: 100, close: 100, volume: 1e6 });
    const trades = await venue.getTrades();
    expect(trades.map((t) => [t.id, t.venueOrderId])).toEqual([
      ["F6", "P5"],
      ["F7", "P9"],
      ["F8", "P13"],
    ]);
    // Numbers not taken back are empty: unknown, as any order the venue does not know.
    expect((await venue.getOrder("P12")).clientOrderId).toBe("w-12");
    expect((await venue.getOrder("w-12")).venueOrderId).toBe("P12");
    for (const id of ["P5", "P9", "P11", "P14", "c-P5"]) await rejectsWith(venue.getOrder(id), "ORDER_NOT_FOUND");
    await rejectsWith(venue.cancelOrder("P7"), "ORDER_NOT_FOUND");
    // A filled order's client id is still held: the order is not placed a second time.
    await rejectsWith(venue.placeOrder({ symbol: "XYZ", side: "BUY", type: "MARKET", quantity: 1, clientOrderId: "c-P9" }), "DUPLICATE_ORDER");
    expect((await venue.cancelAllOrders()).map((o) => o.venueOrderId)).toEqual(["P12"]);
  });

  test("ids of another form are kept but not counted; a generated id form in the record makes new ids checked", async () => {
    const venue = await fresh({ initialCapital: 10_000 });
    const odd = { ...fill("x-1", "BUY", 1, 100, 0, START, "P2"), clientOrderId: "paper-4" };
    venue.restore({ fills: [odd, fill("F3", "BUY", 1, 100, 0, START, "B-77")], workingOrders: [working("P99999999999", "far"), working("Q3", "q")] });
    // Highest of the venue's forms: P2 and F3 (the too large P number and Q3 are not this venue's ids).
    const first = venue.placeOrderSync({ symbol: "XYZ", side: "BUY", type: "LIMIT", quantity: 1, limitPrice: 10 });
    const second = venue.placeOrderSync({ symbol: "XYZ", side: "BUY", type: "LIMIT", quantity: 1, limitPrice: 10 });
    expect(first.venueOrderId).toBe("P3");
    // "paper-4" is held by a filled order of the record: order 4 gets another id instead of it.
    expect([second.venueOrderId, second.clientOrderId]).toEqual(["P4", "paper-4-1"]);
    await rejectsWith(venue.getOrder("far"), "ORDER_NOT_FOUND");
  });
});
