// A venue instance carries a run's end state (cash, positions, orders, clock): a second backtest on it would start
// from there, silently (the probe that found it: startingCash 10,040, the first run's position, no fill at all).
import { describe, expect, test } from "bun:test";
import { isArgoError } from "@argo/core";
import { createPaperVenue } from "@argo/provider-paper";
import { silentLogger } from "../strategy/logger.ts";
import type { BacktestOptions } from "./backtest-options.ts";
import { BacktestEngine } from "./backtest-engine.ts";
import { bar, DAY, NO_COSTS, strategy, T0 } from "./backtest.test-helper.ts";
import { InMemoryMarketData } from "./in-memory-market-data.ts";
import { runBacktest } from "./run-backtest.ts";

// Five days, open 100 + d, close 101 + d; buy 10 on the first bar (fills at 101), left open: equity 10,000 + 10 · (105 − 101).
const A = Array.from({ length: 5 }, (_, d) => bar("A", d, 100 + d, 103 + d, 98 + d, 101 + d));
const buyFirst = strategy({
  async onBar(_b, ctx) {
    if (ctx.history().length === 1) await ctx.placeOrder({ side: "BUY", quantity: 10 });
  },
});

function options(trading: BacktestOptions["trading"], over: Partial<BacktestOptions> = {}): BacktestOptions {
  return { symbols: ["A"], interval: "1d", marketData: new InMemoryMarketData(A), trading, strategy: buyFirst, logger: silentLogger, closeAtEnd: false, ...over };
}

describe("a venue instance given to a second backtest", () => {
  test("is refused with INVALID_CONFIGURATION naming trading, after onEngineStop, before anything runs", async () => {
    const venue = createPaperVenue(NO_COSTS);
    const first = await runBacktest(options(venue));
    expect([first.startingCash, first.finalEquity]).toEqual([10_000, 10_040]);
    const stops: unknown[] = [];
    let bars = 0;
    const error = await runBacktest(options(venue), { onEngineStop: (e) => void stops.push(e), onMarketData: () => void bars++ }).catch((e: unknown) => e);
    expect(isArgoError(error, "INVALID_CONFIGURATION")).toBe(true);
    expect((error as Error).message).toContain("trading");
    expect((error as Error).message).toContain("already");
    expect(stops).toEqual([error]);
    expect(bars).toBe(0);
  });

  test("is accepted again when its first run failed before any bar (nothing happened to it)", async () => {
    const venue = createPaperVenue(NO_COSTS);
    const empty = await runBacktest(options(venue, { from: T0 + 10 * DAY })).catch((e: unknown) => e);
    expect(isArgoError(empty, "INVALID_DATA")).toBe(true);
    const result = await runBacktest(options(venue));
    expect([result.startingCash, result.finalEquity]).toEqual([10_000, 10_040]);
  });
});

test("a venue given by its config is created anew for each run: two runs of one engine give the same result", async () => {
  const engine = new BacktestEngine(options({ provider: "paper", config: NO_COSTS }));
  const first = await engine.run();
  const second = await engine.run();
  expect([second.startingCash, second.finalEquity]).toEqual([10_000, 10_040]);
  expect(second.fills).toEqual(first.fills);
});
