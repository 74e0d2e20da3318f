// Close signals through the engine: a bad quantity takes the path of a bad order, and the size left to close is clean.
import { describe, expect, test } from "bun:test";
import type { OrderRejection } from "../engine/callbacks.ts";
import { backtest, bar, onBarAt } from "../backtest/backtest.test-helper.ts";
import type { OrderResult } from "./strategy-context.ts";

// Five flat days at 100 (high 101, low 99).
const input = [0, 1, 2, 3, 4].map((d) => bar("A", d, 100, 101, 99, 100));

describe("close signals in a backtest", () => {
  test("a CLOSE_LONG with a negative quantity is rejected (INVALID_ORDER naming quantity, onOrderRejected) and the position stays", async () => {
    let result: OrderResult | undefined;
    let held: number | undefined;
    const rejections: OrderRejection[] = [];
    const strategy = onBarAt(async (i, _b, ctx) => {
      if (i === 0) await ctx.placeOrder({ side: "BUY", quantity: 2 });
      if (i === 1) result = await ctx.signal({ action: "CLOSE_LONG", quantity: -1 });
      if (i === 3) held = ctx.position()?.quantity;
    });
    const run = await backtest(input, strategy, { engine: { closeAtEnd: false }, callbacks: { onOrderRejected: (r) => void rejections.push(r) } });
    expect(result).toMatchObject({ status: "rejected", code: "INVALID_ORDER" });
    expect(result?.status === "rejected" ? result.reason : "").toContain("quantity must be a positive number");
    expect(rejections.map((r) => [r.code, r.source])).toEqual([["INVALID_ORDER", "engine"]]);
    expect(held).toBe(2);
    expect(run.fills.map((f) => [f.side, f.quantity])).toEqual([["BUY", 2]]);
  });

  test("long 0.3 with a 0.1 limit sell working, shorting off: CLOSE_LONG places exactly 0.2 (the float difference is 0.19999999999999998), filled as 0.2", async () => {
    let placed: number | undefined;
    const strategy = onBarAt(async (i, _b, ctx) => {
      if (i === 0) await ctx.placeOrder({ side: "BUY", quantity: 0.3 });
      if (i === 1) {
        await ctx.placeOrder({ side: "SELL", type: "LIMIT", limitPrice: 150, quantity: 0.1 });
        const r = await ctx.signal({ action: "CLOSE_LONG" });
        placed = r.status === "placed" ? r.order.quantity : undefined;
      }
    });
    const run = await backtest(input, strategy, { venue: { allowShorting: false, defaultRules: { stepSize: 0.1 } }, engine: { closeAtEnd: false } });
    expect(placed).toBe(0.2);
    expect(run.fills.map((f) => [f.side, f.quantity])).toEqual([["BUY", 0.3], ["SELL", 0.2]]);
  });

  test("long 0.4 with a 0.1 limit sell working, shorting off: CLOSE_LONG places exactly 0.3 (the float difference is 0.30000000000000004)", async () => {
    let placed: number | undefined;
    const strategy = onBarAt(async (i, _b, ctx) => {
      if (i === 0) await ctx.placeOrder({ side: "BUY", quantity: 0.4 });
      if (i === 1) {
        await ctx.placeOrder({ side: "SELL", type: "LIMIT", limitPrice: 150, quantity: 0.1 });
        const r = await ctx.signal({ action: "CLOSE_LONG" });
        placed = r.status === "placed" ? r.order.quantity : undefined;
      }
    });
    const run = await backtest(input, strategy, { venue: { allowShorting: false, defaultRules: { stepSize: 0.1 } }, engine: { closeAtEnd: false } });
    expect(placed).toBe(0.3);
    expect(run.fills.map((f) => [f.side, f.quantity])).toEqual([["BUY", 0.4], ["SELL", 0.3]]);
  });
});
