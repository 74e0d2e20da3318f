import { describe, expect, test } from "bun:test";
import { harness, rejectsWith } from "../__fixtures__/venue-harness.ts";

const bracket = { takeProfit: { triggerPrice: 110 }, stopLoss: { triggerPrice: 95 } };

describe("bracket orders", () => {
  test("legs appear once the entry fills, carry parentClientOrderId, and a stop-loss fill cancels the take-profit", async () => {
    const { venue, feed } = await harness();
    await venue.placeOrder({ symbol: "XYZ", side: "BUY", type: "MARKET", quantity: 3, clientOrderId: "e", ...bracket });
    await rejectsWith(venue.getOrder("e-sl"), "ORDER_NOT_FOUND");
    feed({ open: 100, high: 102, low: 99, close: 101 });
    const legs = await venue.getOpenOrders("XYZ");
    expect(legs.map((o) => [o.clientOrderId, o.side, o.quantity, o.stopPrice, o.parentClientOrderId, o.reason])).toEqual([
      ["e-sl", "SELL", 3, 95, "e", "stop-loss"],
      ["e-tp", "SELL", 3, 110, "e", "take-profit"],
    ]);
    feed({ open: 100, high: 101, low: 94, close: 96 });
    const stop = await venue.getOrder("e-sl");
    expect(stop.status).toBe("FILLED");
    expect(stop.averageFillPrice).toBe(95);
    expect((await venue.getOrder("e-tp")).status).toBe("CANCELLED");
    expect(await venue.getPosition("XYZ")).toBeUndefined();
    expect(await venue.getOpenOrders()).toHaveLength(0);
  });

  test("a take-profit fill cancels the stop-loss", async () => {
    const { venue, feed } = await harness();
    await venue.placeOrder({ symbol: "XYZ", side: "BUY", type: "MARKET", quantity: 1, clientOrderId: "e", ...bracket });
    feed(100);
    feed({ open: 105, high: 111, low: 104, close: 109 });
    expect((await venue.getOrder("e-tp")).averageFillPrice).toBe(110);
    expect((await venue.getOrder("e-sl")).status).toBe("CANCELLED");
  });

  test("when both legs could trigger in one bar the stop-loss is assumed first", async () => {
    const { venue, feed } = await harness();
    await venue.placeOrder({ symbol: "XYZ", side: "BUY", type: "MARKET", quantity: 1, clientOrderId: "e", ...bracket });
    feed(100);
    feed({ open: 100, high: 115, low: 90, close: 100 });
    expect((await venue.getOrder("e-sl")).averageFillPrice).toBe(95);
    expect((await venue.getOrder("e-tp")).status).toBe("CANCELLED");
    expect((await venue.getAccount()).realizedPnl).toBe(-5);
  });

  test("a gap through the stop-loss fills at the open", async () => {
    const { venue, feed } = await harness();
    await venue.placeOrder({ symbol: "XYZ", side: "BUY", type: "MARKET", quantity: 1, clientOrderId: "e", ...bracket });
    feed(100);
    feed({ open: 90, high: 92, low: 88, close: 91 });
    expect((await venue.getOrder("e-sl")).averageFillPrice).toBe(90);
  });

  test("legs may trade in the entry's bar: both after an entry at the open, only the stop-loss after an entry inside the bar", async () => {
    const { venue, feed } = await harness();
    await venue.placeOrder({ symbol: "XYZ", side: "BUY", type: "MARKET", quantity: 1, clientOrderId: "m", ...bracket });
    feed({ open: 100, high: 112, low: 99, close: 108 });
    expect((await venue.getOrder("m")).averageFillPrice).toBe(100);
    expect((await venue.getOrder("m-tp")).averageFillPrice).toBe(110);

    const { venue: v2, feed: feed2 } = await harness();
    await v2.placeOrder({ symbol: "XYZ", side: "BUY", type: "LIMIT", quantity: 1, limitPrice: 98, clientOrderId: "l", ...bracket });
    // The limit fills at 98 inside the bar; the high of 112 may have come before it, so no take-profit yet.
    feed2({ open: 100, high: 112, low: 97, close: 99 });
    expect((await v2.getOrder("l")).averageFillPrice).toBe(98);
    expect((await v2.getOrder("l-tp")).status).toBe("ACCEPTED");
    feed2({ open: 99, high: 111, low: 98, close: 105 });
    expect((await v2.getOrder("l-tp")).averageFillPrice).toBe(110);

    const { venue: v3, feed: feed3 } = await harness();
    await v3.placeOrder({ symbol: "XYZ", side: "BUY", type: "LIMIT", quantity: 1, limitPrice: 98, clientOrderId: "l", ...bracket });
    // Falling from 100 the price passed 98 before reaching the low of 94: the stop-loss fires in the same bar.
    feed3({ open: 100, high: 101, low: 94, close: 96 });
    expect((await v3.getOrder("l-sl")).averageFillPrice).toBe(95);
  });

  test("a short entry's legs mirror: buy-to-cover above (stop) and below (take-profit)", async () => {
    const { venue, feed } = await harness({ allowShorting: true });
    await venue.placeOrder({
      symbol: "XYZ",
      side: "SELL",
      type: "MARKET",
      quantity: 2,
      clientOrderId: "s",
      takeProfit: { triggerPrice: 90 },
      stopLoss: { triggerPrice: 105, limitPrice: 106 },
    });
    feed(100);
    expect((await venue.getOrder("s-sl")).type).toBe("STOP_LIMIT");
    feed({ open: 100, high: 100, low: 89, close: 92 });
    expect((await venue.getOrder("s-tp")).averageFillPrice).toBe(90);
    expect((await venue.getOrder("s-sl")).status).toBe("CANCELLED");
    expect(await venue.getPosition("XYZ")).toBeUndefined();
  });

  test("cancelling one leg cancels its partner; cancelling an unfilled entry creates no legs", async () => {
    const { venue, feed } = await harness();
    await venue.placeOrder({ symbol: "XYZ", side: "BUY", type: "MARKET", quantity: 1, clientOrderId: "e", ...bracket });
    await venue.placeOrder({ symbol: "XYZ", side: "BUY", type: "LIMIT", quantity: 1, limitPrice: 99, clientOrderId: "f", ...bracket });
    feed(100);
    const cancelled = await venue.cancelOrder("e-tp");
    expect(cancelled.status).toBe("CANCELLED");
    expect((await venue.getOrder("e-sl")).status).toBe("CANCELLED");
    await venue.cancelOrder("f");
    feed(40);
    await rejectsWith(venue.getOrder("f-sl"), "ORDER_NOT_FOUND");
    expect((await venue.getPosition("XYZ"))?.quantity).toBe(1);
  });

  test("leg ids are taken when the entry is placed; invalid leg prices are refused", async () => {
    const { venue } = await harness();
    await venue.placeOrder({ symbol: "XYZ", side: "BUY", type: "LIMIT", quantity: 1, limitPrice: 99, clientOrderId: "e", ...bracket });
    await rejectsWith(venue.placeOrder({ symbol: "XYZ", side: "BUY", type: "LIMIT", quantity: 1, limitPrice: 50, clientOrderId: "e-tp" }), "DUPLICATE_ORDER");
    const inverted = await rejectsWith(
      venue.placeOrder({
        symbol: "XYZ",
        side: "BUY",
        type: "MARKET",
        quantity: 1,
        takeProfit: { triggerPrice: 90 },
        stopLoss: { triggerPrice: 95 },
      }),
      "INVALID_ORDER",
    );
    expect(inverted.message).toContain("takeProfit.triggerPrice");
    const belowEntry = await rejectsWith(
      venue.placeOrder({ symbol: "XYZ", side: "BUY", type: "LIMIT", quantity: 1, limitPrice: 99, takeProfit: { triggerPrice: 98 } }),
      "INVALID_ORDER",
    );
    expect(belowEntry.message).toContain("entry limit 99");
  });

  test("a stop entry's legs are judged against its stop price, naming the leg's field", async () => {
    const { venue } = await harness();
    const buyStop = { symbol: "XYZ", side: "BUY", type: "STOP", stopPrice: 110, quantity: 1 } as const;
    // A BUY STOP 110 trades at 110 or above: a stop-loss at 115 would sell at once what it bought.
    const stopLoss = await rejectsWith(
      venue.placeOrder({ ...buyStop, stopLoss: { triggerPrice: 115 }, takeProfit: { triggerPrice: 120 } }),
      "INVALID_ORDER",
    );
    expect(stopLoss.details).toMatchObject({ field: "stopLoss.triggerPrice" });
    expect(stopLoss.message).toContain("below the entry stop 110");
    // A SELL STOP 90 trades at 90 or below: a take-profit at 95 is no profit.
    const takeProfit = await rejectsWith(
      venue.placeOrder({ symbol: "XYZ", side: "SELL", type: "STOP", stopPrice: 90, quantity: 1, takeProfit: { triggerPrice: 95 } }),
      "INVALID_ORDER",
    );
    expect(takeProfit.details).toMatchObject({ field: "takeProfit.triggerPrice" });
    const fine = await venue.placeOrder({ ...buyStop, stopLoss: { triggerPrice: 105 }, takeProfit: { triggerPrice: 120 } });
    expect(fine.status).toBe("ACCEPTED");
  });
  test("a generated entry id is not taken when its leg ids are already in use by a caller's order", async () => {
    const { venue, feed } = await harness();
    // Order number 1; the next order is number 2, whose generated id would be "paper-2" with the leg "paper-2-sl".
    await venue.placeOrder({ symbol: "XYZ", side: "BUY", type: "LIMIT", quantity: 1, limitPrice: 50, clientOrderId: "paper-2-sl" });
    const entry = await venue.placeOrder({ symbol: "XYZ", side: "BUY", type: "MARKET", quantity: 1, stopLoss: { triggerPrice: 90 } });
    expect(entry.clientOrderId).not.toBe("paper-2");
    feed(100);
    const open = await venue.getOpenOrders();
    const ids = open.map((o) => o.clientOrderId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(open.find((o) => o.parentClientOrderId === entry.clientOrderId)?.reason).toBe("stop-loss");
    const cancelled = await venue.cancelOrder("paper-2-sl");
    expect([cancelled.type, cancelled.limitPrice, cancelled.status]).toEqual(["LIMIT", 50, "CANCELLED"]);
    expect((await venue.getOpenOrders()).map((o) => o.reason)).toEqual(["stop-loss"]);
  });
});
