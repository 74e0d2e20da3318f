import type { OrderRequest } from "@argo/core";
import { describe, expect, test } from "bun:test";
import { money, START } from "../__fixtures__/venue-harness.ts";
import { createPaperVenue } from "../create-paper-venue.ts";
import type { PaperVenue } from "./paper-venue.ts";

const DAY = 86_400_000;

/**
 * Two symbols of daily bars fed as the backtest feeds them (replay-loop.ts: by open time, ties in symbol order; the
 * clock set to the bar's close first): each day A's bar, then B's. A's day-2 bar opens at 100 and closes at `aClose`;
 * B trades at 10 throughout. A is sold short 40 at 100 on day 1; after B's day-1 bar `order` is placed for B.
 */
async function run(aClose: number, order: OrderRequest, latencyMs = 0): Promise<PaperVenue> {
  const venue = createPaperVenue({
    initialCapital: 10_000,
    allowShorting: true,
    symbols: ["A", "B"],
    latencyMs,
    commission: { makerRate: 0, takerRate: 0 },
  });
  await venue.connect();
  const day = (index: number, aPrices: [number, number, number, number], afterA?: () => void, afterB?: () => void) => {
    const openTime = START + index * DAY;
    venue.setTime(openTime + DAY);
    const [open, high, low, close] = aPrices;
    venue.processBar({ symbol: "A", interval: "1d", openTime, open, high, low, close, volume: 1e9 });
    afterA?.();
    venue.setTime(openTime + DAY);
    venue.processBar({ symbol: "B", interval: "1d", openTime, open: 10, high: 10, low: 10, close: 10, volume: 1e9 });
    afterB?.();
  };
  day(0, [100, 100, 100, 100], () => venue.placeOrderSync({ symbol: "A", side: "SELL", type: "MARKET", quantity: 40, clientOrderId: "short" }));
  day(1, [100, 100, 100, 100], undefined, () => venue.placeOrderSync({ ...order, clientOrderId: "b" }));
  day(2, [100, Math.max(100, aClose), Math.min(100, aClose), aClose]);
  return venue;
}

const buyAll: OrderRequest = { symbol: "B", side: "BUY", type: "MARKET", equityFraction: 1 };

describe("a fill values the other symbols only at prices known when it happens", () => {
  // After the short: cash 10,000 + 40 × 100 = 14,000. At B's day-2 open A has only opened (at 100): its short is worth
  // −4,000 and takes 4,000 of collateral, so 14,000 − 4,000 − 4,000 = 6,000 is free: 600 B at 10, whatever A's close.
  for (const aClose of [100, 150, 50]) {
    test(`B's equityFraction 1 buy at its open gets 600, with A's same-day close at ${aClose}`, async () => {
      const venue = await run(aClose, buyAll);
      const b = await venue.getOrder("b");
      expect([b.status, b.filledQuantity, b.averageFillPrice]).toEqual(["FILLED", 600, 10]);
    });
  }

  test("a quantity order that fits at the open is not refused for a close still to come", async () => {
    // BUY 600 at 10 needs 6,000: free at the open (above); valued at A's close of 150 only 14,000 − 2 × 6,000 = 2,000.
    const venue = await run(150, { symbol: "B", side: "BUY", type: "MARKET", quantity: 600 });
    const b = await venue.getOrder("b");
    expect([b.status, b.filledQuantity]).toEqual(["FILLED", 600]);
  });

  test("after the time step the account shows every symbol at its close again", async () => {
    const venue = await run(150, buyAll);
    // Cash 14,000 − 600 × 10 = 8,000; A short 40 at 150 (−6,000), B long 600 at 10 (+6,000).
    const account = await venue.getAccount();
    money(account.balance, 8_000);
    money(account.equity, 8_000);
    money(account.marginUsed, 6_000);
    money(account.unrealizedPnl, -2_000);
    // Buying power 8,000 + 0 − (6,000 + 6,000) is negative: shown as 0.
    expect(account.buyingPower).toBe(0);
    const a = (await venue.getPositions()).find((p) => p.symbol === "A");
    expect([a?.side, a?.quantity, a?.marketPrice]).toEqual(["SHORT", 40, 150]);
  });

  test("a market order arriving inside the bar fills at the close, when the other symbol's close is known too", async () => {
    // One hour of latency: B's order reaches the venue inside its day-2 bar and fills at its close, at the same time as
    // A's day-2 close (150): 14,000 − 2 × 40 × 150 = 2,000 free, 200 B at 10.
    const venue = await run(150, buyAll, 3_600_000);
    const b = await venue.getOrder("b");
    expect([b.status, b.filledQuantity, b.fills[0]?.time]).toEqual(["FILLED", 200, START + 3 * DAY]);
  });
});
