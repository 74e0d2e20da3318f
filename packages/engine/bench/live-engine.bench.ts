// Bars per second through the live engine (simulated data → pipeline → strategy → paper venue)
// with a no-op strategy and with the example SMA-cross strategy, against a baseline loop that only
// iterates the same simulated stream. Run: bun run bench live-engine
import "@argo/provider-paper";
import "@argo/provider-replay";
import { createProvider, type MarketDataProvider } from "@argo/core";
import { join } from "node:path";
import { collectRounds } from "../../../bench/rounds.ts";
import { median } from "../../../bench/stats.ts";
import { writeResult } from "../../../bench/write-result.ts";
import { defineStrategy, LiveEngine, loadStrategy, silentLogger } from "../src/index.ts";
import * as v from "valibot";

const BARS = Number(process.env.ARGO_BENCH_BARS ?? 1_000_000);
const ROUNDS = Number(process.env.ARGO_BENCH_ROUNDS ?? 3);
const simulated = { pattern: "random_walk", initialPrice: 100, volatility: 0.01, bars: BARS, seed: 1 };

const noop = defineStrategy({ name: "noop", description: "Does nothing.", config: v.object({}), onBar() {} });
// Strategies are often written `async onBar` even when a bar awaits nothing: the engine must not pay an async step for each.
const asyncNoop = defineStrategy({ name: "async-noop", description: "Does nothing, asynchronously.", config: v.object({}), async onBar() {} });
const smaCross = await loadStrategy(join(import.meta.dir, "../../../examples/strategies/sma-cross.ts"));

async function baseline(): Promise<number> {
  const data = (await createProvider("market-data", "simulated", simulated)) as MarketDataProvider;
  const start = performance.now();
  let n = 0;
  for await (const item of data.stream(["BTCUSDT"], "1m")) if (item.type === "bar") n++;
  const seconds = (performance.now() - start) / 1000;
  if (n !== BARS) throw new Error(`baseline saw ${n} bars`);
  return n / seconds;
}

async function engine(strategy: typeof noop | typeof asyncNoop | typeof smaCross, config: unknown): Promise<{ rate: number; fills: number }> {
  const trading = await createProvider("trading", "paper", { initialCapital: 100_000, allowShorting: true });
  const live = new LiveEngine({
    symbols: ["BTCUSDT"], interval: "1m", marketData: { provider: "simulated", config: simulated }, trading, strategy,
    strategyConfig: config, logger: silentLogger,
  });
  const start = performance.now();
  const result = await live.run();
  const seconds = (performance.now() - start) / 1000;
  if (result.counters.bars !== BARS) throw new Error(`engine saw ${result.counters.bars} bars`);
  return { rate: BARS / seconds, fills: result.counters.fills };
}

// One discarded round so the JIT has compiled every path before anything is measured.
await baseline();
await engine(noop, {});
await engine(asyncNoop, {});
await engine(smaCross, { fast: 10, slow: 30, sizing: { quantity: 1 } });

let smaFills = 0;
const { base, none, asyncNone, sma } = await collectRounds(ROUNDS, async (round) => {
  const figures = { base: await baseline(), none: (await engine(noop, {})).rate, asyncNone: (await engine(asyncNoop, {})).rate };
  const run = await engine(smaCross, { fast: 10, slow: 30, sizing: { quantity: 1 } });
  smaFills = run.fills;
  console.log(`round ${round + 1}: baseline ${figures.base.toFixed(0)}/s, no-op ${figures.none.toFixed(0)}/s, async no-op ${figures.asyncNone.toFixed(0)}/s, sma-cross ${run.rate.toFixed(0)}/s`);
  return { ...figures, sma: run.rate };
});

writeResult({
  name: "live-engine",
  description: `Bars per second through the live engine over ${BARS} simulated bars (simulated provider → pipeline → strategy → paper venue), median of ${ROUNDS} runs; baseline = iterating the same simulated stream with nothing else.`,
  figures: {
    bars: BARS,
    baselineBarsPerSecondMedian: Math.round(median(base)),
    noopBarsPerSecondMedian: Math.round(median(none)),
    asyncNoopBarsPerSecondMedian: Math.round(median(asyncNone)),
    smaCrossBarsPerSecondMedian: Math.round(median(sma)),
    smaCrossFills: smaFills,
  },
  ratios: {
    noopVsBaseline: median(none) / median(base),
    asyncNoopVsNoop: median(asyncNone) / median(none),
    smaCrossVsBaseline: median(sma) / median(base),
  },
  goal: "Report bars/s; the backtest engine later targets 10,000,000 bars/s for a hand-loop comparison.",
});
