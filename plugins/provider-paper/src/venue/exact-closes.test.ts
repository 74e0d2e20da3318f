import type { Fill, Order, TradingEvent } from "@argo/core";
import { describe, expect, test } from "bun:test";
import { harness, money, rejectsWith } from "../__fixtures__/venue-harness.ts";
import type { PaperConfigInput } from "../config/paper-config-schema.ts";
import { createPaperVenue } from "../create-paper-venue.ts";

/** The last position event of XYZ, as `{ position }` (position undefined when flat), or undefined when none came. */
function lastPosition(events: readonly TradingEvent[]) {
  const found = events.filter((e) => e.type === "position" && e.symbol === "XYZ");
  return found.at(-1) as Extract<TradingEvent, { type: "position" }> | undefined;
}

const SELL = { symbol: "XYZ", side: "SELL" } as const;

describe("a close of the exact decimal where floats hold a hair less", () => {
  for (const [name, rules] of [
    ["without a lot step", {}],
    ["with a lot step of 0.1", { stepSize: 0.1 }],
  ] as const) {
    test(`${name}: long 0.3, a 0.1 sell working, a sell of exactly 0.2 is accepted and both fills leave it flat`, async () => {
      const { venue, feed, events } = await harness({ initialCapital: 10_000, defaultRules: rules });
      await venue.placeOrder({ symbol: "XYZ", side: "BUY", type: "MARKET", quantity: 0.3 });
      feed(100); // long 0.3 at 100: cash 10,000 − 30 = 9,970
      await venue.placeOrder({ ...SELL, type: "LIMIT", limitPrice: 110, quantity: 0.1, clientOrderId: "tp" });
      // 0.3 − 0.1 is 0.19999999999999998 in floats; 0.2 is what is free.
      expect(0.3 - 0.1).toBeLessThan(0.2);
      const close = await venue.placeOrder({ ...SELL, type: "MARKET", quantity: 0.2, clientOrderId: "close" });
      expect([close.status, close.quantity]).toEqual(["ACCEPTED", 0.2]);
      expect(await venue.getMaxSellQuantity("XYZ")).toBe(0);
      feed(100); // the close: 0.2 at 100, cash 9,990
      feed({ open: 100, high: 110, low: 100, close: 110 }); // the limit: 0.1 at 110, cash 10,001
      expect((await venue.getOrder("close")).status).toBe("FILLED");
      expect((await venue.getOrder("tp")).status).toBe("FILLED");
      const event = lastPosition(events);
      expect(event).toBeDefined();
      expect(event?.position).toBeUndefined();
      expect(await venue.getPosition("XYZ")).toBeUndefined();
      expect(await venue.getPositions()).toEqual([]);
      money((await venue.getAccount()).balance, 10_001);
      money((await venue.getAccount()).equity, 10_001);
    });
  }

  test("with a lot step, the max sell beside a working sell is the lot-grid decimal (0.2), and an order of it passes", async () => {
    const { venue, feed } = await harness({ initialCapital: 10_000, defaultRules: { stepSize: 0.1 } });
    await venue.placeOrder({ symbol: "XYZ", side: "BUY", type: "MARKET", quantity: 0.3 });
    feed(100);
    await venue.placeOrder({ ...SELL, type: "LIMIT", limitPrice: 110, quantity: 0.1 });
    const max = await venue.getMaxSellQuantity("XYZ");
    expect(max).toBe(0.2);
    await venue.placeOrder({ ...SELL, type: "LIMIT", limitPrice: 120, quantity: max });
    expect(await venue.getMaxSellQuantity("XYZ")).toBe(0);
  });

  test("with shorting on, the exact close reserves no cash for a dust short, and ends flat, not short 5.5e-17", async () => {
    // Taker 0.1 %: a sell that opened anything would set aside its value plus the fee of the whole order (0.02 here).
    const { venue, feed, events } = await harness({ initialCapital: 10_000, allowShorting: true, commission: { makerRate: 0, takerRate: 0.001 } });
    await venue.placeOrder({ symbol: "XYZ", side: "BUY", type: "MARKET", quantity: 0.3 });
    feed(100); // 0.3 at 100 + fee 0.03: cash 9,969.97; the long is worth what it cost, so buying power is the cash
    await venue.placeOrder({ ...SELL, type: "LIMIT", limitPrice: 110, quantity: 0.1 });
    money((await venue.getAccount()).buyingPower, 9_969.97);
    await venue.placeOrder({ ...SELL, type: "MARKET", quantity: 0.2 });
    money((await venue.getAccount()).buyingPower, 9_969.97);
    feed(100); // 0.2 at 100 − fee 0.02: cash 9,989.95
    feed({ open: 100, high: 110, low: 100, close: 110 }); // 0.1 at 110, maker 0: cash 10,000.95
    expect(lastPosition(events)?.position).toBeUndefined();
    expect(await venue.getPosition("XYZ")).toBeUndefined();
    const account = await venue.getAccount();
    money(account.balance, 10_000.95);
    money(account.buyingPower, 10_000.95);
  });

  test("a restored venue takes the exact close back as placement did (no refusal, no cash set aside)", async () => {
    const config: PaperConfigInput = { initialCapital: 10_000, commission: { makerRate: 0, takerRate: 0.001 } };
    const { venue, feed } = await harness(config);
    const fills: Fill[] = [];
    const orders = new Map<string, Order>();
    venue.on((event) => {
      if (event.type === "fill") fills.push(event.fill);
      if (event.type === "order") orders.set(event.order.clientOrderId, event.order);
    });
    await venue.placeOrder({ symbol: "XYZ", side: "BUY", type: "MARKET", quantity: 0.3 });
    feed(100);
    await venue.placeOrder({ ...SELL, type: "LIMIT", limitPrice: 110, quantity: 0.1, clientOrderId: "tp" });
    await venue.placeOrder({ ...SELL, type: "LIMIT", limitPrice: 120, quantity: 0.2, clientOrderId: "close" });
    const other = createPaperVenue({ commission: { makerRate: 0, takerRate: 0 }, ...config });
    await other.connect();
    const working = [...orders.values()].filter((o) => o.status === "ACCEPTED");
    other.restore(structuredClone({ fills, workingOrders: working, lastBars: [] }));
    expect((await other.getOpenOrders("XYZ")).map((o) => [o.clientOrderId, o.quantity])).toEqual([["tp", 0.1], ["close", 0.2]]);
    money((await other.getAccount()).buyingPower, (await venue.getAccount()).buyingPower);
  });
});

describe("a position accumulated in floats, closed by the decimal it stands for", () => {
  test("buys of 0.1 and 0.2 (0.30000000000000004) closed by a sell of 0.3: flat, no dust short", async () => {
    expect(0.1 + 0.2).toBeGreaterThan(0.3);
    const { venue, feed, events } = await harness({ initialCapital: 10_000, allowShorting: true });
    await venue.placeOrder({ symbol: "XYZ", side: "BUY", type: "MARKET", quantity: 0.1 });
    await venue.placeOrder({ symbol: "XYZ", side: "BUY", type: "MARKET", quantity: 0.2 });
    feed(100);
    expect((await venue.getPosition("XYZ"))?.quantity).toBe(0.1 + 0.2);
    await venue.placeOrder({ ...SELL, type: "MARKET", quantity: 0.3 });
    feed(100);
    expect(lastPosition(events)?.position).toBeUndefined();
    expect(await venue.getPosition("XYZ")).toBeUndefined();
    money((await venue.getAccount()).balance, 10_000);
  });

  for (const allowShorting of [false, true]) {
    test(`buys of 0.1 and 0.7 (0.7999999999999999) closed by a sell of 0.8, shorting ${allowShorting ? "on" : "off"}: accepted, flat, nothing reserved`, async () => {
      expect(0.1 + 0.7).toBeLessThan(0.8);
      const { venue, feed, events } = await harness({ initialCapital: 10_000, allowShorting, commission: { makerRate: 0, takerRate: 0.001 } });
      await venue.placeOrder({ symbol: "XYZ", side: "BUY", type: "MARKET", quantity: 0.1 });
      await venue.placeOrder({ symbol: "XYZ", side: "BUY", type: "MARKET", quantity: 0.7 });
      feed(100); // 80 + fees 0.01 + 0.07: cash 9,919.92, the buying power (the long is worth what it cost)
      expect((await venue.getPosition("XYZ"))?.quantity).toBe(0.1 + 0.7);
      const close = await venue.placeOrder({ ...SELL, type: "MARKET", quantity: 0.8, clientOrderId: "close" });
      expect(close.status).toBe("ACCEPTED");
      money((await venue.getAccount()).buyingPower, 9_919.92);
      feed(100); // 80 − fee 0.08: cash 9,999.84
      expect((await venue.getOrder("close")).status).toBe("FILLED");
      expect(lastPosition(events)?.position).toBeUndefined();
      expect(await venue.getPosition("XYZ")).toBeUndefined();
      money((await venue.getAccount()).balance, 9_999.84);
    });
  }
});

describe("a sell clearly above the position is not float noise", () => {
  test("long 0.3, a sell of 0.31: refused with shorting off; with shorting on it opens a short of the 0.01 beyond", async () => {
    const off = await harness({ initialCapital: 10_000, defaultRules: { stepSize: 0.01 } });
    await off.venue.placeOrder({ symbol: "XYZ", side: "BUY", type: "MARKET", quantity: 0.3 });
    off.feed(100);
    await rejectsWith(off.venue.placeOrder({ ...SELL, type: "MARKET", quantity: 0.31 }), "INSUFFICIENT_POSITION");
    expect((await off.venue.getPosition("XYZ"))?.quantity).toBe(0.3);

    const { venue, feed } = await harness({ initialCapital: 10_000, allowShorting: true, defaultRules: { stepSize: 0.01 } });
    await venue.placeOrder({ symbol: "XYZ", side: "BUY", type: "MARKET", quantity: 0.3 });
    feed(100); // cash 9,970, the buying power
    await venue.placeOrder({ ...SELL, type: "MARKET", quantity: 0.31 });
    // The 0.01 it opens sets aside its value at the last price, 1 (no fees).
    money((await venue.getAccount()).buyingPower, 9_969);
    feed(100); // 0.31 at 100: cash 10,001, short 0.01 (collateral 1, valued −1): buying power 9,999
    const position = await venue.getPosition("XYZ");
    expect([position?.side, position?.quantity]).toEqual(["SHORT", 0.01]);
    money((await venue.getAccount()).balance, 10_001);
    money((await venue.getAccount()).buyingPower, 9_999);
  });

  test("without a lot step, 1e-9 of a position beyond it is a real quantity: refused with shorting off", async () => {
    const { venue, feed } = await harness({ initialCapital: 10_000 });
    await venue.placeOrder({ symbol: "XYZ", side: "BUY", type: "MARKET", quantity: 1 });
    feed(100);
    await rejectsWith(venue.placeOrder({ ...SELL, type: "MARKET", quantity: 1 + 1e-9 }), "INSUFFICIENT_POSITION");
  });

  test("with a lot step, one lot beyond a large position is a real quantity even where 1e-12 of it is a lot or more", async () => {
    // Long 20,000 in satoshi steps: 1e-12 of it is 2e-8, two lots; the noise allowed stays within half a lot.
    const { venue, feed } = await harness({ initialCapital: 1e12, defaultRules: { stepSize: 1e-8 } });
    await venue.placeOrder({ symbol: "XYZ", side: "BUY", type: "MARKET", quantity: 20_000 });
    feed(100);
    await rejectsWith(venue.placeOrder({ ...SELL, type: "MARKET", quantity: 20_000.00000001 }), "INSUFFICIENT_POSITION");
    const close = await venue.placeOrder({ ...SELL, type: "MARKET", quantity: 20_000 });
    expect(close.status).toBe("ACCEPTED");
    feed(100);
    expect(await venue.getPosition("XYZ")).toBeUndefined();
  });
});
