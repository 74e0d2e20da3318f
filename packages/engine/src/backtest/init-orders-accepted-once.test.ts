// An order a strategy places in init is told ACCEPTED once (onOrderUpdate), for GTC and DAY alike, with the venue's
// start as its date. In a backtest the venue clock sits at the first bar's open before init; in a paper session it has
// no time until the first bar, and the paper venue used to tell such an order ACCEPTED twice: at placement, stamped 0,
// and again when the first bar dated it.
import "@argo/provider-paper";
import { describe, expect, test } from "bun:test";
import type { Order } from "@argo/core";
import { barsFromCloses } from "../test-fixtures/bars.ts";
import { runEngine } from "../test-fixtures/run-engine.ts";
import { backtest, bars, strategy, T0 } from "./backtest.test-helper.ts";

/** A strategy placing a GTC and a DAY buy limit at 50 (never reached) in init, counting every update it hears. */
function counting() {
  const updates: Order[] = [];
  const s = strategy({
    async init(ctx) {
      await ctx.placeOrder({ symbol: "X", side: "BUY", type: "LIMIT", limitPrice: 50, quantity: 1, clientOrderId: "gtc" });
      await ctx.placeOrder({ symbol: "X", side: "BUY", type: "LIMIT", limitPrice: 50, quantity: 1, timeInForce: "DAY", clientOrderId: "day" });
    },
    onOrderUpdate: (o) => void updates.push(o),
  });
  /** [createdAt] of each ACCEPTED update `id` was told. */
  const accepted = (id: string) => updates.filter((o) => o.clientOrderId === id && o.status === "ACCEPTED").map((o) => o.createdAt);
  return { s, accepted };
}

describe("orders placed in init are told ACCEPTED once", () => {
  test("in a paper session (clock started by the first bar) and in a backtest, GTC and DAY, dated at the first bar's open", async () => {
    // Paper session: three 1-minute bars of X from T0 (2024-01-01), closes 100, 101, 102: the limit at 50 never fills.
    const live = counting();
    const run = await runEngine({
      bars: barsFromCloses("X", [100, 101, 102], T0),
      strategy: live.s,
      engine: { trading: { provider: "paper", config: { initialCapital: 10_000 } } },
    });
    expect(run.error).toBeUndefined();
    expect(live.accepted("gtc")).toEqual([T0]);
    expect(live.accepted("day")).toEqual([T0]);

    // Backtest: daily bars from T0; init sits at the first bar's open, T0.
    const back = counting();
    await backtest(bars("X", [[100, 101, 99, 100], [100, 101, 99, 100]]), back.s, { engine: { closeAtEnd: false }, venue: { symbols: ["X"] } });
    expect(back.accepted("gtc")).toEqual([T0]);
    expect(back.accepted("day")).toEqual([T0]);
  });
});
