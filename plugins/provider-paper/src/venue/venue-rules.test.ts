import { describe, expect, test } from "bun:test";
import { harness, rejectsWith } from "../__fixtures__/venue-harness.ts";

const rules = { tickSize: 0.01, stepSize: 0.001, minQuantity: 0.01, maxQuantity: 100, minNotional: 10 };
const base = { symbol: "XYZ", side: "BUY", type: "LIMIT", limitPrice: 100 } as const;

describe("venue rules (PRICE_FILTER, LOT_SIZE, MIN_NOTIONAL)", () => {
  test("a price off the tick is INVALID_ORDER naming the rule, the field and both values", async () => {
    const { venue } = await harness({ symbolRules: { XYZ: rules } });
    const error = await rejectsWith(venue.placeOrder({ ...base, quantity: 1, limitPrice: 100.005 }), "INVALID_ORDER");
    expect(error.message).toContain("PRICE_FILTER");
    expect(error.message).toContain("limitPrice 100.005");
    expect(error.message).toContain("tick size 0.01");
    expect(error.details).toMatchObject({ rule: "PRICE_FILTER", field: "limitPrice", value: 100.005, limit: 0.01 });
    const stop = await rejectsWith(venue.placeOrder({ ...base, type: "STOP", limitPrice: undefined, stopPrice: 101.001, quantity: 1 }), "INVALID_ORDER");
    expect(stop.message).toContain("stopPrice 101.001");
    const leg = await rejectsWith(venue.placeOrder({ ...base, quantity: 1, stopLoss: { triggerPrice: 95.555 } }), "INVALID_ORDER");
    expect(leg.message).toContain("stopLoss.triggerPrice 95.555");
  });

  test("a quantity off the lot step, below the minimum or above the maximum is INVALID_ORDER (LOT_SIZE)", async () => {
    const { venue } = await harness({ symbolRules: { XYZ: rules } });
    const step = await rejectsWith(venue.placeOrder({ ...base, quantity: 0.0215 }), "INVALID_ORDER");
    expect(step.message).toContain("LOT_SIZE");
    expect(step.message).toContain("step size 0.001");
    const min = await rejectsWith(venue.placeOrder({ ...base, quantity: 0.005 }), "INVALID_ORDER");
    expect(min.message).toContain("below the minimum quantity 0.01");
    const max = await rejectsWith(venue.placeOrder({ ...base, quantity: 100.001 }), "INVALID_ORDER");
    expect(max.message).toContain("above the maximum quantity 100");
    expect(max.details).toMatchObject({ rule: "LOT_SIZE", value: 100.001, limit: 100 });
  });

  test("a quantity of a billion and a half lots is off a step of 1 (LOT_SIZE), not passed as float noise", async () => {
    const { venue } = await harness({ initialCapital: 1e9, defaultRules: { stepSize: 1 } }, "1m", "SHIBUSDT", 0.00001);
    const error = await rejectsWith(
      venue.placeOrder({ symbol: "SHIBUSDT", side: "BUY", type: "MARKET", quantity: 1_000_000_000.5 }),
      "INVALID_ORDER",
    );
    expect(error.details).toMatchObject({ rule: "LOT_SIZE", field: "quantity", value: 1_000_000_000.5, limit: 1 });
    const order = await venue.placeOrder({ symbol: "SHIBUSDT", side: "BUY", type: "MARKET", quantity: 1_000_000_000 });
    expect(order.status).toBe("ACCEPTED");
  });

  test("a quantity within float noise of zero steps is below one step (LOT_SIZE), not accepted as zero lots", async () => {
    // 1e-12 / 1 is 1e-12 steps: within the multiple check's noise of 0 steps, but no lot; no minimum quantity is set.
    const { venue } = await harness({ defaultRules: { stepSize: 1 } }, "1m", "SHIBUSDT", 0.00001);
    for (const quantity of [1e-12, 1e-9]) {
      const error = await rejectsWith(venue.placeOrder({ symbol: "SHIBUSDT", side: "BUY", type: "MARKET", quantity }), "INVALID_ORDER");
      expect(error.message).toContain("below one step size 1");
      expect(error.details).toMatchObject({ rule: "LOT_SIZE", field: "quantity", value: quantity, limit: 1 });
    }
    expect((await venue.placeOrder({ symbol: "SHIBUSDT", side: "BUY", type: "MARKET", quantity: 1 })).status).toBe("ACCEPTED");
  });

  test("an order worth less than the minimum notional is INVALID_ORDER (MIN_NOTIONAL), market orders valued at the last price", async () => {
    const { venue } = await harness({ symbolRules: { XYZ: rules } });
    const limit = await rejectsWith(venue.placeOrder({ ...base, quantity: 0.099 }), "INVALID_ORDER"); // 9.90
    expect(limit.message).toContain("MIN_NOTIONAL");
    expect(limit.message).toContain("minimum notional 10");
    await rejectsWith(venue.placeOrder({ symbol: "XYZ", side: "BUY", type: "MARKET", quantity: 0.099 }), "INVALID_ORDER");
    await rejectsWith(venue.placeOrder({ symbol: "XYZ", side: "BUY", type: "MARKET", quoteAmount: 9.99 }), "INVALID_ORDER");
  });

  test("orders that meet every rule pass, float noise included (0.3 = 3 × 0.1)", async () => {
    const { venue } = await harness({ symbolRules: { XYZ: rules } });
    await venue.placeOrder({ ...base, quantity: 0.1 + 0.2, limitPrice: 100.01 });
    await venue.placeOrder({ ...base, quantity: 100, limitPrice: 0.1 + 0.2 + 99.7 });
    await venue.placeOrder({ symbol: "XYZ", side: "BUY", type: "MARKET", quantity: 0.1 });
    expect(await venue.getOpenOrders()).toHaveLength(3);
  });

  test("symbol rules replace the default rules for their symbol", async () => {
    const { venue, feed } = await harness({ defaultRules: { stepSize: 1 }, symbolRules: { XYZ: { stepSize: 0.5 } } });
    feed(10, "ABC");
    await venue.placeOrder({ ...base, quantity: 1.5 });
    await rejectsWith(venue.placeOrder({ ...base, symbol: "ABC", limitPrice: 10, quantity: 1.5 }), "INVALID_ORDER");
  });
});
