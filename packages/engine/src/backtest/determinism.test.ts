// Two runs of the same backtest give the same result, with or without the progress bar.
import "@argo/provider-paper";
import "@argo/provider-replay";
import { describe, expect, test } from "bun:test";
import { join } from "node:path";
import { silentLogger } from "../strategy/logger.ts";
import type { BacktestOptions } from "./backtest-options.ts";
import type { BacktestResult } from "./backtest-result.ts";
import { runBacktest } from "./run-backtest.ts";

const SMA_CROSS = join(import.meta.dir, "../../../../examples/strategies/sma-cross.ts");

function options(progress?: BacktestOptions["progress"]): BacktestOptions {
  return {
    symbols: ["BTCUSDT", "ETHUSDT"],
    interval: "1m",
    marketData: { provider: "simulated", config: { bars: 10_000, seed: 11, volatility: 0.01 } },
    trading: { provider: "paper", config: { initialCapital: 100_000, allowShorting: true, slippage: { model: "percentage", rate: 0.0005 } } },
    strategy: SMA_CROSS,
    strategyConfig: { fast: 10, slow: 30, sizing: { equityFraction: 0.4 } },
    logger: silentLogger,
    ...(progress === undefined ? {} : { progress }),
  };
}

/** The result without the wall-clock run times, the only fields allowed to differ. */
function comparable(result: BacktestResult): Omit<BacktestResult, "startedAt" | "endedAt"> {
  const { startedAt: _s, endedAt: _e, ...rest } = result;
  return rest;
}

describe("determinism", async () => {
  const first = await runBacktest(options());
  const second = await runBacktest(options());
  const lines: string[] = [];
  const withProgress = await runBacktest(options({ stream: { write: (text: string) => lines.push(text), isTTY: true }, intervalMs: 0 }));

  test("the runs traded (the comparison is not between empty results)", () => {
    expect(first.bars).toBe(20_000);
    expect(first.statistics.tradeCount).toBeGreaterThan(100);
    expect(first.statistics.commissions).toBeGreaterThan(0);
  });

  test("two runs give identical results: statistics, trades, fills, equity curve, account", () => {
    expect(comparable(second)).toEqual(comparable(first));
    expect(second.statistics).toStrictEqual(first.statistics);
  });

  test("the progress bar changes nothing: statistics deep-equal, the whole result equal", () => {
    expect(withProgress.statistics).toStrictEqual(first.statistics);
    expect(comparable(withProgress)).toEqual(comparable(first));
  });

  test("the progress bar drew on its stream (redrawn in place on a terminal) and ended at 20,000 bars", () => {
    expect(lines.length).toBeGreaterThanOrEqual(2);
    expect(lines.every((line) => line.startsWith("\r"))).toBe(true);
    expect(lines.at(-1)).toContain("20,000 bars");
    expect(lines.at(-1)!.endsWith("\n")).toBe(true);
  });
});
