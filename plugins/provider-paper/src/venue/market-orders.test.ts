import { describe, expect, test } from "bun:test";
import { harness, money } from "../__fixtures__/venue-harness.ts";

const MINUTE = 60_000;

describe("market orders", () => {
  test("fill at the open of the next bar, never at a price the venue saw before the order", async () => {
    const { venue, feed, events } = await harness();
    const placed = await venue.placeOrder({ symbol: "XYZ", side: "BUY", type: "MARKET", quantity: 2 });
    expect(placed.status).toBe("ACCEPTED");
    expect(events.filter((e) => e.type === "fill")).toHaveLength(0);
    const openTime = feed({ open: 105, high: 110, low: 100, close: 108 });
    const order = await venue.getOrder(placed.venueOrderId);
    expect(order.status).toBe("FILLED");
    expect(order.averageFillPrice).toBe(105);
    expect(order.fills[0]?.time).toBe(openTime);
    expect(venue.now()).toBe(openTime + MINUTE);
  });

  test("fixed slippage moves buys up and sells down by the amount", async () => {
    // Bars opening at 105 that traded 104–106: the slipped prices traded there (slippage keeps within the bar's range).
    const { venue, feed } = await harness({ slippage: { model: "fixed", amount: 0.5 } });
    await venue.placeOrder({ symbol: "XYZ", side: "BUY", type: "MARKET", quantity: 1, clientOrderId: "b" });
    feed({ open: 105, high: 106, low: 104, close: 105 });
    await venue.placeOrder({ symbol: "XYZ", side: "SELL", type: "MARKET", quantity: 1, clientOrderId: "s" });
    feed({ open: 105, high: 106, low: 104, close: 105 });
    expect((await venue.getOrder("b")).averageFillPrice).toBe(105.5);
    expect((await venue.getOrder("s")).averageFillPrice).toBe(104.5);
  });

  test("percentage slippage is a fraction of the price, against the trader", async () => {
    const { venue, feed } = await harness({ slippage: { model: "percentage", rate: 0.01 } });
    await venue.placeOrder({ symbol: "XYZ", side: "BUY", type: "MARKET", quantity: 1, clientOrderId: "b" });
    feed({ open: 200, high: 205, low: 195, close: 200 });
    await venue.placeOrder({ symbol: "XYZ", side: "SELL", type: "MARKET", quantity: 1, clientOrderId: "s" });
    feed({ open: 200, high: 205, low: 195, close: 200 });
    money((await venue.getOrder("b")).averageFillPrice, 202);
    money((await venue.getOrder("s")).averageFillPrice, 198);
  });

  test("market impact grows with the order's share of the bar's volume and rounds to the tick against the trader", async () => {
    // coefficient 0.05, exponent 0.5: 25 of 10,000 → 0.05 × √0.0025 = 0.0025 → 100 × 1.0025 = 100.25 → tick 0.1: 100.3.
    // 100 of 10,000 → 0.05 × √0.01 = 0.005 → 100.5 (on the tick). Sell 25 → 99.75 → 99.7.
    const { venue, feed } = await harness({
      slippage: { model: "market-impact", coefficient: 0.05 },
      defaultRules: { tickSize: 0.1 },
    });
    const bar = { open: 100, high: 101, low: 99, close: 100, volume: 10_000 };
    await venue.placeOrder({ symbol: "XYZ", side: "BUY", type: "MARKET", quantity: 25, clientOrderId: "small" });
    await venue.placeOrder({ symbol: "XYZ", side: "BUY", type: "MARKET", quantity: 100, clientOrderId: "large" });
    feed(bar);
    await venue.placeOrder({ symbol: "XYZ", side: "SELL", type: "MARKET", quantity: 25, clientOrderId: "sell" });
    feed(bar);
    expect((await venue.getOrder("small")).averageFillPrice).toBe(100.3);
    expect((await venue.getOrder("large")).averageFillPrice).toBe(100.5);
    expect((await venue.getOrder("sell")).averageFillPrice).toBe(99.7);
  });

  test("latency on the venue clock: arriving inside a bar, a market order fills at that bar's close; a limit waits for the next bar", async () => {
    const { venue, feed } = await harness({ latencyMs: 30_000 });
    // Placed at the seed bar's close; arrives 30 s into the next bar.
    await venue.placeOrder({ symbol: "XYZ", side: "BUY", type: "MARKET", quantity: 1, clientOrderId: "m" });
    await venue.placeOrder({ symbol: "XYZ", side: "BUY", type: "LIMIT", quantity: 1, limitPrice: 99, clientOrderId: "l" });
    const first = feed({ open: 98, high: 104, low: 95, close: 103 });
    const market = await venue.getOrder("m");
    expect(market.averageFillPrice).toBe(103);
    expect(market.fills[0]?.time).toBe(first + MINUTE);
    expect((await venue.getOrder("l")).status).toBe("ACCEPTED");
    const second = feed({ open: 101, high: 102, low: 98, close: 100 });
    const limit = await venue.getOrder("l");
    expect(limit.averageFillPrice).toBe(99);
    expect(limit.fills[0]?.time).toBe(second);
  });

  test("latency longer than a bar skips that bar entirely", async () => {
    const { venue, feed } = await harness({ latencyMs: 90_000 });
    await venue.placeOrder({ symbol: "XYZ", side: "BUY", type: "MARKET", quantity: 1, clientOrderId: "m" });
    feed({ open: 101, high: 101, low: 101, close: 101 });
    expect((await venue.getOrder("m")).status).toBe("ACCEPTED");
    feed({ open: 102, high: 104, low: 102, close: 103 });
    expect((await venue.getOrder("m")).averageFillPrice).toBe(103);
  });

  test("the clock is the venue's: setTime past the arrival makes the next bar's open eligible, whatever the wall clock says", async () => {
    const { venue } = await harness({ latencyMs: 3_600_000 }, "1m", "XYZ", 0);
    const t0 = Date.UTC(2030, 5, 1);
    venue.setTime(t0);
    venue.processBar({ symbol: "XYZ", interval: "1h", openTime: t0 - 3_600_000, open: 50, high: 50, low: 50, close: 50, volume: 1e6 });
    await venue.placeOrder({ symbol: "XYZ", side: "BUY", type: "MARKET", quantity: 1, clientOrderId: "m" });
    // Arrival t0 + 1 h: the bar opening at t0 holds it mid-bar (close fill); the one at t0 + 1 h takes it at its open.
    venue.setTime(t0 + 3_600_000);
    venue.processBar({ symbol: "XYZ", interval: "1h", openTime: t0 + 3_600_000, open: 60, high: 61, low: 59, close: 60.5, volume: 1e6 });
    const order = await venue.getOrder("m");
    expect(order.averageFillPrice).toBe(60);
    expect(order.fills[0]?.time).toBe(t0 + 3_600_000);
    // The clock never runs back.
    venue.setTime(t0);
    expect(venue.now()).toBe(t0 + 7_200_000);
  });

  test("an order placed by a listener while a bar is processed waits for the next bar", async () => {
    const { venue, feed } = await harness();
    let placedInside = false;
    venue.on((event) => {
      if (event.type === "fill" && !placedInside) {
        placedInside = true;
        void venue.placeOrder({ symbol: "XYZ", side: "BUY", type: "MARKET", quantity: 1, clientOrderId: "reaction" });
      }
    });
    await venue.placeOrder({ symbol: "XYZ", side: "BUY", type: "MARKET", quantity: 1, clientOrderId: "first" });
    const bar = feed({ open: 101, high: 105, low: 100, close: 104 });
    const reaction = await venue.getOrder("reaction");
    expect(reaction.status).toBe("ACCEPTED");
    expect(reaction.createdAt).toBe(bar + MINUTE);
    feed({ open: 106, high: 106, low: 106, close: 106 });
    expect((await venue.getOrder("reaction")).averageFillPrice).toBe(106);
  });
});
