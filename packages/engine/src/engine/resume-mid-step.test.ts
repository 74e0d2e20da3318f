// A session stopped between two symbols' bars of one time step, then resumed on its journal, must judge that step's
// equity before the turn of its last bar, as the uninterrupted session does: counting the step's bars from nothing, the
// resumed one waited for a bar of the next step, and an entry went through the turn a drawdown limit should have stopped.
import "@argo/provider-paper";
import { afterAll, describe, expect, test } from "bun:test";
import type { Bar } from "@argo/core";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { InMemoryMarketData } from "../backtest/in-memory-market-data.ts";
import { silentLogger } from "../strategy/logger.ts";
import { testStrategy } from "../test-fixtures/run-engine.ts";
import { LiveEngine } from "./live-engine.ts";

const root = mkdtempSync(join(tmpdir(), "argo-mid-step-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const T0 = Date.UTC(2024, 0, 2, 10, 0);
const bar = (symbol: string, step: number, open: number, close: number): Bar =>
  ({ symbol, interval: "1m", openTime: T0 + step * 60_000, open, high: Math.max(open, close), low: Math.min(open, close), close, volume: 1e9 });
// B's bar of step 2 halves B: the long of 50 bought at 100 loses 2,500 of 10,000, a drawdown of 25 %, past the 20 % limit.
const ALL = [
  bar("B", 0, 100, 100), bar("A", 0, 100, 100),
  bar("B", 1, 100, 100), bar("A", 1, 100, 100),
  bar("B", 2, 100, 50), bar("A", 2, 100, 100),
  bar("B", 3, 50, 50), bar("A", 3, 100, 100),
];

/** Runs a paper session over `bars`; what each turn saw and did, in order. */
async function session(sessionDir: string, bars: Bar[]): Promise<string[]> {
  const log: string[] = [];
  const strategy = testStrategy({
    async onBar(b, ctx) {
      const step = (b.openTime - T0) / 60_000;
      if (step === 3) log.push(`${b.symbol} 3`);
      if (b.symbol === "A" && step === 0) await ctx.placeOrder({ symbol: "B", side: "BUY", type: "MARKET", quantity: 50 });
      if (b.symbol === "A" && step === 2) {
        const entry = await ctx.placeOrder({ symbol: "A", side: "BUY", type: "MARKET", quantity: 10 });
        log.push(`A entry ${entry.status}`);
      }
    },
  });
  const engine = new LiveEngine({
    symbols: ["B", "A"], interval: "1m", marketData: new InMemoryMarketData(bars.map((b) => ({ ...b }))), logger: silentLogger, sessionDir,
    trading: { provider: "paper", config: { initialCapital: 10_000, commission: { makerRate: 0, takerRate: 0 }, defaultRules: { stepSize: 1 } } },
    strategy, risk: { maxDrawdown: 0.2 },
  });
  await engine.run(undefined, { onTradingStateChange: (change) => void log.push(`${change.from}->${change.to}`) });
  return log;
}

describe("a session resumed between two symbols' bars of one step", () => {
  test("judges that step before its last bar's turn, as the uninterrupted session does", async () => {
    const straight = await session(join(root, "straight"), ALL);
    expect(straight).toEqual(["ACTIVE->REDUCING", "A entry rejected", "B 3", "A 3"]);
    const dir = join(root, "resumed");
    // The first session's feed ends after B's bar of step 2 (a stop there); the second gets the whole feed.
    expect(await session(dir, ALL.slice(0, 5))).toEqual([]);
    expect(await session(dir, ALL)).toEqual(["ACTIVE->REDUCING", "A entry rejected", "B 3", "A 3"]);
  });

  test("a step complete in the journal is not judged again by the resumed session", async () => {
    const dir = join(root, "complete");
    expect(await session(dir, ALL.slice(0, 6))).toEqual(["ACTIVE->REDUCING", "A entry rejected"]);
    // The resumed session is judged at its start, before any turn: the drawdown from the peak carried over is still 25 %,
    // so it is REDUCING before B's turn of step 3, told once (step 3, judged before A's turn, moves nothing more).
    expect(await session(dir, ALL)).toEqual(["ACTIVE->REDUCING", "B 3", "A 3"]);
  });
});
