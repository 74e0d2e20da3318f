import type { OrderRequest } from "@argo/core";
import { describe, expect, test } from "bun:test";
import { harness, money } from "../__fixtures__/venue-harness.ts";

/**
 * Short 10 XYZ at 100 from 10,000 of capital: cash 11,000. Then `order` is placed at the close of 100 and the next bar
 * is fed. At a price p of XYZ the account holds equity 11,000 − 10p and free funds 11,000 − 2 · 10p (the short is worth
 * −10p and takes 10p of collateral).
 */
async function shortThen(order: OrderRequest, next: Parameters<Awaited<ReturnType<typeof harness>>["feed"]>[0], latencyMs = 0) {
  const h = await harness({ initialCapital: 10_000, allowShorting: true, defaultRules: { stepSize: 1 }, latencyMs });
  await h.venue.placeOrder({ symbol: "XYZ", side: "SELL", type: "MARKET", quantity: 10, clientOrderId: "short" });
  h.feed(100);
  await h.venue.placeOrder({ ...order, clientOrderId: "o" });
  h.feed(next);
  return { venue: h.venue, order: await h.venue.getOrder("o") };
}

describe("a fill values a position in its own symbol at the price the fill trades at, not at the last close", () => {
  test("a reversal sized by equityFraction 1 at a gap up to 150 stays within equity", async () => {
    const { venue, order } = await shortThen({ symbol: "XYZ", side: "BUY", type: "MARKET", equityFraction: 1 }, 150);
    // At the open of 150: free 11,000 − 3,000 = 8,000; budget 1 · (8,000 + 2 · 10 · 150) = 11,000; floor(11,000 / 150) = 73.
    // (At the old close of 100 it was floor((9,000 + 3,000) / 150) = 80: long 70 = 10,500 against equity 9,500.)
    expect([order.status, order.filledQuantity, order.averageFillPrice]).toEqual(["FILLED", 73, 150]);
    const position = await venue.getPosition("XYZ");
    expect([position?.side, position?.quantity]).toEqual(["LONG", 63]);
    // Cash 11,000 − 73 · 150 = 50; equity 50 + 63 · 150 = 9,500, at least the gross 9,450.
    const account = await venue.getAccount();
    money(account.balance, 50);
    money(account.equity, 9_500);
    expect(63 * 150).toBeLessThanOrEqual(account.equity);
  });

  test("a plain SELL 60 adding to the short at the open of 150 is refused: it needs 9,000 and 8,000 is free", async () => {
    // Placement (at 100) passes: 60 · 100 = 6,000 ≤ 9,000 free. At the fill: 60 · 150 = 9,000 > 11,000 − 3,000 = 8,000.
    const { venue, order } = await shortThen({ symbol: "XYZ", side: "SELL", type: "MARKET", quantity: 60 }, 150);
    expect([order.status, order.filledQuantity]).toEqual(["REJECTED", 0]);
    expect(order.rejectReason).toStartWith("INSUFFICIENT_FUNDS");
    expect((await venue.getPosition("XYZ"))?.quantity).toBe(10);
  });

  test("a SELL of 53, which fits at 150, still fills", async () => {
    // 53 · 150 = 7,950 ≤ 8,000.
    const { order } = await shortThen({ symbol: "XYZ", side: "SELL", type: "MARKET", quantity: 53 }, 150);
    expect([order.status, order.filledQuantity]).toEqual(["FILLED", 53]);
  });

  test("SELL equityFraction 1 adding to the short takes what is free at 150: 53", async () => {
    // It reduces nothing: floor(8,000 / 150) = 53 (at the old close of 100: floor(9,000 / 150) = 60).
    const { venue, order } = await shortThen({ symbol: "XYZ", side: "SELL", type: "MARKET", equityFraction: 1 }, 150);
    expect([order.status, order.filledQuantity]).toEqual(["FILLED", 53]);
    // Cash 11,000 + 53 · 150 = 18,950; equity 18,950 − 63 · 150 = 9,500 ≥ gross 9,450.
    money((await venue.getAccount()).equity, 9_500);
  });

  test("a market order filled at the close (latency) values the short at that close", async () => {
    // Arriving 10 s into a bar that opens at 100 and closes at 150: it trades at 150, when the short is worth 150 too.
    const bar = { open: 100, high: 150, low: 100, close: 150 };
    const { order } = await shortThen({ symbol: "XYZ", side: "SELL", type: "MARKET", equityFraction: 1 }, bar, 10_000);
    expect([order.status, order.filledQuantity, order.averageFillPrice]).toEqual(["FILLED", 53, 150]);
  });

  test("a limit sell filled at 120 inside the bar values the short at 120", async () => {
    // Placement at 100: 72 · 120 = 8,640 ≤ 9,000. At the fill: 11,000 − 2 · 10 · 120 = 8,600 free, short of 8,640.
    const bar = { open: 100, high: 125, low: 100, close: 110 };
    const refused = await shortThen({ symbol: "XYZ", side: "SELL", type: "LIMIT", limitPrice: 120, quantity: 72 }, bar);
    expect([refused.order.status, refused.order.rejectReason?.split(":")[0]]).toEqual(["REJECTED", "INSUFFICIENT_FUNDS"]);
    // 71 · 120 = 8,520 fits.
    const filled = await shortThen({ symbol: "XYZ", side: "SELL", type: "LIMIT", limitPrice: 120, quantity: 71 }, bar);
    expect([filled.order.status, filled.order.averageFillPrice]).toEqual(["FILLED", 120]);
  });
});
