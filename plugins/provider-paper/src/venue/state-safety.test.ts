import { describe, expect, test } from "bun:test";
import { harness } from "../__fixtures__/venue-harness.ts";

describe("callers cannot change the venue's state", () => {
  test("mutating returned orders, events, positions and trades changes nothing inside", async () => {
    const { venue, feed, events } = await harness();
    const placed = await venue.placeOrder({ symbol: "XYZ", side: "BUY", type: "MARKET", quantity: 2, clientOrderId: "o", stopLoss: { triggerPrice: 90 } });
    placed.quantity = 1_000;
    placed.status = "CANCELLED";
    expect(() => {
      placed.stopLoss!.triggerPrice = 1;
    }).toThrow();
    for (const event of events) if (event.type === "order") event.order.quantity = 999;
    feed(100);
    const order = await venue.getOrder("o");
    expect(order.quantity).toBe(2);
    expect(order.status).toBe("FILLED");
    order.fills.push(order.fills[0]!);
    expect((await venue.getOrder("o")).fills).toHaveLength(1);
    const trades = await venue.getTrades();
    expect(() => {
      (trades[0] as { price: number }).price = 1;
    }).toThrow();
    const position = await venue.getPosition("XYZ");
    position!.quantity = 50;
    expect((await venue.getPosition("XYZ"))?.quantity).toBe(2);
    expect((await venue.getOrder("o-sl")).stopPrice).toBe(90);
  });

  test("a cancel answer and its event may be changed without reaching the venue", async () => {
    const { venue, events } = await harness();
    await venue.placeOrder({ symbol: "XYZ", side: "BUY", type: "LIMIT", quantity: 3, limitPrice: 50, clientOrderId: "a" });
    await venue.placeOrder({ symbol: "XYZ", side: "BUY", type: "LIMIT", quantity: 4, limitPrice: 40, clientOrderId: "b" });
    const one = await venue.cancelOrder("a");
    const all = await venue.cancelAllOrders();
    for (const order of [one, ...all]) {
      expect(order.status).toBe("CANCELLED");
      order.status = "FILLED";
      order.quantity = 1_000;
      order.fills.push(order.fills[0]!);
    }
    for (const event of events) if (event.type === "order") event.order.status = "ACCEPTED";
    for (const id of ["a", "b"]) {
      const order = await venue.getOrder(id);
      expect(order.status).toBe("CANCELLED");
      expect(order.quantity).toBe(id === "a" ? 3 : 4);
      expect(order.fills).toHaveLength(0);
    }
    expect(await venue.getOpenOrders()).toHaveLength(0);
  });

  test("a throwing listener neither breaks the venue nor silences the other listeners", async () => {
    const { venue, feed } = await harness();
    const seen: string[] = [];
    venue.on(() => {
      throw new Error("listener bug");
    });
    venue.on((e) => seen.push(e.type));
    // The venue re-raises a listener's error on a later microtask; capture those here instead of crashing the test run.
    const deferred: Array<() => void> = [];
    const original = globalThis.queueMicrotask;
    globalThis.queueMicrotask = (callback: () => void) => void deferred.push(callback);
    try {
      await venue.placeOrder({ symbol: "XYZ", side: "BUY", type: "MARKET", quantity: 1, clientOrderId: "o" });
      feed(100);
    } finally {
      globalThis.queueMicrotask = original;
    }
    // One rethrow per event: the order and account of the placement, then the fill's order, fill, position and account.
    expect(deferred).toHaveLength(6);
    expect(() => deferred[0]!()).toThrow("listener bug");
    expect((await venue.getOrder("o")).status).toBe("FILLED");
    expect(seen).toEqual(["order", "account", "order", "fill", "position", "account"]);
  });

  test("unsubscribing stops events", async () => {
    const { venue, feed } = await harness();
    const seen: string[] = [];
    const off = venue.on((e) => seen.push(e.type));
    off();
    await venue.placeOrder({ symbol: "XYZ", side: "BUY", type: "MARKET", quantity: 1 });
    feed(100);
    expect(seen).toEqual([]);
  });
});

describe("queries", () => {
  test("cancelAllOrders by symbol leaves other symbols' orders open", async () => {
    const { venue, feed } = await harness();
    feed(10, "ABC");
    await venue.placeOrder({ symbol: "XYZ", side: "BUY", type: "LIMIT", quantity: 1, limitPrice: 50 });
    await venue.placeOrder({ symbol: "ABC", side: "BUY", type: "LIMIT", quantity: 1, limitPrice: 5, clientOrderId: "abc" });
    const cancelled = await venue.cancelAllOrders("XYZ");
    expect(cancelled.map((o) => o.symbol)).toEqual(["XYZ"]);
    expect((await venue.getOpenOrders()).map((o) => o.clientOrderId)).toEqual(["abc"]);
  });

  test("getTrades filters by symbol, time window and strategy, and keeps the newest `limit`", async () => {
    const { venue, feed } = await harness();
    feed(10, "ABC");
    await venue.placeOrder({ symbol: "XYZ", side: "BUY", type: "MARKET", quantity: 1, strategyName: "a" });
    const t1 = feed(100);
    await venue.placeOrder({ symbol: "XYZ", side: "BUY", type: "MARKET", quantity: 2, strategyName: "b" });
    await venue.placeOrder({ symbol: "ABC", side: "BUY", type: "MARKET", quantity: 3, strategyName: "a" });
    const t2 = feed(100);
    feed(10, "ABC");
    expect((await venue.getTrades({ symbol: "XYZ" })).map((t) => t.quantity)).toEqual([1, 2]);
    expect((await venue.getTrades({ strategyName: "a" })).map((t) => t.quantity)).toEqual([1, 3]);
    expect((await venue.getTrades({ from: t2 })).map((t) => t.quantity)).toEqual([2, 3]);
    expect((await venue.getTrades({ to: t2 })).map((t) => t.time)).toEqual([t1]);
    expect((await venue.getTrades({ limit: 1 })).map((t) => t.quantity)).toEqual([3]);
  });

  test("a bar with impossible prices is INVALID_DATA and changes nothing", async () => {
    const { venue } = await harness();
    const bad = { symbol: "XYZ", interval: "1m", openTime: venue.now(), open: 100, high: 99, low: 98, close: 100, volume: 1 };
    expect(() => venue.processBar(bad)).toThrow(/must bound open/);
    expect(() => venue.processBar({ ...bad, high: 101, volume: Number.NaN })).toThrow(/volume/);
  });
});
