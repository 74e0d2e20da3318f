import { describe, expect, test } from "bun:test";
import type { Order } from "@argo/core";
import { harness } from "../__fixtures__/venue-harness.ts";

// Snapshots are copied field by field (snapshots.ts): these pin that a copy carries exactly the
// fields the order has, optional ones only when set, in the order the venue set them (JSON output).
const BASE = ["symbol", "side", "type", "quantity", "timeInForce", "clientOrderId", "venueOrderId", "status", "filledQuantity", "averageFillPrice", "fills", "createdAt", "updatedAt"];

describe("order snapshots", () => {
  test("a plain market order has the base fields only", async () => {
    const { venue, events } = await harness();
    const placed = await venue.placeOrder({ symbol: "XYZ", side: "BUY", type: "MARKET", quantity: 1, clientOrderId: "m" });
    expect(Object.keys(placed)).toEqual(BASE);
    expect(Object.keys(await venue.getOrder("m"))).toEqual(BASE);
    const event = events.find((e) => e.type === "order");
    expect(event?.type === "order" && Object.keys(event.order)).toEqual(BASE);
  });

  test("an entry with every optional request field keeps them all, after the base fields", async () => {
    const { venue, feed, events } = await harness();
    const request = {
      symbol: "XYZ",
      side: "BUY",
      type: "LIMIT",
      quantity: 2,
      limitPrice: 99,
      timeInForce: "GTC",
      clientOrderId: "full",
      takeProfit: { triggerPrice: 120, limitPrice: 119 },
      stopLoss: { triggerPrice: 90 },
      positionSide: "LONG",
      reason: "why",
      strategyName: "s",
    } as const;
    const placed = await venue.placeOrder(request);
    const expected = [...BASE, "limitPrice", "takeProfit", "stopLoss", "positionSide", "reason", "strategyName"];
    expect(Object.keys(placed)).toEqual(expected);
    expect(placed).toMatchObject({ limitPrice: 99, positionSide: "LONG", reason: "why", strategyName: "s", takeProfit: { triggerPrice: 120, limitPrice: 119 } });
    feed({ open: 100, high: 100, low: 98, close: 99 });
    const filled = await venue.getOrder("full");
    expect(filled.status).toBe("FILLED");
    expect(Object.keys(filled)).toEqual(expected);
    const fillEvent = events.find((e) => e.type === "fill");
    expect(fillEvent?.type === "fill" && Object.keys(fillEvent.order)).toEqual(expected);
  });

  test("a refused equity-sized order carries equityFraction and then rejectReason", async () => {
    // 50 of cash buys no whole lot at 100 with a lot step of 1: refused at the fill with a reason.
    const { venue, feed } = await harness({ initialCapital: 50, defaultRules: { stepSize: 1 } });
    await venue.placeOrder({ symbol: "XYZ", side: "BUY", type: "MARKET", equityFraction: 1, clientOrderId: "eq", reason: "r" });
    feed(100);
    const order = await venue.getOrder("eq");
    expect(order.status).toBe("REJECTED");
    expect(Object.keys(order)).toEqual([...BASE, "equityFraction", "reason", "rejectReason"]);
  });

  test("bracket legs have their own layout: stop price, parent id and reason inside, limit and strategy after", async () => {
    const { venue, feed } = await harness();
    await venue.placeOrder({
      symbol: "XYZ",
      side: "BUY",
      type: "MARKET",
      quantity: 1,
      clientOrderId: "e",
      strategyName: "s",
      takeProfit: { triggerPrice: 120, limitPrice: 119 },
      stopLoss: { triggerPrice: 90 },
    });
    feed(100);
    const stop = await venue.getOrder("e-sl");
    const take = await venue.getOrder("e-tp");
    const leg = ["symbol", "side", "type", "quantity", "stopPrice", "timeInForce", "clientOrderId", "venueOrderId", "status", "filledQuantity", "averageFillPrice", "fills", "parentClientOrderId", "reason", "createdAt", "updatedAt"];
    expect(Object.keys(stop)).toEqual([...leg, "strategyName"]);
    expect(Object.keys(take)).toEqual([...leg, "limitPrice", "strategyName"]);
    expect(take).toMatchObject({ type: "STOP_LIMIT", stopPrice: 120, limitPrice: 119, parentClientOrderId: "e", reason: "take-profit", strategyName: "s" });
  });

  test("each snapshot has its own fills array", async () => {
    const { venue, feed } = await harness();
    await venue.placeOrder({ symbol: "XYZ", side: "BUY", type: "MARKET", quantity: 1, clientOrderId: "f" });
    feed(100);
    const first: Order = await venue.getOrder("f");
    const second: Order = await venue.getOrder("f");
    expect(first.fills).not.toBe(second.fills);
    expect(first.fills).toEqual(second.fills);
    first.fills.length = 0;
    expect((await venue.getOrder("f")).fills).toHaveLength(1);
  });
});
