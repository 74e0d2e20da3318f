// A live engine replaying recorded bars starts on the wall clock, another UTC day than the journal's marks: resumed the
// same data day, its start judgement could not apply the day's loss (or a REDUCING kept for that day), and with two
// symbols the first complete step came after the first symbol's turn, which traded ACTIVE what the uninterrupted session
// refused (a crash fuzz found it). The first bar is now judged again in its own day, before its turn.
import { afterAll, afterEach, describe, expect, setSystemTime, test } from "bun:test";
import type { Bar } from "@argo/core";
import { createPaperVenue } from "@argo/provider-paper";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { barsFromCloses } from "../test-fixtures/bars.ts";
import { runEngine, testStrategy } from "../test-fixtures/run-engine.ts";

const root = mkdtempSync(join(tmpdir(), "argo-risk-restart-replay-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));
afterEach(() => setSystemTime());

const DAY = 86_400_000;
const MIN = 60_000;
const T0 = Date.UTC(2024, 0, 1);
// The wall clock, far from the data's day (client ids are made from it: each session gets its own).
const WALL = T0 + 400 * DAY;

/** Bars of A (closing at `closes`) and B (flat at 50), one step at a time, A first, from `start`. */
function twoSymbols(closes: number[], start: number): Bar[] {
  const a = barsFromCloses("A", closes, start);
  const b = barsFromCloses("B", closes.map(() => 50), start);
  return a.flatMap((bar, i) => [bar, b[i]!]);
}

/**
 * One session on `dir` over bars from `start`: buys 99 A at `entry` (filled at the next open, 100: 100 cash left); at
 * `start` A's turn buys 0.5 B.
 */
async function session(dir: string, closes: number[], start: number, entry = T0) {
  const log: string[] = [];
  const strategy = testStrategy({
    async onBar(bar, ctx) {
      if (bar.symbol !== "A") return;
      if (bar.openTime === entry) await ctx.placeOrder({ symbol: "A", side: "BUY", type: "MARKET", quantity: 99 });
      else if (bar.openTime === start) log.push(`A's turn: BUY B ${(await ctx.placeOrder({ symbol: "B", side: "BUY", type: "MARKET", quantity: 0.5 })).status}`);
    },
  });
  const run = await runEngine({
    bars: twoSymbols(closes, start),
    strategy,
    engine: { sessionDir: join(root, dir), trading: createPaperVenue({ initialCapital: 10_000, commission: { takerRate: 0, makerRate: 0 } }), risk: { maxDailyLoss: 0.05 } },
    callbacks: { onTradingStateChange: (c) => void log.push(`${c.from}->${c.to}`) },
  });
  expect(run.error).toBeUndefined();
  return { log, state: run.result?.tradingState };
}

describe("a replayed session resumed the same data day, the wall clock in another", () => {
  test("a REDUCING by daily loss kept for the day is in force before the first symbol's turn", async () => {
    setSystemTime(WALL);
    // 94 → 100 + 99 × 94 + 0 = 9,406: 5.94 % down on the day's 10,000 (REDUCING at 5 %); 97 → 9,703, eased.
    const first = await session("kept", [100, 100, 98, 94, 97], T0);
    expect(first.state).toBe("REDUCING");
    setSystemTime(WALL + MIN);
    const second = await session("kept", [97, 97], T0 + 5 * MIN);
    // Opening a position in B is no reduction: refused, as the uninterrupted session refuses it.
    expect(second.log).toEqual(["ACTIVE->REDUCING", "A's turn: BUY B rejected"]);
  });

  test("past the daily halt limit at the journal's closes: halted before the first symbol's turn", async () => {
    setSystemTime(WALL + 2 * MIN);
    // 92 → 9,208: 7.92 % down, past the 7.5 % halt (1.5 × 5 %).
    const first = await session("halted", [100, 100, 98, 96, 94, 94, 93, 92], T0);
    expect(first.state).toBe("HALTED");
    setSystemTime(WALL + 3 * MIN);
    const second = await session("halted", [92, 92], T0 + 8 * MIN);
    expect(second.log).toEqual(["ACTIVE->HALTED", "A's turn: BUY B rejected"]);
  });

  test("resumed at a day's last step, whose bars close at midnight: the day's REDUCING still refuses the first symbol's turn", async () => {
    // A risk-state crash fuzz (seed 766) found it: the first bar (A at 23:59, closing 00:00 the next day) was judged in
    // the next day, which lifted the day's REDUCING for A's turn; the uninterrupted session opens that day only once B's
    // 23:59 bar completes the step. By hand: entry 99 A at 23:55 (filled at 100 at 23:56); at 23:58 A closes 94:
    // 100 + 99 × 94 = 9,406, 5.94 % down on the day's 10,000 (REDUCING at 5 %).
    const E = T0 + DAY - 5 * MIN;
    setSystemTime(WALL + 4 * MIN);
    const first = await session("midnight", [100, 100, 98, 94], E, E);
    expect(first.state).toBe("REDUCING");
    setSystemTime(WALL + 5 * MIN);
    const second = await session("midnight", [94, 94], E + 4 * MIN, E);
    // Then B's 23:59 bar completes the step, judged at its close, 00:00: a new day, whose loss starts from 9,406.
    expect(second.log).toEqual(["ACTIVE->REDUCING", "A's turn: BUY B rejected", "REDUCING->ACTIVE"]);
  });
});
