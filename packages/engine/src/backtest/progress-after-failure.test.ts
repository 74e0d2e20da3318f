// A backtest that fails part way (a bad row in its data file) ends the progress bar's terminal line before the error
// reaches the caller: `argo backtest` prints the error next, and it must start on its own line.
import "@argo/provider-paper";
import "@argo/provider-replay";
import { afterAll, expect, test } from "bun:test";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { silentLogger } from "../strategy/logger.ts";
import { runBacktest } from "./run-backtest.ts";
import { strategy } from "./backtest.test-helper.ts";

const dir = mkdtempSync(join(tmpdir(), "argo-progress-failure-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test("a run failing after the bar was drawn ends the bar's line; nothing is written after that", async () => {
  const start = Date.UTC(2024, 0, 1);
  const rows = Array.from({ length: 5_000 }, (_, i) => `${new Date(start + i * 3_600_000).toISOString()},10,11,9,10,1`);
  rows.push(`${new Date(start + 5_000 * 3_600_000).toISOString()},10,8,9,10,1`); // high below low: refused
  writeFileSync(join(dir, "x.csv"), ["time,open,high,low,close,volume", ...rows].join("\n"));
  const terminal: string[] = [];
  const run = runBacktest({
    symbols: ["X"], interval: "1h", logger: silentLogger, strategy: strategy({}),
    marketData: { provider: "replay", config: { baseDir: dir, files: [{ path: "x.csv", symbol: "X", interval: "1h" }] } },
    trading: { provider: "paper", config: { initialCapital: 1_000 } },
    progress: { stream: { write: (t: string) => terminal.push(t), isTTY: true }, intervalMs: 0 },
  });
  await expect(run).rejects.toThrow('x.csv line 5002, field "high"');
  expect(terminal.some((line) => line.startsWith("\r") && line.includes("4,096 bars") && !line.endsWith("\n"))).toBe(true);
  expect(terminal.at(-1)).toBe("\n");
});
