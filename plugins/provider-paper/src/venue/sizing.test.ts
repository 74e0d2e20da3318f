import { describe, expect, test } from "bun:test";
import { harness, money } from "../__fixtures__/venue-harness.ts";

describe("orders sized by quote amount or equity fraction", () => {
  test("quoteAmount becomes a quantity at the fill price, rounded down to the lot step", async () => {
    // 1,000 at the next open 103: 9.7087… → 9.70 (step 0.01). Quantity is 0 until then.
    const { venue, feed } = await harness({ defaultRules: { stepSize: 0.01 } });
    const placed = await venue.placeOrder({ symbol: "XYZ", side: "BUY", type: "MARKET", quoteAmount: 1_000, clientOrderId: "q" });
    expect(placed.quantity).toBe(0);
    feed(103);
    const order = await venue.getOrder("q");
    expect(order.quantity).toBe(9.7);
    expect(order.filledQuantity).toBe(9.7);
    expect(order.averageFillPrice).toBe(103);
  });

  test("equityFraction takes that share of equity at fill time, leaving room for the commission", async () => {
    // Equity 10,000; half is 5,000; at 80 with 0.1 % fee: 5,000 / 80.08 = 62.437… → 62.4 (step 0.1): 4,992 + 4.992 ≤ 5,000.
    const { venue, feed } = await harness({ initialCapital: 10_000, commission: { makerRate: 0.001, takerRate: 0.001 }, defaultRules: { stepSize: 0.1 } });
    await venue.placeOrder({ symbol: "XYZ", side: "BUY", type: "MARKET", equityFraction: 0.5, clientOrderId: "half" });
    feed(80);
    const order = await venue.getOrder("half");
    expect(order.filledQuantity).toBe(62.4);
    money((await venue.getAccount()).balance, 10_000 - 4_992 - 4.992);
  });

  test("equityFraction is a share of the equity available, not of what other positions already use", async () => {
    // 10,000 cash; 60 XYZ at 100 ties up 6,000. Available: 4,000 → all of it at 50 buys 80 ABC (not 200, which would not fit).
    const { venue, feed } = await harness({ initialCapital: 10_000 });
    await venue.placeOrder({ symbol: "XYZ", side: "BUY", type: "MARKET", quantity: 60, clientOrderId: "xyz" });
    feed(100);
    feed(50, "ABC");
    await venue.placeOrder({ symbol: "ABC", side: "BUY", type: "MARKET", equityFraction: 1, clientOrderId: "abc" });
    feed(50, "ABC");
    const order = await venue.getOrder("abc");
    expect(order.status).toBe("FILLED");
    expect(order.filledQuantity).toBe(80);
    money((await venue.getAccount()).balance, 0);
  });

  test("equityFraction 1 puts everything in and the cash never goes negative", async () => {
    const { venue, feed } = await harness({ initialCapital: 10_000, commission: { makerRate: 0.001, takerRate: 0.001, minimum: 1 }, slippage: { model: "percentage", rate: 0.002 } });
    await venue.placeOrder({ symbol: "XYZ", side: "BUY", type: "MARKET", equityFraction: 1, clientOrderId: "all" });
    feed(123.45);
    const order = await venue.getOrder("all");
    expect(order.status).toBe("FILLED");
    const account = await venue.getAccount();
    expect(account.balance).toBeGreaterThanOrEqual(0);
    expect(account.balance).toBeLessThan(0.01);
  });

  test("a quote amount too small for one lot is refused at the fill (REJECTED with the reason)", async () => {
    const { venue, feed } = await harness({ defaultRules: { stepSize: 1 } });
    await venue.placeOrder({ symbol: "XYZ", side: "BUY", type: "MARKET", quoteAmount: 50, clientOrderId: "tiny" });
    feed(100);
    const order = await venue.getOrder("tiny");
    expect(order.status).toBe("REJECTED");
    expect(order.rejectReason).toContain("INVALID_ORDER");
  });

  test("a market order that no longer fits the account at its fill price is refused then, not filled into debt", async () => {
    // Checked at the last price 100 (cost 1,000 of 1,000); the next bar opens at 120.
    const { venue, feed } = await harness({ initialCapital: 1_000 });
    await venue.placeOrder({ symbol: "XYZ", side: "BUY", type: "MARKET", quantity: 10, clientOrderId: "m" });
    feed(120);
    const order = await venue.getOrder("m");
    expect(order.status).toBe("REJECTED");
    expect(order.rejectReason).toContain("INSUFFICIENT_FUNDS");
    expect((await venue.getAccount()).balance).toBe(1_000);
  });
});
