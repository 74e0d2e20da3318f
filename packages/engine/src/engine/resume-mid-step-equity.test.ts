import "@argo/provider-paper";
import "@argo/provider-replay";
import { afterAll, describe, expect, test } from "bun:test";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as v from "valibot";
import { defineStrategy } from "../strategy/define-strategy.ts";
import { silentLogger } from "../strategy/logger.ts";
import { LiveEngine } from "./live-engine.ts";

const H = 3_600_000;
const T0 = Date.UTC(2024, 0, 1, 20);
const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** Hourly bars closing at `closes`, each opening at the close before. */
const csv = (closes: number[]) =>
  "time,open,high,low,close,volume\n" +
  closes.map((c, i) => {
    const open = i ? closes[i - 1]! : c;
    return `${new Date(T0 + i * H).toISOString()},${open},${Math.max(c, open)},${Math.min(c, open)},${c},1000000`;
  }).join("\n") + "\n";

/**
 * A hedge: long 400 AAA and 800 BBB bought at 20:00; in the 23:00 step AAA goes 100 → 110 and BBB 50 → 45, so equity
 * stays 100,000 at every step. The strategy buys 1 BBB at 01:00; `stopAfter` aborts after that symbol's bar.
 */
function fresh(aaa: number[], bbb: number[]): string {
  const dir = mkdtempSync(join(tmpdir(), "argo-resume-mid-step-"));
  dirs.push(dir);
  writeFileSync(join(dir, "A.csv"), csv(aaa));
  writeFileSync(join(dir, "B.csv"), csv(bbb));
  return dir;
}

async function run(dir: string, risk: Record<string, number>, stopAfter?: string): Promise<string[]> {
  const abort = new AbortController();
  const seen: string[] = [];
  const strategy = defineStrategy({
    name: "hedge",
    description: "",
    config: v.object({}),
    async onBar(bar, ctx) {
      if (bar.openTime === T0 && !ctx.state.get(bar.symbol)) {
        ctx.state.set(bar.symbol, true);
        await ctx.placeOrder({ side: "BUY", quantity: bar.symbol === "AAA" ? 400 : 800 });
      }
      if (bar.symbol === "BBB" && bar.openTime === T0 + 5 * H) seen.push(`late entry: ${(await ctx.placeOrder({ side: "BUY", quantity: 1 })).status}`);
      if (stopAfter === `${bar.symbol}@${bar.openTime}`) abort.abort();
    },
  });
  const engine = new LiveEngine({
    symbols: ["AAA", "BBB"],
    interval: "1h",
    sessionDir: join(dir, "session"),
    logger: silentLogger,
    strategy,
    risk,
    marketData: { provider: "replay", config: { baseDir: dir, files: [{ path: "A.csv", symbol: "AAA", interval: "1h" }, { path: "B.csv", symbol: "BBB", interval: "1h" }] } },
    trading: { provider: "paper", config: { initialCapital: 100_000, commission: { makerRate: 0, takerRate: 0 } } },
  });
  await engine.run(abort.signal, { onTradingStateChange: (c) => void seen.push(`${c.to}: ${c.reason}`) });
  return seen;
}

const STEP_23 = T0 + 3 * H;

describe("a session stopped between two symbols' bars of one time step resumes without a mixed equity figure", () => {
  test("the drawdown peak is not raised to AAA's new close beside BBB's old one (no false HALT)", async () => {
    const aaa = [100, 100, 100, 110, 110, 110];
    const bbb = [50, 50, 50, 45, 45, 45];
    const risk = { maxDrawdown: 0.02, haltDrawdown: 0.03 };
    expect(await run(fresh(aaa, bbb), risk)).toEqual(["late entry: placed"]);
    const dir = fresh(aaa, bbb);
    await run(dir, risk, `AAA@${STEP_23}`);
    // Before: 400 × 110 + 800 × 50 = 104,000 (a figure no step had) raised the peak; 100,000 then read as a 3.85 % drawdown.
    expect(await run(dir, risk)).toEqual(["late entry: placed"]);
  });

  test("the day's start is not taken from that figure when the interrupted step closes at midnight", async () => {
    // The 23:00 step is judged at its close, 00:00, a new day: before, its start was the mixed 104,000 the session
    // started with, and 100,000 read as a daily loss of 3.85 % (REDUCING, the entry refused).
    const aaa = [100, 100, 100, 110, 110, 110];
    const bbb = [50, 50, 50, 45, 45, 45];
    const risk = { maxDailyLoss: 0.005 };
    expect(await run(fresh(aaa, bbb), risk)).toEqual(["late entry: placed"]);
    const dir = fresh(aaa, bbb);
    await run(dir, risk, `AAA@${STEP_23}`);
    expect(await run(dir, risk)).toEqual(["late entry: placed"]);
  });
});
