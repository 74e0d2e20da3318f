import { describe, expect, test } from "bun:test";
import { harness, rejectsWith } from "../__fixtures__/venue-harness.ts";

describe("an equity-sized entry placed behind the close of the opposite position (a reversal)", () => {
  // Short 100 at 100 (cash 20,000), then the price rises to 120: free funds 20,000 − 2 · 12,000 < 0.
  async function shortUnderWater() {
    const h = await harness({ initialCapital: 10_000, allowShorting: true, defaultRules: { stepSize: 1 } });
    await h.venue.placeOrder({ symbol: "XYZ", side: "SELL", type: "MARKET", equityFraction: 1, clientOrderId: "short" });
    h.feed(100);
    h.feed(120);
    return h;
  }

  test("is accepted: the close placed before it frees the funds it is sized from, at the fill", async () => {
    const { venue, feed } = await shortUnderWater();
    await venue.placeOrder({ symbol: "XYZ", side: "BUY", type: "MARKET", quantity: 100, clientOrderId: "cover" });
    await venue.placeOrder({ symbol: "XYZ", side: "BUY", type: "MARKET", equityFraction: 1, clientOrderId: "long" });
    feed(120);
    // Cover at 120: cash 20,000 − 12,000 = 8,000; then floor(8,000 / 120) = 66 shares.
    expect((await venue.getOrder("cover")).status).toBe("FILLED");
    const long = await venue.getOrder("long");
    expect([long.status, long.filledQuantity]).toEqual(["FILLED", 66]);
    expect((await venue.getAccount()).balance).toBe(8_000 - 66 * 120);
  });

  test("without that close it is still refused at placement: nothing is free to buy with", async () => {
    const { venue } = await shortUnderWater();
    await rejectsWith(venue.placeOrder({ symbol: "XYZ", side: "BUY", type: "MARKET", equityFraction: 1 }), "INSUFFICIENT_FUNDS");
  });
});
