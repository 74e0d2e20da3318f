import "@argo/provider-paper";
import { afterAll, describe, expect, test } from "bun:test";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DAY, T0 } from "../backtest/backtest.test-helper.ts";
import type { TradingStateChange } from "../risk/trading-state.ts";
import { barsFromCloses } from "../test-fixtures/bars.ts";
import { runEngine, testStrategy } from "../test-fixtures/run-engine.ts";

const root = mkdtempSync(join(tmpdir(), "argo-risk-restart-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const paper = { provider: "paper", config: { initialCapital: 10_000, commission: { takerRate: 0, makerRate: 0 } } };

/** Buys 99 on the session's very first bar (by time, so a restart does not buy again); records every state change. */
function session(bars: ReturnType<typeof barsFromCloses>, sessionDir: string, risk: Record<string, number>) {
  const changes: TradingStateChange[] = [];
  const run = runEngine({
    bars,
    strategy: testStrategy({
      async onBar(bar, ctx) {
        if (bar.openTime === T0) await ctx.placeOrder({ side: "BUY", quantity: 99 });
      },
    }),
    engine: { sessionDir, trading: paper, risk },
    callbacks: { onTradingStateChange: (change) => void changes.push(change) },
  });
  return run.then((r) => ({ ...r, changes }));
}
/** Each change as from->to, the measure the reason names and the minute (engine clock) it happened at. */
const summary = (changes: TradingStateChange[]) => changes.map((c) => `${c.from}->${c.to} ${c.reason.split(" reached")[0]} @${(c.time - T0) / 60_000}`);

describe("the equity limits' peak and day start survive a restart from the journal", () => {
  // 99 bought at bar 1's open of 100 leaves 100 cash: equity = 100 + 99 × close, the day starting from 10,000.
  // Daily loss: close 94 → 9,406, 5.94% (REDUCING at 5%); 93 → 9,307, 6.93%; 92 → 9,208, 7.92% (HALTED at 1.5 × 5%).
  // Measured from the 9,406 found at a restart after bar 5, 92 would be a 2.1% loss only.
  const closes = [100, 100, 98, 96, 94, 94, 93, 92, 91, 90];

  test("restarted the same UTC day, the day's loss before the restart still counts: HALTED at the same bar", async () => {
    const bars = barsFromCloses("X", closes);
    const once = await session(bars, join(root, "once"), { maxDailyLoss: 0.05 });
    expect(summary(once.changes)).toEqual(["ACTIVE->REDUCING daily loss 5.94% @5", "REDUCING->HALTED daily loss 7.92% @8"]);
    const dir = join(root, "split");
    const first = await session(bars.slice(0, 6), dir, { maxDailyLoss: 0.05 });
    expect(first.result?.tradingState).toBe("REDUCING");
    const second = await session(bars, dir, { maxDailyLoss: 0.05 });
    expect(second.error).toBeUndefined();
    // The restart starts on the wall clock, another day than the bars': before its first bar (6) goes on, it is judged in
    // that bar's day against the recorded day start of 10,000, with the equity at the journal's last close (94: 5.94 %).
    expect(summary(second.changes)).toEqual(["ACTIVE->REDUCING daily loss 5.94% @7", "REDUCING->HALTED daily loss 7.92% @8"]);
    expect(second.result?.tradingState).toBe("HALTED");
  });

  test("restarted on a later UTC day, the day starts afresh from the equity at the restart", async () => {
    const dir = join(root, "next-day");
    const first = await session(barsFromCloses("X", closes.slice(0, 6)), dir, { maxDailyLoss: 0.05 });
    expect(first.result?.tradingState).toBe("REDUCING");
    // The next day opens at 94 and falls to 92: (9,406 − 9,208)/9,406 = 2.1% down on the day.
    const second = await session(barsFromCloses("X", [94, 93, 92], T0 + DAY), dir, { maxDailyLoss: 0.05 });
    expect(second.error).toBeUndefined();
    expect(second.changes).toEqual([]);
    expect(second.result?.tradingState).toBe("ACTIVE");
  });

  test("the drawdown goes on from the peak of the session before", async () => {
    // Peak 100 + 99 × 110 = 10,990 in the first session, which stops at 104 (10,396). After the restart 98 is 9,802:
    // (10,990 − 9,802)/10,990 = 10.81% from the recorded peak (REDUCING at 10%), 5.71% from the 10,396 found at the restart.
    const dir = join(root, "peak");
    const bars = barsFromCloses("X", [100, 100, 105, 110, 104, 101, 98]);
    const first = await session(bars.slice(0, 5), dir, { maxDrawdown: 0.1 });
    expect(first.changes).toEqual([]);
    const second = await session(bars, dir, { maxDrawdown: 0.1 });
    expect(summary(second.changes)).toEqual(["ACTIVE->REDUCING drawdown 10.81% @7"]);
  });
});
