import { describe, expect, test } from "bun:test";
import { harness, money, rejectsWith } from "../__fixtures__/venue-harness.ts";

// A quote BUY may spend its whole amount (fee included) whatever price it fills at, so it reserves the whole amount
// until it ends, not only the whole lots the amount buys at its reference price. Commission-free, figures by hand.
const flat = (price: number, volume = 1e9) => ({ open: price, high: price, low: price, close: price, volume });

describe("a quote-sized BUY reserves its whole amount until it ends", () => {
  test("a second order placed into what the first leaves is never refused at its fill: 1,000 reserved, not 990", async () => {
    // Last price 110, step 0.1: 1,000 buys 9.0 there (990), 10 at the next open 100. Reserving 990 left 510 for a
    // LIMIT BUY 5.1 @ 100 (510); the quote order then spent 1,000 at 100 and the limit was refused for want of 10.
    const { venue, feed } = await harness({ initialCapital: 1_500, defaultRules: { stepSize: 0.1 } }, "1m", "XYZ", 110);
    await venue.placeOrder({ symbol: "XYZ", side: "BUY", type: "MARKET", quoteAmount: 1_000, clientOrderId: "q" });
    money((await venue.getAccount()).buyingPower, 500);
    const refused = await rejectsWith(venue.placeOrder({ symbol: "XYZ", side: "BUY", type: "LIMIT", quantity: 5.1, limitPrice: 100, clientOrderId: "big" }), "INSUFFICIENT_FUNDS");
    expect(refused.details?.available).toBeCloseTo(500, 9);
    await venue.placeOrder({ symbol: "XYZ", side: "BUY", type: "LIMIT", quantity: 5, limitPrice: 100, clientOrderId: "lim" });
    money((await venue.getAccount()).buyingPower, 0);
    feed(flat(100));
    const q = await venue.getOrder("q");
    const lim = await venue.getOrder("lim");
    expect([q.status, q.quantity, lim.status, lim.filledQuantity]).toEqual(["FILLED", 10, "FILLED", 5]);
    money((await venue.getAccount()).balance, 1_500 - 1_000 - 500);
  });

  test("a quote amount above the buying power is refused at placement, even when its whole lots at the last price fit", async () => {
    // 1,000 cash; 1,005 buys 9 at 110 (990 ≤ 1,000) but may spend 1,005 at a lower price.
    const { venue } = await harness({ initialCapital: 1_000, defaultRules: { stepSize: 1 } }, "1m", "XYZ", 110);
    const error = await rejectsWith(venue.placeOrder({ symbol: "XYZ", side: "BUY", type: "MARKET", quoteAmount: 1_005 }), "INSUFFICIENT_FUNDS");
    expect(error.message).toContain("quoteAmount 1005");
    await venue.placeOrder({ symbol: "XYZ", side: "BUY", type: "MARKET", quoteAmount: 1_000 });
    money((await venue.getAccount()).buyingPower, 0);
  });

  test("spread over bars it keeps what is left of its amount reserved; a cancel releases the rest", async () => {
    // maxVolumeShare 0.1 of volume 40: 4 units a bar. At 100: 4 for 400, 600 of the amount left and reserved.
    // Buying power: cash 1,100 + position 400 − exposure 400 − reserved 600 = 500, as right after placement.
    const { venue, feed } = await harness({ initialCapital: 1_500, maxVolumeShare: 0.1, defaultRules: { stepSize: 0.1 } }, "1m", "XYZ", 110);
    await venue.placeOrder({ symbol: "XYZ", side: "BUY", type: "MARKET", quoteAmount: 1_000, clientOrderId: "q" });
    money((await venue.getAccount()).buyingPower, 500);
    feed(flat(100, 40));
    money((await venue.getAccount()).buyingPower, 500);
    await venue.cancelOrder("q");
    // Nothing reserved: 1,100 + 400 − 400.
    money((await venue.getAccount()).buyingPower, 1_100);
  });

  test("filled below its amount (9 lots at 110 for 990), the unspent 10 is released when it ends", async () => {
    const { venue, feed } = await harness({ initialCapital: 1_500, defaultRules: { stepSize: 1 } }, "1m", "XYZ", 110);
    await venue.placeOrder({ symbol: "XYZ", side: "BUY", type: "MARKET", quoteAmount: 1_000, clientOrderId: "q" });
    feed(flat(110));
    expect((await venue.getOrder("q")).quantity).toBe(9);
    // Cash 510 + position 990 − exposure 990, nothing reserved.
    money((await venue.getAccount()).buyingPower, 510);
  });
});
