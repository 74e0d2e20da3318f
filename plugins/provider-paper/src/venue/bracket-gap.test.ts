import { describe, expect, test } from "bun:test";
import { harness } from "../__fixtures__/venue-harness.ts";

const longBracket = { takeProfit: { triggerPrice: 110 }, stopLoss: { triggerPrice: 95 } };
const shortBracket = { takeProfit: { triggerPrice: 90 }, stopLoss: { triggerPrice: 105 } };

describe("a bracket leg the bar opens past trades first, at the open", () => {
  test("long: a gap up to 115, above the take-profit at 110, takes profit at 115 though the bar later falls to 90", async () => {
    const { venue, feed } = await harness();
    await venue.placeOrder({ symbol: "XYZ", side: "BUY", type: "MARKET", quantity: 10, clientOrderId: "e", ...longBracket });
    feed({ open: 100, high: 101, low: 99, close: 100 });
    feed({ open: 115, high: 116, low: 90, close: 92 });
    const take = await venue.getOrder("e-tp");
    expect([take.status, take.averageFillPrice]).toEqual(["FILLED", 115]);
    expect((await venue.getOrder("e-sl")).status).toBe("CANCELLED");
    // Bought 10 at 100, sold at 115.
    expect((await venue.getAccount()).realizedPnl).toBe(150);
    expect(await venue.getPosition("XYZ")).toBeUndefined();
  });

  test("short: a gap down to 85, below the take-profit at 90, covers at 85 though the bar later rises to 110", async () => {
    const { venue, feed } = await harness({ allowShorting: true });
    await venue.placeOrder({ symbol: "XYZ", side: "SELL", type: "MARKET", quantity: 10, clientOrderId: "s", ...shortBracket });
    feed({ open: 100, high: 101, low: 99, close: 100 });
    feed({ open: 85, high: 110, low: 84, close: 108 });
    const take = await venue.getOrder("s-tp");
    expect([take.status, take.side, take.averageFillPrice]).toEqual(["FILLED", "BUY", 85]);
    expect((await venue.getOrder("s-sl")).status).toBe("CANCELLED");
    // Sold 10 at 100, bought back at 85.
    expect((await venue.getAccount()).realizedPnl).toBe(150);
  });

  test("in the entry's own bar the legs start at the entry's price: a market entry at a gap open past the take-profit", async () => {
    const { venue, feed } = await harness();
    // Placed at the last price 100 (take-profit 105 above it); the next bar opens at 108, then falls to 90.
    await venue.placeOrder({ symbol: "XYZ", side: "BUY", type: "MARKET", quantity: 1, clientOrderId: "e", takeProfit: { triggerPrice: 105 }, stopLoss: { triggerPrice: 95 } });
    feed({ open: 108, high: 109, low: 90, close: 91 });
    expect((await venue.getOrder("e")).averageFillPrice).toBe(108);
    const take = await venue.getOrder("e-tp");
    expect([take.status, take.averageFillPrice]).toEqual(["FILLED", 108]);
    expect((await venue.getOrder("e-sl")).status).toBe("CANCELLED");
  });

  test("a gap past the stop-loss still fills it at the open, even when the bar later reaches the take-profit", async () => {
    const { venue, feed } = await harness();
    await venue.placeOrder({ symbol: "XYZ", side: "BUY", type: "MARKET", quantity: 1, clientOrderId: "e", ...longBracket });
    feed(100);
    feed({ open: 90, high: 112, low: 89, close: 111 });
    expect((await venue.getOrder("e-sl")).averageFillPrice).toBe(90);
    expect((await venue.getOrder("e-tp")).status).toBe("CANCELLED");
  });
});

describe("with the open between the legs the stop-loss is still assumed first", () => {
  test("long: open 105 between 95 and 110, a range reaching both: the stop-loss at 95", async () => {
    const { venue, feed } = await harness();
    await venue.placeOrder({ symbol: "XYZ", side: "BUY", type: "MARKET", quantity: 1, clientOrderId: "e", ...longBracket });
    feed(100);
    feed({ open: 105, high: 112, low: 94, close: 100 });
    expect((await venue.getOrder("e-sl")).averageFillPrice).toBe(95);
    expect((await venue.getOrder("e-tp")).status).toBe("CANCELLED");
  });

  test("a take-profit stop-limit whose limit the open does not reach is not taken at the open", async () => {
    const { venue, feed } = await harness();
    // Take-profit: trigger 110, sell limit 113. The open of 111 triggers it but 111 < 113 does not fill it there.
    const bracket = { takeProfit: { triggerPrice: 110, limitPrice: 113 }, stopLoss: { triggerPrice: 95 } };
    await venue.placeOrder({ symbol: "XYZ", side: "BUY", type: "MARKET", quantity: 1, clientOrderId: "e", ...bracket });
    feed(100);
    feed({ open: 111, high: 114, low: 94, close: 100 });
    expect((await venue.getOrder("e-sl")).averageFillPrice).toBe(95);
    expect((await venue.getOrder("e-tp")).status).toBe("CANCELLED");
  });
});
