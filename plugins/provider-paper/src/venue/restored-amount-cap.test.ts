import type { Bar } from "@argo/core";
import { describe, expect, test } from "bun:test";
import { money, START } from "../__fixtures__/venue-harness.ts";
import type { PaperConfigInput } from "../config/paper-config-schema.ts";
import { createPaperVenue } from "../create-paper-venue.ts";
import type { PaperVenue } from "./paper-venue.ts";

// A quote- or equity-sized order part filled when a paper session stops keeps, once restored, the cap its amount set:
// after the restart it spends no more than without one. Each scenario runs on one venue, is restored from what the
// journal would hold (every fill, the working orders, the last bar) into a second, and both take the same later bars.
// Expectations are worked by hand in each test.
const MINUTE = 60_000;
const flat = (price: number, volume: number) => ({ open: price, high: price, low: price, close: price, volume });

interface Pair {
  original: PaperVenue;
  resumed: PaperVenue;
  /** Feeds the next bar to both venues. */
  feed(prices: ReturnType<typeof flat>): void;
}

/** Runs `before` on a venue (after a first bar at 100) whose bars `feed` passes, then restores a second from it; later bars go to both. */
async function restoredMidway(config: PaperConfigInput, before: (venue: PaperVenue, feed: (p: ReturnType<typeof flat>) => void) => Promise<void>): Promise<Pair> {
  const full = { commission: { makerRate: 0, takerRate: 0 }, ...config };
  const original = createPaperVenue(full);
  await original.connect();
  original.setTime(START);
  let openTime = START;
  let last: Bar | undefined;
  const feedOne = (venue: PaperVenue, prices: ReturnType<typeof flat>) => venue.processBar({ symbol: "XYZ", interval: "1m", openTime, ...prices });
  const feed = (prices: ReturnType<typeof flat>) => {
    feedOne(original, prices);
    last = { symbol: "XYZ", interval: "1m", openTime, ...prices };
    openTime += MINUTE;
  };
  // The symbol's first bar, at 100: it has a last price for market orders.
  feed(flat(100, 1e9));
  await before(original, feed);
  const resumed = createPaperVenue(full);
  await resumed.connect();
  resumed.restore({ fills: await original.getTrades(), workingOrders: await original.getOpenOrders(), lastBars: last === undefined ? [] : [last] });
  return {
    original,
    resumed,
    feed(prices) {
      feedOne(original, prices);
      feedOne(resumed, prices);
      openTime += MINUTE;
    },
  };
}

describe("a restored quote- or equity-sized order keeps its amount's cap", () => {
  test("equityFraction 0.5 of 2,000: 4 at 100 before the restart, 4 at 150 after (600 left), FILLED 8, not 10", async () => {
    // Resolved at 100: 1,000 / 100 = 10. Restored, its amount is the cost of those 10 at 100 = 1,000; 400 used.
    const pair = await restoredMidway({ initialCapital: 2_000, maxVolumeShare: 0.1, defaultRules: { stepSize: 0.001 } }, async (venue, feed) => {
      await venue.placeOrder({ symbol: "XYZ", side: "BUY", type: "MARKET", equityFraction: 0.5, clientOrderId: "e" });
      feed(flat(100, 40));
    });
    for (let i = 0; i < 3; i++) pair.feed(flat(150, 40));
    for (const venue of [pair.original, pair.resumed]) {
      const e = await venue.getOrder("e");
      expect([e.status, e.quantity, e.fills.map((f) => [f.quantity, f.price])]).toEqual(["FILLED", 8, [[4, 100], [4, 150]]]);
      money((await venue.getAccount()).balance, 2_000 - 400 - 600);
    }
  });

  test("an equity reversal restored after its reducing fill still opens only its share: 13 of 15, short 8", async () => {
    // Long 5 at 100 of 1,000 (cash 500). SELL equityFraction 1 at 100: 1 × (500 + 2 × 5 × 100) = 1,500 → 15, of which 5
    // reduce: 1,000 may open. 4 at 100 (reducing, nothing used), restart. 4 at 120 (1 reduces, 3 open: 360), 4 at 120
    // (480: 840 used), 1 at 120 (960 used), 40 left buys none: FILLED 13. Restored, the amount is 15 × 100 − 5 × 100.
    const pair = await restoredMidway({ initialCapital: 1_000, allowShorting: true, maxVolumeShare: 0.1, defaultRules: { stepSize: 1 } }, async (venue, feed) => {
      await venue.placeOrder({ symbol: "XYZ", side: "BUY", type: "MARKET", quantity: 5, clientOrderId: "long" });
      feed(flat(100, 1e9));
      await venue.placeOrder({ symbol: "XYZ", side: "SELL", type: "MARKET", equityFraction: 1, clientOrderId: "rev" });
      feed(flat(100, 40));
    });
    for (let i = 0; i < 4; i++) pair.feed(flat(120, 40));
    for (const venue of [pair.original, pair.resumed]) {
      const rev = await venue.getOrder("rev");
      expect([rev.status, rev.quantity, rev.fills.map((f) => [f.quantity, f.price])]).toEqual(["FILLED", 13, [[4, 100], [4, 120], [4, 120], [1, 120]]]);
      const position = await venue.getPosition("XYZ");
      expect([position?.side, position?.quantity]).toEqual(["SHORT", 8]);
    }
  });

  test("a quote SELL restored keeps counting only the value it sold (its fee comes out of what it receives): 4 at 150 after 4 at 100", async () => {
    // 0.1 % fee. 1,000 / 100 = 10 resolved; 4 at 100 use 400 (the 0.4 fee is not part of the amount); 600 / 150 = 4.
    const fee = { commission: { makerRate: 0.001, takerRate: 0.001 } };
    const pair = await restoredMidway({ initialCapital: 10_000, allowShorting: true, maxVolumeShare: 0.1, defaultRules: { stepSize: 0.001 }, ...fee }, async (venue, feed) => {
      await venue.placeOrder({ symbol: "XYZ", side: "SELL", type: "MARKET", quoteAmount: 1_000, clientOrderId: "s" });
      feed(flat(100, 40));
    });
    for (let i = 0; i < 2; i++) pair.feed(flat(150, 40));
    for (const venue of [pair.original, pair.resumed]) {
      const s = await venue.getOrder("s");
      expect([s.status, s.quantity, s.fills.map((f) => [f.quantity, f.price])]).toEqual(["FILLED", 8, [[4, 100], [4, 150]]]);
    }
  });

  test("a quote BUY restored reserves what is left of its amount: buying power 500 before and after the restart", async () => {
    // 1,500 cash, step 1. Resolved at 110: 1,000 / 110 → 9; 4 at 110 = 440 used, 560 left reserved. Buying power:
    // cash 1,060 + position 440 − exposure 440 − 560 = 500 (the 5 lots still to fill at 110 would reserve 550: 510).
    const pair = await restoredMidway({ initialCapital: 1_500, maxVolumeShare: 0.1, defaultRules: { stepSize: 1 } }, async (venue, feed) => {
      await venue.placeOrder({ symbol: "XYZ", side: "BUY", type: "MARKET", quoteAmount: 1_000, clientOrderId: "q" });
      feed(flat(110, 40));
    });
    money((await pair.original.getAccount()).buyingPower, 500);
    money((await pair.resumed.getAccount()).buyingPower, 500);
    // At 100 the 560 left buys its 5 lots (4, then 1): 500 spent, FILLED 9, the last 60 released.
    for (let i = 0; i < 2; i++) pair.feed(flat(100, 40));
    for (const venue of [pair.original, pair.resumed]) {
      const q = await venue.getOrder("q");
      expect([q.status, q.filledQuantity]).toEqual(["FILLED", 9]);
      money((await venue.getAccount()).balance, 1_500 - 440 - 500);
      money((await venue.getAccount()).buyingPower, 1_500 - 440 - 500);
    }
  });
});
