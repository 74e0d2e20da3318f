// Signals and orders a strategy gets wrong, through the engine: each resolves as a rejected INVALID_ORDER, reported
// through onOrderRejected (source engine) and counted, never skipped as "nothing to do" and never thrown; the run goes on.
import { describe, expect, test } from "bun:test";
import type { ArgoError } from "@argo/core";
import { backtest, bar, onBarAt } from "../backtest/backtest.test-helper.ts";
import type { OrderRejection } from "../engine/callbacks.ts";
import type { Signal } from "./signal.ts";
import type { OrderInput, OrderResult, StrategyContext } from "./strategy-context.ts";

// Five flat days at 100 (high 101, low 99).
const input = [0, 1, 2, 3, 4].map((d) => bar("A", d, 100, 101, 99, 100));
const ACTIONS = "action must be one of OPEN_LONG, CLOSE_LONG, OPEN_SHORT, CLOSE_SHORT";

/** Runs `act` on bar 1; a sound OPEN_LONG of 1 on bar 2 shows the run went on. */
async function run(act: (ctx: StrategyContext<unknown>) => Promise<OrderResult[]>) {
  let results: OrderResult[] = [];
  let after: OrderResult | undefined;
  const rejections: OrderRejection[] = [];
  const strategyErrors: ArgoError[] = [];
  const strategy = onBarAt(async (i, _b, ctx) => {
    if (i === 1) results = await act(ctx);
    if (i === 2) after = await ctx.signal({ action: "OPEN_LONG", quantity: 1 });
  });
  const result = await backtest(input, strategy, {
    engine: { closeAtEnd: false },
    callbacks: { onOrderRejected: (r) => void rejections.push(r), onStrategyError: (e) => void strategyErrors.push(e) },
  });
  return { results, after, rejections, strategyErrors, result };
}

describe("a signal whose action is none of the four", () => {
  test("is rejected as INVALID_ORDER naming action and what was given, reported and counted; the run goes on", async () => {
    const out = await run(async (ctx) => [
      await ctx.signal({ action: "OPEN_LOGN", quantity: 1 } as unknown as Signal),
      await ctx.signal({ action: "open_long", quantity: 1 } as unknown as Signal),
    ]);
    expect(out.results.map((r) => [r.status, r.status === "rejected" ? r.code : "", r.status === "rejected" ? r.reason : ""])).toEqual([
      ["rejected", "INVALID_ORDER", `${ACTIONS} (got "OPEN_LOGN")`],
      ["rejected", "INVALID_ORDER", `${ACTIONS} (got "open_long")`],
    ]);
    expect(out.rejections.map((r) => [r.code, r.source, r.reason, r.request.symbol])).toEqual([
      ["INVALID_ORDER", "engine", `${ACTIONS} (got "OPEN_LOGN")`, "A"],
      ["INVALID_ORDER", "engine", `${ACTIONS} (got "open_long")`, "A"],
    ]);
    expect(out.result.counters.ordersRejected).toBe(2);
    expect(out.strategyErrors).toEqual([]);
    expect(out.after?.status).toBe("placed");
    expect(out.result.status).toBe("completed");
    // Nothing traded but the sound signal.
    expect(out.result.fills.map((f) => [f.side, f.quantity])).toEqual([["BUY", 1]]);
  });
});

describe("a signal or order that is not an object", () => {
  test("ctx.signal(null) and ctx.placeOrder(null) resolve rejected (INVALID_ORDER), reported and counted; nothing throws", async () => {
    const out = await run(async (ctx) => {
      // Called without await first: the call itself must not throw before returning its promise.
      const pending: Array<Promise<OrderResult>> = [];
      pending.push(ctx.signal(null as unknown as Signal));
      pending.push(ctx.placeOrder(null as unknown as OrderInput));
      pending.push(ctx.signal(undefined as unknown as Signal));
      pending.push(ctx.placeOrder("BUY 1" as unknown as OrderInput));
      return Promise.all(pending);
    });
    const reasons = [
      "a signal must be an object, got null",
      "an order must be an object, got null",
      "a signal must be an object, got undefined",
      'an order must be an object, got the string "BUY 1"',
    ];
    // The request holds the one thing known, the bar's symbol.
    expect(out.results as unknown[]).toEqual(reasons.map((reason) => ({ status: "rejected", code: "INVALID_ORDER", reason, request: { symbol: "A" } })));
    expect(out.rejections.map((r) => [r.code, r.source, r.reason])).toEqual(reasons.map((reason) => ["INVALID_ORDER", "engine", reason]));
    expect(out.result.counters.ordersRejected).toBe(4);
    expect(out.strategyErrors).toEqual([]);
    expect(out.result.counters.strategyErrors).toBe(0);
    expect(out.after?.status).toBe("placed");
    expect(out.result.status).toBe("completed");
  });
});
