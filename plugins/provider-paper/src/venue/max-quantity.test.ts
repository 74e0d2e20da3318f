import { describe, expect, test } from "bun:test";
import { harness, rejectsWith } from "../__fixtures__/venue-harness.ts";

const commission = { makerRate: 0.0005, takerRate: 0.001 };

describe("max buy and max sell quantities", () => {
  test("max buy includes fees and the lot step: exactly max passes, one step more is INSUFFICIENT_FUNDS", async () => {
    // 10,000 / (100 × 1.001) = 99.9000999… → step 0.001 → 99.9: 9,990 + 9.99 = 9,999.99 fits; 99.901 costs 10,000.0901.
    const { venue } = await harness({ initialCapital: 10_000, commission, defaultRules: { stepSize: 0.001 } });
    const max = await venue.getMaxBuyQuantity("XYZ", 100);
    expect(max).toBe(99.9);
    await rejectsWith(venue.placeOrder({ symbol: "XYZ", side: "BUY", type: "LIMIT", limitPrice: 100, quantity: 99.901 }), "INSUFFICIENT_FUNDS");
    await venue.placeOrder({ symbol: "XYZ", side: "BUY", type: "LIMIT", limitPrice: 100, quantity: max });
    expect(await venue.getMaxBuyQuantity("XYZ", 100)).toBe(0);
  });

  test("a minimum fee binds small accounts", async () => {
    // 100 cash, min fee 2, price 10: min(100 / 10.01, (100 − 2) / 10) = 9.8 → 98 + 2 = 100 exactly.
    const { venue } = await harness({ initialCapital: 100, commission: { ...commission, minimum: 2 }, defaultRules: { stepSize: 0.01 } });
    expect(await venue.getMaxBuyQuantity("XYZ", 10)).toBe(9.8);
    await rejectsWith(venue.placeOrder({ symbol: "XYZ", side: "BUY", type: "LIMIT", limitPrice: 10, quantity: 9.81 }), "INSUFFICIENT_FUNDS");
    await venue.placeOrder({ symbol: "XYZ", side: "BUY", type: "LIMIT", limitPrice: 10, quantity: 9.8 });
  });

  test("without a lot step, exactly max passes and 0.0001 % more does not", async () => {
    const { venue } = await harness({ initialCapital: 12_345.67, commission });
    const max = await venue.getMaxBuyQuantity("XYZ", 37.13);
    expect(max * 37.13 * 1.001).toBeLessThanOrEqual(12_345.67);
    expect(max * 37.13 * 1.001).toBeGreaterThan(12_345.67 * (1 - 1e-12));
    await rejectsWith(venue.placeOrder({ symbol: "XYZ", side: "BUY", type: "LIMIT", limitPrice: 37.13, quantity: max * 1.000001 }), "INSUFFICIENT_FUNDS");
    await venue.placeOrder({ symbol: "XYZ", side: "BUY", type: "LIMIT", limitPrice: 37.13, quantity: max });
  });

  test("max sell is the long position without shorting, minus what open sells reserved", async () => {
    const { venue, feed } = await harness({ commission });
    expect(await venue.getMaxSellQuantity("XYZ")).toBe(0);
    await venue.placeOrder({ symbol: "XYZ", side: "BUY", type: "MARKET", quantity: 7 });
    feed(100);
    expect(await venue.getMaxSellQuantity("XYZ")).toBe(7);
    await venue.placeOrder({ symbol: "XYZ", side: "SELL", type: "LIMIT", limitPrice: 150, quantity: 4 });
    expect(await venue.getMaxSellQuantity("XYZ")).toBe(3);
  });

  test("with shorting, max sell closes the long and opens the largest short the equity allows", async () => {
    // After buying 10 @ 100 (fee 1): cash 8,999, equity 9,999, exposure 1,000 → buying power 8,999.
    // Budget 8,999 + 2 × 10 × 100 = 10,999 → 10,999 / 100.1 = 109.8801… → 109.88 (step 0.001).
    const { venue, feed } = await harness({ initialCapital: 10_000, allowShorting: true, commission, defaultRules: { stepSize: 0.001 } });
    await venue.placeOrder({ symbol: "XYZ", side: "BUY", type: "MARKET", quantity: 10 });
    feed(100);
    const max = await venue.getMaxSellQuantity("XYZ", 100);
    expect(max).toBe(109.88);
    await rejectsWith(venue.placeOrder({ symbol: "XYZ", side: "SELL", type: "LIMIT", limitPrice: 100, quantity: 109.881 }), "INSUFFICIENT_FUNDS");
    await venue.placeOrder({ symbol: "XYZ", side: "SELL", type: "LIMIT", limitPrice: 100, quantity: max, clientOrderId: "s" });
    feed(100);
    expect((await venue.getOrder("s")).status).toBe("FILLED");
    const position = await venue.getPosition("XYZ");
    expect(position?.side).toBe("SHORT");
    expect(position?.quantity).toBeCloseTo(99.88, 9);
    // Equity 9,999 − 10.988 fee; exposure 9,988: what is left is the rounding remainder.
    expect((await venue.getAccount()).buyingPower).toBeCloseTo(0.012, 6);
  });

  test("without a price, max uses the last price and the known slippage of a market order", async () => {
    const { venue } = await harness({ initialCapital: 1_010, commission: { makerRate: 0, takerRate: 0 }, slippage: { model: "fixed", amount: 1 } });
    // Last price 100, market buys pay 101: 1,010 / 101 = 10.
    expect(await venue.getMaxBuyQuantity("XYZ")).toBe(10);
    await venue.placeOrder({ symbol: "XYZ", side: "BUY", type: "MARKET", quantity: 10 });
  });
});
