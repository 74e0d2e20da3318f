import { describe, expect, test } from "bun:test";
import { harness, money } from "../__fixtures__/venue-harness.ts";

describe("limit orders", () => {
  test("a buy limit fills at the limit when the low reaches it, as a maker", async () => {
    const { venue, feed } = await harness({ commission: { makerRate: 0.001, takerRate: 0.002 } });
    await venue.placeOrder({ symbol: "XYZ", side: "BUY", type: "LIMIT", quantity: 10, limitPrice: 97, clientOrderId: "l" });
    feed({ open: 100, high: 101, low: 98, close: 99 });
    expect((await venue.getOrder("l")).status).toBe("ACCEPTED");
    feed({ open: 99, high: 100, low: 96, close: 98 });
    const order = await venue.getOrder("l");
    expect(order.status).toBe("FILLED");
    expect(order.averageFillPrice).toBe(97);
    expect(order.fills[0]?.liquidity).toBe("MAKER");
    money(order.fills[0]?.fee, 970 * 0.001);
  });

  test("a bar that gaps through a buy limit fills at the open, not the limit (taker)", async () => {
    const { venue, feed } = await harness({ commission: { makerRate: 0.001, takerRate: 0.002 } });
    await venue.placeOrder({ symbol: "XYZ", side: "BUY", type: "LIMIT", quantity: 10, limitPrice: 97, clientOrderId: "l" });
    feed({ open: 94, high: 96, low: 93, close: 95 });
    const order = await venue.getOrder("l");
    expect(order.averageFillPrice).toBe(94);
    expect(order.fills[0]?.liquidity).toBe("TAKER");
    money(order.fills[0]?.fee, 940 * 0.002);
  });

  test("sell limits mirror it: at the limit when the high reaches it, at the open on a gap up", async () => {
    const { venue, feed } = await harness({ allowShorting: true });
    await venue.placeOrder({ symbol: "XYZ", side: "SELL", type: "LIMIT", quantity: 1, limitPrice: 103, clientOrderId: "touch" });
    await venue.placeOrder({ symbol: "XYZ", side: "SELL", type: "LIMIT", quantity: 1, limitPrice: 110, clientOrderId: "gap" });
    feed({ open: 101, high: 104, low: 100, close: 102 });
    expect((await venue.getOrder("touch")).averageFillPrice).toBe(103);
    expect((await venue.getOrder("gap")).status).toBe("ACCEPTED");
    feed({ open: 115, high: 116, low: 112, close: 113 });
    expect((await venue.getOrder("gap")).averageFillPrice).toBe(115);
  });

  test("limit fills never slip", async () => {
    const { venue, feed } = await harness({ slippage: { model: "fixed", amount: 1 } });
    await venue.placeOrder({ symbol: "XYZ", side: "BUY", type: "LIMIT", quantity: 1, limitPrice: 99, clientOrderId: "l" });
    feed({ open: 100, high: 100, low: 98, close: 99 });
    expect((await venue.getOrder("l")).averageFillPrice).toBe(99);
  });
});

describe("stop orders", () => {
  test("a buy stop triggers when the high reaches it and fills at the stop plus slippage", async () => {
    const { venue, feed } = await harness({ slippage: { model: "fixed", amount: 0.25 } });
    await venue.placeOrder({ symbol: "XYZ", side: "BUY", type: "STOP", quantity: 1, stopPrice: 105, clientOrderId: "s" });
    feed({ open: 101, high: 104.9, low: 100, close: 104 });
    expect((await venue.getOrder("s")).status).toBe("ACCEPTED");
    feed({ open: 104, high: 106, low: 103, close: 105 });
    expect((await venue.getOrder("s")).averageFillPrice).toBe(105.25);
  });

  test("a bar that gaps through a stop fills at the open (worse than the stop)", async () => {
    const { venue, feed } = await harness({ allowShorting: true });
    await venue.placeOrder({ symbol: "XYZ", side: "BUY", type: "STOP", quantity: 1, stopPrice: 105, clientOrderId: "up" });
    await venue.placeOrder({ symbol: "XYZ", side: "SELL", type: "STOP", quantity: 1, stopPrice: 95, clientOrderId: "down" });
    feed({ open: 108, high: 109, low: 107, close: 108 });
    expect((await venue.getOrder("up")).averageFillPrice).toBe(108);
    feed({ open: 90, high: 92, low: 89, close: 91 });
    expect((await venue.getOrder("down")).averageFillPrice).toBe(90);
  });

  test("a sell stop triggers when the low reaches it", async () => {
    const { venue, feed } = await harness({ allowShorting: true });
    await venue.placeOrder({ symbol: "XYZ", side: "SELL", type: "STOP", quantity: 1, stopPrice: 95, clientOrderId: "s" });
    feed({ open: 99, high: 100, low: 95.5, close: 96 });
    expect((await venue.getOrder("s")).status).toBe("ACCEPTED");
    feed({ open: 96, high: 97, low: 94, close: 94 });
    expect((await venue.getOrder("s")).averageFillPrice).toBe(95);
  });
});

describe("stop-limit orders", () => {
  test("triggered mid-bar with a limit at or above the stop: fills at the stop", async () => {
    const { venue, feed } = await harness();
    await venue.placeOrder({ symbol: "XYZ", side: "BUY", type: "STOP_LIMIT", quantity: 1, stopPrice: 105, limitPrice: 106, clientOrderId: "sl" });
    feed({ open: 102, high: 107, low: 101, close: 106 });
    expect((await venue.getOrder("sl")).averageFillPrice).toBe(105);
  });

  test("triggered mid-bar with a limit below the stop: rests as a limit from the next bar", async () => {
    const { venue, feed } = await harness();
    await venue.placeOrder({ symbol: "XYZ", side: "BUY", type: "STOP_LIMIT", quantity: 1, stopPrice: 105, limitPrice: 104, clientOrderId: "sl" });
    // The low 101 may have come before the trigger: no fill assumed in the triggering bar.
    feed({ open: 102, high: 107, low: 101, close: 106 });
    expect((await venue.getOrder("sl")).status).toBe("ACCEPTED");
    // Triggered: now a plain limit at 104. Opens 106, falls to 103 → fills at 104.
    feed({ open: 106, high: 106, low: 103, close: 104 });
    expect((await venue.getOrder("sl")).averageFillPrice).toBe(104);
  });

  test("the trigger is reported with its time (triggeredAt): at once when the order rests as a limit, with the fill otherwise", async () => {
    const { venue, feed, events } = await harness();
    await venue.placeOrder({ symbol: "XYZ", side: "BUY", type: "STOP_LIMIT", quantity: 1, stopPrice: 105, limitPrice: 104, clientOrderId: "rests" });
    await venue.placeOrder({ symbol: "XYZ", side: "BUY", type: "STOP", quantity: 1, stopPrice: 105, clientOrderId: "fills" });
    await venue.placeOrder({ symbol: "XYZ", side: "BUY", type: "STOP", quantity: 1, stopPrice: 120, clientOrderId: "waits" });
    events.length = 0;
    const quiet = feed({ open: 102, high: 104, low: 101, close: 103 });
    const triggering = feed({ open: 102, high: 107, low: 101, close: 106 });
    const updates = events.flatMap((e) => (e.type === "order" ? [[e.order.clientOrderId, e.order.status, e.order.triggeredAt, e.order.updatedAt]] : []));
    // Nothing while the stops wait (the quiet bar); then the resting one at once, and the filled one with its fill.
    expect(updates).toEqual([
      ["rests", "ACCEPTED", triggering, triggering],
      ["fills", "FILLED", triggering, triggering],
    ]);
    expect(quiet).toBeLessThan(triggering);
    const fill = events.find((e) => e.type === "fill");
    expect(fill?.type === "fill" ? [fill.order.clientOrderId, fill.order.triggeredAt, fill.order.status] : undefined).toEqual(["fills", triggering, "FILLED"]);
    expect((await venue.getOrder("waits")).triggeredAt).toBeUndefined();
    expect((await venue.getOrder("rests")).triggeredAt).toBe(triggering);
  });

  test("gapping through the stop triggers at the open; past the limit it then works as a limit over the rest of the bar", async () => {
    const { venue, feed } = await harness();
    await venue.placeOrder({ symbol: "XYZ", side: "BUY", type: "STOP_LIMIT", quantity: 1, stopPrice: 105, limitPrice: 106, clientOrderId: "a" });
    await venue.placeOrder({ symbol: "XYZ", side: "BUY", type: "STOP_LIMIT", quantity: 1, stopPrice: 105, limitPrice: 109, clientOrderId: "b" });
    feed({ open: 108, high: 110, low: 105.5, close: 107 });
    // a: open 108 above its limit 106; the low 105.5 came after the open → fills at the limit 106.
    expect((await venue.getOrder("a")).averageFillPrice).toBe(106);
    // b: the open 108 is within its limit 109 → fills at the open.
    expect((await venue.getOrder("b")).averageFillPrice).toBe(108);
  });

  test("a sell stop-limit that gaps below its limit and never comes back does not fill", async () => {
    const { venue, feed } = await harness({ allowShorting: true });
    await venue.placeOrder({ symbol: "XYZ", side: "SELL", type: "STOP_LIMIT", quantity: 1, stopPrice: 95, limitPrice: 94, clientOrderId: "s" });
    feed({ open: 90, high: 93, low: 88, close: 92 });
    expect((await venue.getOrder("s")).status).toBe("ACCEPTED");
    feed({ open: 92, high: 94.5, low: 91, close: 94 });
    expect((await venue.getOrder("s")).averageFillPrice).toBe(94);
  });
});
