import type { Bar, Fill, Order } from "@argo/core";
import { describe, expect, test } from "bun:test";
import { money, rejectsWith, START } from "../__fixtures__/venue-harness.ts";
import type { PaperConfigInput } from "../config/paper-config-schema.ts";
import { createPaperVenue } from "../create-paper-venue.ts";
import type { PaperVenue } from "./paper-venue.ts";

const HOUR = 3_600_000;

/** A venue fed hourly XYZ bars as the engine feeds them, recording what a session journal would (fills, orders, last bar). */
async function recorded(config: PaperConfigInput) {
  const venue = createPaperVenue({ initialCapital: 10_000, allowShorting: true, commission: { makerRate: 0, takerRate: 0 }, ...config });
  await venue.connect();
  const fills: Fill[] = [];
  const orders = new Map<string, Order>();
  venue.on((event) => {
    if (event.type === "fill") fills.push(event.fill);
    if (event.type === "order") orders.set(event.order.clientOrderId, event.order);
  });
  let index = 0;
  let last: Bar | undefined;
  const bar = (price: number, low = price) => {
    last = { symbol: "XYZ", interval: "1h", openTime: START + index * HOUR, open: price, high: price, low, close: price, volume: 1e9 };
    venue.setTime(START + ++index * HOUR);
    venue.processBar(last);
  };
  /** A fresh venue restored from what this one reported so far. */
  const restored = async (): Promise<PaperVenue> => {
    const other = createPaperVenue({ initialCapital: 10_000, allowShorting: true, commission: { makerRate: 0, takerRate: 0 }, ...config });
    await other.connect();
    const working = [...orders.values()].filter((o) => o.status === "ACCEPTED" || o.status === "PARTIALLY_FILLED");
    other.restore(structuredClone({ fills, workingOrders: working, lastBars: last ? [last] : [] }));
    return other;
  };
  return { venue, bar, restored };
}

describe("an order that reserved a reduction the position no longer holds reserves cash instead", () => {
  test("a BUY take-profit of a short covered by another order: buying power as a restore and by hand", async () => {
    // Maker 0.1%, taker 0.2%: reservations assume the worse rate, 0.2%.
    const { venue, bar, restored } = await recorded({ commission: { makerRate: 0.001, takerRate: 0.002 } });
    bar(100);
    await venue.placeOrder({ symbol: "XYZ", side: "SELL", type: "MARKET", quantity: 20, clientOrderId: "short" });
    bar(100); // short 20 at 100: cash 10,000 + 2,000 − 4 (fee) = 11,996
    await venue.placeOrder({ symbol: "XYZ", side: "BUY", type: "LIMIT", quantity: 20, limitPrice: 90, clientOrderId: "take-profit" });
    await venue.placeOrder({ symbol: "XYZ", side: "BUY", type: "MARKET", quantity: 20, clientOrderId: "cover" });
    bar(100); // covered at 100: cash 11,996 − 2,000 − 4 = 9,992, flat
    expect(await venue.getPositions()).toEqual([]);
    // The take-profit now opens a long of 20 at 90: it sets aside 1,800 + 0.2% of it (3.6) = 1,803.6.
    const expected = 9_992 - 1_803.6;
    money((await venue.getAccount()).buyingPower, expected);
    money((await (await restored()).getAccount()).buyingPower, expected);
    // 99 at 100 needs 9,900 + 19.8: more than is free, so refused now rather than the take-profit at its fill.
    await rejectsWith(venue.placeOrder({ symbol: "XYZ", side: "BUY", type: "MARKET", quantity: 99 }), "INSUFFICIENT_FUNDS");
    bar(95, 89);
    const tp = await venue.getOrder("take-profit");
    expect([tp.status, tp.filledQuantity, tp.averageFillPrice]).toEqual(["FILLED", 20, 90]);
  });

  test("a SELL take-profit of a long closed by another order: the short it now opens is reserved for", async () => {
    const { venue, bar, restored } = await recorded({});
    bar(100);
    await venue.placeOrder({ symbol: "XYZ", side: "BUY", type: "MARKET", quantity: 20, clientOrderId: "long" });
    bar(100); // long 20 at 100: cash 8,000
    await venue.placeOrder({ symbol: "XYZ", side: "SELL", type: "LIMIT", quantity: 20, limitPrice: 110, clientOrderId: "take-profit" });
    await venue.placeOrder({ symbol: "XYZ", side: "SELL", type: "MARKET", quantity: 20, clientOrderId: "exit" });
    bar(100); // sold at 100: cash 10,000, flat
    // The take-profit now sells short 20 at 110: 2,200 set aside.
    money((await venue.getAccount()).buyingPower, 7_800);
    money((await (await restored()).getAccount()).buyingPower, 7_800);
  });

  test("a short partly covered: the order keeps the reduction that is left and reserves cash for the rest", async () => {
    const { venue, bar, restored } = await recorded({});
    bar(100);
    await venue.placeOrder({ symbol: "XYZ", side: "SELL", type: "MARKET", quantity: 20, clientOrderId: "short" });
    bar(100); // short 20 at 100: cash 12,000
    await venue.placeOrder({ symbol: "XYZ", side: "BUY", type: "LIMIT", quantity: 20, limitPrice: 90, clientOrderId: "take-profit" });
    await venue.placeOrder({ symbol: "XYZ", side: "BUY", type: "MARKET", quantity: 5, clientOrderId: "cover" });
    bar(100); // 5 covered at 100: cash 11,500, short 15
    // Short 15 at 100: worth −1,500 with 1,500 of collateral, so 11,500 − 3,000 = 8,500 free; the take-profit reduces the
    // 15 and opens 5 at 90 (450 set aside): 8,050.
    money((await venue.getAccount()).buyingPower, 8_050);
    money((await (await restored()).getAccount()).buyingPower, 8_050);
    // The take-profit reduces all of the short: a new buy at 100 opens, from the 8,050 left (no lot step).
    expect(await venue.getMaxBuyQuantity("XYZ")).toBe(80.5);
  });
});
