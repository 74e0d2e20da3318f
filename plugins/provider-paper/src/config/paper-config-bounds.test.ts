import { isArgoError, parseConfig } from "@argo/core";
import { describe, expect, test } from "bun:test";
import { harness } from "../__fixtures__/venue-harness.ts";
import { paperConfigSchema } from "./paper-config-schema.ts";

/** The message of the config error `input` gives (the test fails when it parses). */
function refusal(input: unknown): string {
  try {
    parseConfig(paperConfigSchema, input, { label: "paper config" });
  } catch (error) {
    expect(isArgoError(error)).toBe(true);
    return (error as Error).message;
  }
  throw new Error("the config parsed");
}

describe("paper config bounds a run can trade within (refused at validate, not at the first fill)", () => {
  test("initialCapital past 1e15 is refused at initialCapital", () => {
    // 1.79e308 validated before, then the first equity-sized fill's fee overflowed to Infinity and the backtest died.
    expect(refusal({ initialCapital: 1.79e308 })).toContain("initialCapital: must be 1000000000000000 or less");
    expect(refusal({ initialCapital: 1e15 + 1e3 })).toContain("initialCapital");
    expect(parseConfig(paperConfigSchema, { initialCapital: 1e15 }, { label: "paper config" }).initialCapital).toBe(1e15);
  });

  test("a tickSize or stepSize below 1e-10 is refused at its rule, by symbol or default", () => {
    // 5e-324 validated before; every equity-sized order then resolved to quantity Infinity (amount ÷ step).
    expect(refusal({ defaultRules: { stepSize: 5e-324 } })).toContain("defaultRules.stepSize: must be 1e-10 or more");
    expect(refusal({ symbolRules: { XYZ: { tickSize: 1e-11 } } })).toContain("symbolRules.XYZ.tickSize: must be 1e-10 or more");
    // Binance's finest step (1e-8) and the bound itself are fine.
    expect(parseConfig(paperConfigSchema, { defaultRules: { stepSize: 1e-10, tickSize: 1e-8 } }, { label: "paper config" }).defaultRules).toEqual({ stepSize: 1e-10, tickSize: 1e-8 });
  });

  test("at both bounds an all-in order fills with finite quantity, cash and fee", async () => {
    const { venue, feed } = await harness({ initialCapital: 1e15, defaultRules: { stepSize: 1e-10 }, commission: { takerRate: 0.001, makerRate: 0.001 } });
    await venue.placeOrder({ symbol: "XYZ", side: "BUY", type: "MARKET", equityFraction: 1, clientOrderId: "all-in" });
    feed(100);
    const order = await venue.getOrder("all-in");
    expect(order.status).toBe("FILLED");
    // 1e15 / (100 × 1.001) = 9,990,009,990,009.99 shares at most; the fee is 0.1 % of what they cost.
    const fill = order.fills[0]!;
    expect(order.filledQuantity).toBeGreaterThan(9.99e12);
    expect(fill.quantity * fill.price + fill.fee).toBeLessThanOrEqual(1e15);
    expect(fill.fee).toBeCloseTo(fill.quantity * fill.price * 0.001, 0);
    // 1e-10 lots are finer than a double holds at ~1e13 shares: the sizing must still not round the cost past the cash.
    const account = await venue.getAccount();
    expect(Number.isFinite(account.balance) && account.balance >= 0).toBe(true);
  });
});
