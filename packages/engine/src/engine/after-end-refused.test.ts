import { describe, expect, test } from "bun:test";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { backtest, bars as dailyBars } from "../backtest/backtest.test-helper.ts";
import type { StrategyContext } from "../strategy/strategy-context.ts";
import { barsFromCloses } from "../test-fixtures/bars.ts";
import { LaterVenue } from "../test-fixtures/later-venue.ts";
import { runEngine, testStrategy } from "../test-fixtures/run-engine.ts";
import { ENDED_REASON } from "./strategy-order-gate.ts";

const ended = { status: "rejected", code: "CONTEXT_CANCELLED", reason: ENDED_REASON };

/** A strategy that keeps its context, as a promise that outlives the run does. */
function keepsContext() {
  const kept: { ctx?: StrategyContext<unknown> } = {};
  const strategy = testStrategy({ onBar: (_bar, ctx) => void (kept.ctx = ctx) });
  return { kept, strategy };
}

describe("an order placed after the run has ended is refused, never sent", () => {
  for (const journal of [false, true]) {
    test(`live, ${journal ? "with" : "without"} a session journal`, async () => {
      const dir = journal ? mkdtempSync(join(tmpdir(), "argo-after-end-")) : undefined;
      try {
        const venue = new LaterVenue();
        const { kept, strategy } = keepsContext();
        const run = await runEngine({ bars: barsFromCloses("X", [100, 101, 102]), strategy, venue, engine: dir ? { sessionDir: dir } : {} });
        expect(run.result?.status).toBe("completed");
        const callbacks = run.calls.length;
        const ctx = kept.ctx!;
        // Before: sent to the venue (and left working there), or with a journal refused as INTERNAL "Statement has finalized".
        expect(await ctx.placeOrder({ symbol: "X", side: "BUY", quantity: 1, type: "LIMIT", limitPrice: 90 })).toMatchObject(ended);
        expect(await ctx.signal({ symbol: "X", action: "OPEN_LONG", quantity: 1 })).toMatchObject(ended);
        expect(await ctx.signal({ action: "CLOSE_LONG" })).toMatchObject(ended);
        expect(venue.placed).toEqual([]);
        // onEngineStop was the last callback: nothing is reported after it.
        expect(run.calls.length).toBe(callbacks);
        expect(run.calls.at(-1)?.[0]).toBe("onEngineStop");
      } finally {
        if (dir) rmSync(dir, { recursive: true, force: true });
      }
    });
  }

  test("backtest", async () => {
    const { kept, strategy } = keepsContext();
    const result = await backtest(dailyBars("X", [[100, 101, 99, 100], [100, 101, 99, 100]]), strategy);
    expect(await kept.ctx!.placeOrder({ symbol: "X", side: "BUY", quantity: 1 })).toMatchObject(ended);
    expect(kept.ctx!.openOrders()).toEqual([]);
    expect(result.counters.ordersPlaced).toBe(0);
  });
});
