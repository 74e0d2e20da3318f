// The progress bar never changes a result: the results folder of EURUSD hourly (5,000 bars, so the bar is redrawn
// mid-run, not only at the end) is byte for byte the same with the bar off, on a terminal, and on a plain stream.
import "@argo/provider-paper";
import "@argo/provider-replay";
import { afterAll, describe, expect, test } from "bun:test";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { silentLogger } from "../strategy/logger.ts";
import { REFERENCE_DATA } from "../test-fixtures/read-ohlc-csv.ts";
import type { BacktestOptions } from "./backtest-options.ts";
import { writeBacktestResults } from "./backtest-report.ts";
import { runBacktest } from "./run-backtest.ts";

const SMA_CROSS = join(import.meta.dir, "../../../../examples/strategies/sma-cross.ts");
const folder = mkdtempSync(join(tmpdir(), "argo-progress-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

function options(progress: BacktestOptions["progress"], closeAtEnd: BacktestOptions["closeAtEnd"]): BacktestOptions {
  return {
    symbols: ["EURUSD"], interval: "1h",
    marketData: { provider: "replay", config: { files: [{ path: join(REFERENCE_DATA, "EURUSD.csv"), symbol: "EURUSD", interval: "1h" }] } },
    trading: {
      provider: "paper",
      config: { initialCapital: 10_000, allowShorting: true, commission: { makerRate: 0.0002, takerRate: 0.0002 }, defaultRules: { stepSize: 1 } },
    },
    strategy: SMA_CROSS, strategyConfig: { fast: 10, slow: 30, sizing: { equityFraction: 0.5 } },
    logger: silentLogger, closeAtEnd,
    // A known end makes the bar draw a percentage (the fraction path), far after the data ends.
    to: Date.UTC(2030, 0, 1),
    ...(progress === undefined ? {} : { progress }),
  };
}

/** Every file of the results folder, by name, as bytes. */
async function resultsFiles(name: string, progress: BacktestOptions["progress"], closeAtEnd: BacktestOptions["closeAtEnd"]) {
  const result = await runBacktest(options(progress, closeAtEnd));
  const files = await writeBacktestResults(join(folder, name), result, "EURUSD");
  return { result, bytes: Object.fromEntries(Object.entries(files).map(([key, path]) => [key, readFileSync(path)])) };
}

describe.each([["last-open" as const], [false as const]])("closeAtEnd %p", async (closeAtEnd) => {
  const terminal: string[] = [];
  const plain: string[] = [];
  const off = await resultsFiles(`off-${closeAtEnd}`, false, closeAtEnd);
  const onTerminal = await resultsFiles(`tty-${closeAtEnd}`, { stream: { write: (t: string) => terminal.push(t), isTTY: true }, intervalMs: 0 }, closeAtEnd);
  const onPlain = await resultsFiles(`plain-${closeAtEnd}`, { stream: { write: (t: string) => plain.push(t) }, intervalMs: 0 }, closeAtEnd);

  test("the run traded enough for the comparison to mean something", () => {
    expect(off.result.bars).toBe(5_000);
    expect(off.result.statistics.tradeCount).toBeGreaterThan(50);
    expect(off.result.statistics.commissions).toBeGreaterThan(0);
  });

  test("the bar was drawn mid-run (at 4,096 bars) and at the end", () => {
    for (const lines of [terminal, plain]) {
      expect(lines.some((line) => line.includes("4,096 bars"))).toBe(true);
      expect(lines.at(-1)).toContain("5,000 bars");
    }
  });

  test("stats.json, run.json, trades.csv, open-trades.csv, equity.csv and report.html are byte for byte identical", () => {
    expect(Object.keys(off.bytes).sort()).toEqual(["equity", "openTrades", "report", "run", "stats", "trades"]);
    for (const [key, bytes] of Object.entries(off.bytes)) {
      expect(Buffer.compare(onTerminal.bytes[key]!, bytes)).toBe(0);
      expect(Buffer.compare(onPlain.bytes[key]!, bytes)).toBe(0);
    }
  });

  test("fills and the equity curve are identical to the last bit", () => {
    const bits = (a: Float64Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);
    for (const run of [onTerminal, onPlain]) {
      expect(run.result.fills).toStrictEqual(off.result.fills);
      expect(run.result.equity.equity.length).toBe(5_000);
      expect(Buffer.compare(bits(run.result.equity.equity), bits(off.result.equity.equity))).toBe(0);
      expect(Buffer.compare(bits(run.result.equity.times), bits(off.result.equity.times))).toBe(0);
    }
  });
});
