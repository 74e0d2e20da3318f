import type { ArgoError, Bar } from "@argo/core";
import { describe, expect, test } from "bun:test";
import { barsFromCloses } from "../test-fixtures/bars.ts";
import { runEngine, testStrategy } from "../test-fixtures/run-engine.ts";

const bars = barsFromCloses("X", [100, 101, 102]);
const iso = (bar: Bar) => new Date(bar.openTime).toISOString();

/** The strategy errors of a run, with the bar each was reported with. */
async function strategyErrors(strategy: ReturnType<typeof testStrategy>) {
  const run = await runEngine({ bars, strategy });
  expect(run.result?.status).toBe("completed");
  return run.named("onStrategyError").map(([error, bar]) => ({ error: error as ArgoError, bar: bar as Bar | undefined }));
}

// Before: these refusals, thrown by the engine at the strategy, were passed on as thrown: no strategy, no callback, no
// bar in the message, and no details.callback, unlike any other throw of a callback.
describe("an engine refusal thrown inside a strategy callback is reported like any throw there", () => {
  test("onBar: a state value JSON would not keep, and a bad indicator period, keep their message and details and gain the callback and bar", async () => {
    const errors = await strategyErrors(testStrategy({
      onBar(_bar, ctx) {
        const n = ctx.history().length;
        if (n === 1) ctx.state.set("when", new Date(0));
        if (n === 2) ctx.indicators.sma(0);
      },
    }));
    expect(errors.map((e) => e.bar)).toEqual([bars[0], bars[1]]);
    const [state, sma] = errors.map((e) => e.error);
    expect(state!.code).toBe("STRATEGY_ERROR");
    expect(state!.message).toStartWith(`strategy "test-strategy" onBar failed on X bar ${iso(bars[0]!)}: state "when" holds a Date`);
    expect(state!.details).toMatchObject({ key: "when", callback: "onBar", symbol: "X", openTime: bars[0]!.openTime });
    expect(sma!.message).toBe(`strategy "test-strategy" onBar failed on X bar ${iso(bars[1]!)}: sma period must be a positive integer, got 0`);
    expect(sma!.details).toEqual({ indicator: "sma", period: 0, callback: "onBar", symbol: "X", openTime: bars[1]!.openTime });
  });

  test("onOrderUpdate and onStop name themselves", async () => {
    const errors = await strategyErrors(testStrategy({
      async onBar(_bar, ctx) {
        if (ctx.history().length === 1) await ctx.placeOrder({ side: "BUY", quantity: 1 });
      },
      onOrderUpdate(order, ctx) {
        if (order.status === "FILLED") ctx.state.set("filled", Number.NaN);
      },
      onStop(ctx) {
        ctx.state.set(7 as never, 1);
      },
    }));
    const [update, stop] = errors;
    // The market buy fills at the second bar's open: its update is delivered on that bar's turn.
    expect(update!.bar).toEqual(bars[1]);
    expect(update!.error.message).toStartWith(`strategy "test-strategy" onOrderUpdate failed on X bar ${iso(bars[1]!)}: state "filled"`);
    expect(update!.error.details).toMatchObject({ key: "filled", callback: "onOrderUpdate", symbol: "X", openTime: bars[1]!.openTime });
    expect(stop!.bar).toBeUndefined();
    expect(stop!.error.message).toBe(`strategy "test-strategy" onStop failed: state keys must be strings, got the number 7`);
    expect(stop!.error.details).toEqual({ keyType: "number", callback: "onStop" });
    expect(errors.length).toBe(2);
  });

  test("a custom indicator's throw keeps its own report (it is not a callback's), once", async () => {
    const errors = await strategyErrors(testStrategy({
      onBar(_bar, ctx) {
        ctx.indicators.custom("boom", () => ({ update: () => { throw new Error("no"); } }), 1);
      },
    }));
    // Registered on the first bar (warmed with it inside onBar), then fed each later bar before onBar.
    expect(errors.map((e) => e.error.message)).toEqual(bars.map((b) => `strategy "test-strategy" custom indicator "boom" failed on X bar ${iso(b)}: no`));
    expect(errors.every((e) => e.error.details?.callback === undefined)).toBe(true);
  });
});
