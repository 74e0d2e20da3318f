import { Database } from "bun:sqlite";
import { afterAll, describe, expect, test } from "bun:test";
import type { ArgoError, Bar } from "@argo/core";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { backtest, bars } from "../backtest/backtest.test-helper.ts";
import { barsFromCloses } from "../test-fixtures/bars.ts";
import { runEngine, testStrategy } from "../test-fixtures/run-engine.ts";

const root = mkdtempSync(join(tmpdir(), "argo-frozen-bars-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Writes to the bar a strategy is handed, as a strategy converting cents to dollars in place would (throws once frozen). */
function halveClose(bar: Bar): void {
  (bar as { close: number }).close = bar.close / 100;
}

describe("the bar handed to the strategy is frozen: a write cannot change what the engine does", () => {
  test("a write throws, reported as onBar's error; the risk check, the next bars and the caller's array are untouched", async () => {
    // Six flat bars closing at 100 (InMemoryMarketData hands the engine the caller's own objects).
    const input = bars("X", Array.from({ length: 6 }, () => [100, 101, 99, 100] as const));
    const before = structuredClone(input);
    const errors: ArgoError[] = [];
    const seen: number[] = [];
    const orders: string[] = [];
    const result = await backtest(input, testStrategy({
      async onBar(bar, ctx) {
        seen.push(bar.close);
        try {
          halveClose(bar);
        } catch {
          // The strategy goes on: its order is judged at the close the data gave.
        }
        if (ctx.history().length === 2) {
          const placed = await ctx.placeOrder({ side: "BUY", quantity: 50 });
          orders.push(placed.status);
        }
        if (ctx.history().length === 3) halveClose(bar); // uncaught this time: the strategy's error
      },
    }), { engine: { risk: { maxOrderValue: 1000 }, closeAtEnd: false }, callbacks: { onStrategyError: (e) => void errors.push(e) } });
    // 50 × 100 = 5,000 is over the 1,000 limit; at a written close of 1 it would have been 50 and placed.
    expect(orders).toEqual(["rejected"]);
    expect(result.fills).toEqual([]);
    // The run went on after the uncaught write: every bar reached onBar.
    expect(seen).toEqual([100, 100, 100, 100, 100, 100]);
    expect(errors).toHaveLength(1);
    expect(errors[0]!.code).toBe("STRATEGY_ERROR");
    expect(errors[0]!.details?.callback).toBe("onBar");
    expect(errors[0]!.message).toContain("onBar failed");
    expect((errors[0]!.cause as Error).name).toBe("TypeError");
    expect(input).toEqual(before);
  });

  test("ctx.history() shows the bars as they came, written to or not", async () => {
    const input = bars("X", [[10, 11, 9, 10], [10, 12, 9, 11], [11, 13, 10, 12]]);
    let closes: number[] = [];
    await backtest(input, testStrategy({
      onBar(bar, ctx) {
        try {
          halveClose(bar);
        } catch {
          // refused: the history below must still hold 10, 11, 12
        }
        closes = ctx.history().closes();
      },
    }));
    expect(closes).toEqual([10, 11, 12]);
  });

  test("the journal keeps the bars as fed, and a restart's warm-up bars are frozen too", async () => {
    const sessionDir = join(root, "journal");
    const input = barsFromCloses("X", [101.4, 102.4, 103.4, 104.4, 105.4]);
    const before = structuredClone(input);
    const writer = testStrategy({
      onBar(bar) {
        (bar as { close: number }).close = Math.round(bar.close);
      },
    });
    const first = await runEngine({ bars: input.slice(0, 3), engine: { sessionDir }, strategy: writer });
    expect(first.error).toBeUndefined();
    const db = new Database(join(sessionDir, "journal.sqlite"), { readonly: true });
    const journaled = (db.query("SELECT close FROM bars ORDER BY open_time").all() as Array<{ close: number }>).map((r) => r.close);
    db.close();
    expect(journaled).toEqual([101.4, 102.4, 103.4]);
    // Three bars, three refused writes (each one reported, the run goes on).
    expect(first.named("onStrategyError")).toHaveLength(3);
    let warmFrozen: boolean[] = [];
    let sma: number | undefined;
    const second = await runEngine({
      bars: input, engine: { sessionDir },
      strategy: testStrategy({
        init(ctx) {
          warmFrozen = ctx.history().toArray().map((b) => Object.isFrozen(b));
        },
        onBar(bar, ctx) {
          if (bar.close === 104.4) sma = ctx.indicators.sma(3).value();
        },
      }),
    });
    expect(second.error).toBeUndefined();
    expect(warmFrozen).toEqual([true, true, true]);
    // Warmed from the journal's 102.4 and 103.4, then 104.4: (102.4 + 103.4 + 104.4) / 3 = 103.4.
    expect(sma).toBeCloseTo(103.4, 10);
    expect(input).toEqual(before);
  });
});
