import "@argo/provider-paper";
import "@argo/provider-replay";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as v from "valibot";
import { LiveEngine } from "../engine/live-engine.ts";
import type { RiskConfigInput } from "../risk/risk-config.ts";
import { defineStrategy } from "../strategy/define-strategy.ts";
import { silentLogger } from "../strategy/logger.ts";

/** One hour in ms. */
export const H = 3_600_000;
/** The first bar's open: 20:00 UTC on 1 January 2024, so the 23:00 step closes at the next UTC day's start. */
export const T0 = Date.UTC(2024, 0, 1, 20);

/** Hourly bars closing at `closes`, each opening at the close before, as a replay CSV. */
function hourlyCsv(closes: number[]): string {
  const rows = closes.map((c, i) => {
    const open = i ? closes[i - 1]! : c;
    return `${new Date(T0 + i * H).toISOString()},${open},${Math.max(c, open)},${Math.min(c, open)},${c},1000000`;
  });
  return `time,open,high,low,close,volume\n${rows.join("\n")}\n`;
}

/** A fresh directory (added to `dirs` for clean-up) holding AAA's and BBB's hourly bars. */
export function hedgeDir(dirs: string[], aaa: number[], bbb: number[]): string {
  const dir = mkdtempSync(join(tmpdir(), "argo-hedge-session-"));
  dirs.push(dir);
  writeFileSync(join(dir, "A.csv"), hourlyCsv(aaa));
  writeFileSync(join(dir, "B.csv"), hourlyCsv(bbb));
  return dir;
}

/**
 * A live paper session on `dir`'s bars with its journal in `dir`/session: long 400 AAA and 800 BBB bought at the first
 * bar (100,000 cash, no fees); at 01:00 BBB's turn buys 1 BBB more (an opening order: REDUCING and HALTED refuse it).
 * `stopAfter` ("AAA@<open time>") aborts after that symbol's bar. Returns the trading state changes and the late entry's fate.
 */
export async function runHedge(dir: string, risk: RiskConfigInput, stopAfter?: string): Promise<string[]> {
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
