import { describe, expect, test } from "bun:test";
import { harness, money } from "../__fixtures__/venue-harness.ts";

// Slippage moves a market-style fill against the trader, but never to a price the bar did not trade: a sell fills at
// no less than the bar's low, a buy at no more than its high. Every price here is worked by hand from the bar.
const BAR = { open: 3, high: 3.1, low: 2.9, close: 3 };

describe("slippage keeps a fill within its bar's range", () => {
  test("fixed slippage 5 on a 3.00 asset: a SELL fills at the bar's low 2.90, not at ~0 (cash for the asset given away)", async () => {
    const { venue, feed } = await harness({ initialCapital: 1_000, slippage: { model: "fixed", amount: 5 } }, "1m", "XYZ", 3);
    // A limit never slips: 10 at the open 3 (≤ the limit), 30 paid.
    await venue.placeOrder({ symbol: "XYZ", side: "BUY", type: "LIMIT", quantity: 10, limitPrice: 3, clientOrderId: "b" });
    feed(BAR);
    await venue.placeOrder({ symbol: "XYZ", side: "SELL", type: "MARKET", quantity: 10, clientOrderId: "s" });
    feed(BAR);
    // 3 − 5 = −2 is below the low: the fill takes the low, 2.9. Cash 1,000 − 30 + 10 × 2.9 = 999.
    expect((await venue.getOrder("s")).averageFillPrice).toBe(2.9);
    money((await venue.getAccount()).balance, 999);
  });

  test("a BUY fills at no more than the bar's high: fixed 5 at the open 3 pays 3.10, not 8", async () => {
    const { venue, feed } = await harness({ initialCapital: 1_000, slippage: { model: "fixed", amount: 5 } }, "1m", "XYZ", 3);
    await venue.placeOrder({ symbol: "XYZ", side: "BUY", type: "MARKET", quantity: 10, clientOrderId: "b" });
    feed(BAR);
    expect((await venue.getOrder("b")).averageFillPrice).toBe(3.1);
    money((await venue.getAccount()).balance, 1_000 - 31);
  });

  test("slippage inside the range is unchanged: fixed 0.05 sells at 2.95 and buys at 3.05", async () => {
    const { venue, feed } = await harness({ allowShorting: true, slippage: { model: "fixed", amount: 0.05 } }, "1m", "XYZ", 3);
    await venue.placeOrder({ symbol: "XYZ", side: "BUY", type: "MARKET", quantity: 1, clientOrderId: "b" });
    await venue.placeOrder({ symbol: "XYZ", side: "SELL", type: "MARKET", quantity: 2, clientOrderId: "s" });
    feed(BAR);
    money((await venue.getOrder("b")).averageFillPrice, 3.05);
    money((await venue.getOrder("s")).averageFillPrice, 2.95);
  });

  test("percentage rate 1 and market impact with coefficient 2 on a bar without volume reach the same edge: the low and the high", async () => {
    // Rate 1: 3 − 3 = 0 for the sell, 6 for the buy. Impact: a bar without volume counts as fully taken, 3 × 2 × 1^0.5 = 6:
    // the sell at −3, the buy at 9. Each is held to the bar: sells 2.9, buys 3.1.
    for (const slippage of [{ model: "percentage", rate: 1 }, { model: "market-impact", coefficient: 2 }] as const) {
      const { venue, feed } = await harness({ allowShorting: true, slippage }, "1m", "XYZ", 3);
      await venue.placeOrder({ symbol: "XYZ", side: "BUY", type: "MARKET", quantity: 1, clientOrderId: "b" });
      await venue.placeOrder({ symbol: "XYZ", side: "SELL", type: "MARKET", quantity: 2, clientOrderId: "s" });
      feed({ ...BAR, volume: 0 });
      expect([slippage.model, (await venue.getOrder("b")).averageFillPrice, (await venue.getOrder("s")).averageFillPrice]).toEqual([slippage.model, 3.1, 2.9]);
    }
  });

  test("a sell stop triggered inside the bar at 2.95 slips to the low 2.90 at most; on the tick grid inside the range (tick 0.25)", async () => {
    const { venue, feed } = await harness({ allowShorting: true, slippage: { model: "fixed", amount: 5 } }, "1m", "XYZ", 3);
    await venue.placeOrder({ symbol: "XYZ", side: "SELL", type: "STOP", quantity: 1, stopPrice: 2.95, clientOrderId: "stop" });
    feed(BAR);
    expect((await venue.getOrder("stop")).averageFillPrice).toBe(2.9);
    // Tick 0.25, a bar 9.9–10.6 opening at 10: the sell's floor is the first tick at or above the low (10), the buy's
    // ceiling the last tick at or below the high (10.5).
    const ticked = await harness({ allowShorting: true, slippage: { model: "fixed", amount: 50 }, defaultRules: { tickSize: 0.25 } }, "1m", "XYZ", 10);
    await ticked.venue.placeOrder({ symbol: "XYZ", side: "BUY", type: "MARKET", quantity: 1, clientOrderId: "b" });
    await ticked.venue.placeOrder({ symbol: "XYZ", side: "SELL", type: "MARKET", quantity: 2, clientOrderId: "s" });
    ticked.feed({ open: 10, high: 10.6, low: 9.9, close: 10 });
    expect((await ticked.venue.getOrder("b")).averageFillPrice).toBe(10.5);
    expect((await ticked.venue.getOrder("s")).averageFillPrice).toBe(10);
  });

  test("a quote amount is sized at the price its fill gets: 31 with fixed slippage 5 buys 10 at the high 3.10 (not 3 at 8)", async () => {
    const { venue, feed } = await harness({ initialCapital: 1_000, slippage: { model: "fixed", amount: 5 }, defaultRules: { stepSize: 1 } }, "1m", "XYZ", 3);
    await venue.placeOrder({ symbol: "XYZ", side: "BUY", type: "MARKET", quoteAmount: 31, clientOrderId: "q" });
    feed(BAR);
    const q = await venue.getOrder("q");
    // 31 / 3.1 = 10 whole units at the price the fill trades at.
    expect([q.status, q.quantity, q.averageFillPrice]).toEqual(["FILLED", 10, 3.1]);
    money((await venue.getAccount()).balance, 1_000 - 31);
  });
});
