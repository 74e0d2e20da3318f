import { describe, expect, test } from "bun:test";
import { OUTSIDE_TURN_REASON } from "../engine/strategy-order-gate.ts";
import type { OrderResult } from "../strategy/strategy-context.ts";
import { barsFromCloses } from "../test-fixtures/bars.ts";
import { runEngine } from "../test-fixtures/run-engine.ts";
import { backtest, bars, DAY, strategy, T0 } from "./backtest.test-helper.ts";

const X = bars("X", [[100, 102, 99, 101], [101, 103, 100, 102], [102, 104, 101, 103], [103, 105, 102, 104], [104, 106, 103, 105]]);

/** On its second bar, places an order from a microtask: after onBar returned, so outside every callback of the engine. */
function unawaited(results: OrderResult[]) {
  return strategy({
    onBar(_bar, ctx) {
      if (ctx.history().length !== 2) return;
      queueMicrotask(() => void ctx.placeOrder({ symbol: "X", side: "BUY", quantity: 1 }).then((r) => results.push(r)));
      queueMicrotask(() => void ctx.signal({ symbol: "X", action: "OPEN_LONG", quantity: 2 }).then((r) => results.push(r)));
    },
  });
}

describe("a backtest refuses orders placed while none of the strategy's callbacks runs", () => {
  test("refused with a reason, counted in a warning naming the first, and the same in every run", async () => {
    const runs = [];
    for (let i = 0; i < 2; i++) {
      const results: OrderResult[] = [];
      const r = await backtest(X, unawaited(results));
      runs.push(r);
      // Before: placed at whatever bar the replay had reached when the microtask ran (here after the last one).
      expect(results.map((x) => x.status === "rejected" && [x.code, x.reason])).toEqual([
        ["STRATEGY_ERROR", OUTSIDE_TURN_REASON],
        ["STRATEGY_ERROR", OUTSIDE_TURN_REASON],
      ]);
      expect(r.fills).toEqual([]);
      expect(r.counters.ordersPlaced).toBe(0);
      expect(r.counters.ordersRejected).toBe(2);
      const warning = r.warnings.find((w) => w.includes("from outside the strategy's callbacks"));
      // The replay never waits with these bars, so the microtask runs once the last bar is done: the clock is its close.
      expect(warning).toContain(`2 order calls came from outside the strategy's callbacks`);
      expect(warning).toContain(`first BUY 1 X at ${new Date(T0 + 5 * DAY).toISOString()}`);
      expect(warning).toContain("await your order calls");
    }
    expect(runs[1]!.warnings).toEqual(runs[0]!.warnings);
    expect(runs[1]!.finalEquity).toBe(runs[0]!.finalEquity);
  });

  test("every callback of the strategy may still trade: init, onBar awaited, onOrderUpdate in the turn and in the final pass, onStop", async () => {
    const placed: string[] = [];
    const note = (what: string) => (r: OrderResult) => void placed.push(`${what} ${r.status}`);
    const s = strategy({
      async init(ctx) {
        note("init")(await ctx.placeOrder({ symbol: "X", side: "BUY", quantity: 1, type: "LIMIT", limitPrice: 1 }));
      },
      async onBar(_bar, ctx) {
        if (ctx.history().length !== 1) return;
        await Promise.resolve(); // awaited inside onBar: still its turn
        note("onBar")(await ctx.signal({ action: "OPEN_LONG", quantity: 5 }));
      },
      async onOrderUpdate(order, ctx) {
        if (order.status !== "FILLED") return;
        // The entry fills on a bar's turn; the close at the end fills in the final pass.
        const what = order.reason === "OPEN_LONG" ? "onOrderUpdate" : "final pass";
        note(what)(await ctx.placeOrder({ symbol: "X", side: "BUY", quantity: 1, type: "LIMIT", limitPrice: 2 }));
      },
      async onStop(ctx) {
        note("onStop")(await ctx.placeOrder({ symbol: "X", side: "BUY", quantity: 1, type: "LIMIT", limitPrice: 3 }));
      },
    });
    // Listed, so the venue takes an order for X before its first bar (in init).
    const r = await backtest(X, s, { venue: { symbols: ["X"] } });
    expect(placed).toEqual(["init placed", "onBar placed", "onOrderUpdate placed", "final pass placed", "onStop placed"]);
    expect(r.counters.ordersRejected).toBe(0);
    expect(r.warnings.some((w) => w.includes("from outside the strategy's callbacks"))).toBe(false);
  });

  test("live is unchanged: the same late order is placed", async () => {
    const results: OrderResult[] = [];
    const run = await runEngine({ bars: barsFromCloses("X", [100, 101, 102, 103]), strategy: unawaited(results) });
    expect(results.map((x) => x.status)).toEqual(["placed", "placed"]);
    expect(run.result!.counters.ordersRejected).toBe(0);
  });
});
