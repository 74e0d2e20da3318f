import { describe, expect, test } from "bun:test";
import { harness, money } from "../__fixtures__/venue-harness.ts";

describe("partial fills by volume", () => {
  test("a large market order fills over several bars, each taking at most its share of the bar's volume", async () => {
    // Share 25 %: volumes 200, 120, 400 allow 50, 30, 100 → fills 50 @ 101, 30 @ 102, 20 @ 104.
    const { venue, feed, events } = await harness({ maxVolumeShare: 0.25 });
    await venue.placeOrder({ symbol: "XYZ", side: "BUY", type: "MARKET", quantity: 100, clientOrderId: "big" });
    feed({ open: 101, high: 101, low: 101, close: 101, volume: 200 });
    let order = await venue.getOrder("big");
    expect(order.status).toBe("PARTIALLY_FILLED");
    expect(order.filledQuantity).toBe(50);
    feed({ open: 102, high: 102, low: 102, close: 102, volume: 120 });
    expect((await venue.getOrder("big")).filledQuantity).toBe(80);
    feed({ open: 104, high: 104, low: 104, close: 104, volume: 400 });
    order = await venue.getOrder("big");
    expect(order.status).toBe("FILLED");
    expect(order.fills.map((f) => [f.quantity, f.price])).toEqual([
      [50, 101],
      [30, 102],
      [20, 104],
    ]);
    // VWAP (5,050 + 3,060 + 2,080) / 100 = 101.9
    money(order.averageFillPrice, 101.9);
    const fills = events.filter((e) => e.type === "fill");
    expect(fills).toHaveLength(3);
  });

  test("the volume cap is rounded down to the lot step; a bar without volume fills nothing", async () => {
    const { venue, feed } = await harness({ maxVolumeShare: 0.25, defaultRules: { stepSize: 1 } });
    await venue.placeOrder({ symbol: "XYZ", side: "BUY", type: "LIMIT", quantity: 60, limitPrice: 100, clientOrderId: "l" });
    feed({ open: 100, high: 100, low: 100, close: 100, volume: 0 });
    expect((await venue.getOrder("l")).filledQuantity).toBe(0);
    feed({ open: 100, high: 100, low: 100, close: 100, volume: 203 }); // 50.75 → 50
    expect((await venue.getOrder("l")).filledQuantity).toBe(50);
    feed({ open: 100, high: 100, low: 100, close: 100, volume: 203 });
    expect((await venue.getOrder("l")).status).toBe("FILLED");
  });

  test("each fill emits, in order: the order update, the fill, the position, the account", async () => {
    const { venue, feed, events } = await harness({ maxVolumeShare: 0.5 });
    await venue.placeOrder({ symbol: "XYZ", side: "BUY", type: "MARKET", quantity: 10, clientOrderId: "o" });
    feed({ open: 100, high: 100, low: 100, close: 100, volume: 10 });
    feed({ open: 100, high: 100, low: 100, close: 100, volume: 10 });
    const kinds = events.map((e) => (e.type === "order" ? `order:${e.order.status}` : e.type));
    expect(kinds).toEqual([
      // The market BUY reserves its cost in cash when placed: the account follows its order event.
      "order:ACCEPTED",
      "account",
      "order:PARTIALLY_FILLED",
      "fill",
      "position",
      "account",
      "order:FILLED",
      "fill",
      "position",
      "account",
    ]);
    const lastPosition = events.findLast((e) => e.type === "position");
    expect(lastPosition?.type === "position" && lastPosition.position?.quantity).toBe(10);
  });
});
