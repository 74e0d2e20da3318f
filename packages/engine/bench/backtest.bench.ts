// Bars per second of the SMA-cross backtest (examples/strategies/sma-cross.ts, 10/30, all in, paper
// venue without costs, full statistics) over simulated bars, against the minimal hand-written loop
// (runMinimalSmaCrossLoop + computeStatistics: typed arrays, no engine, the floor of this backtest on this
// machine) and the backtesting.py reference loop (runSmaCrossHandLoop + computeStatistics) over the same bars
// in the same process; peak memory in separate untimed runs (sampling the heap costs time). Every timed round
// checks the engine's trades and final equity against the loops'.
// Run: bun run bench backtest   (ARGO_BENCH_BARS, ARGO_BENCH_ROUNDS to change the size)
import "@argo/provider-paper";
import "@argo/provider-replay";
import { type Bar, createProvider, type MarketDataProvider } from "@argo/core";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { collectRounds, timed } from "../../../bench/rounds.ts";
import { median } from "../../../bench/stats.ts";
import { writeResult } from "../../../bench/write-result.ts";
import { type BacktestOptions, type BacktestResult, InMemoryMarketData, runBacktest } from "../src/backtest/index.ts";
import { defineStrategy } from "../src/strategy/define-strategy.ts";
import { silentLogger } from "../src/strategy/logger.ts";
import * as v from "valibot";
import { computeStatistics } from "../src/stats/compute-statistics.ts";
import { type HandLoopBar, runSmaCrossHandLoop } from "../src/test-fixtures/hand-loop.ts";
import { runMinimalSmaCrossLoop } from "../src/test-fixtures/minimal-loop.ts";

const BARS = Number(process.env.ARGO_BENCH_BARS ?? 1_000_000);
const ROUNDS = Number(process.env.ARGO_BENCH_ROUNDS ?? 5);
// A random walk that stays within tens to hundreds, so whole-share all-in orders keep trading for 1M bars.
const simulated = { pattern: "random_walk", initialPrice: 100, volatility: 0.001, bars: BARS, seed: 1, interval: "1m" };
const venue = { initialCapital: 10_000, allowShorting: true, commission: { makerRate: 0, takerRate: 0 }, defaultRules: { stepSize: 1 } };
const SMA_CROSS = join(import.meta.dir, "../../../examples/strategies/sma-cross.ts");
const MB = 1024 * 1024;

// The per-bar cost of the engine itself (pipeline, venue, recording, statistics) without a strategy's work.
const noop = defineStrategy({ name: "noop", description: "Does nothing.", config: v.object({}), onBar() {} });

function options(marketData: BacktestOptions["marketData"], strategy: BacktestOptions["strategy"] = SMA_CROSS): BacktestOptions {
  return {
    symbols: ["SIM"], interval: "1m", marketData, trading: { provider: "paper", config: venue }, strategy, logger: silentLogger,
    ...(strategy === SMA_CROSS ? { strategyConfig: { fast: 10, slow: 30, sizing: { equityFraction: 1 } } } : {}),
  };
}

/** Peak heap while `fn` runs, sampled every 5 ms (the backtest yields to the event loop every 65,536 bars). */
async function withHeapPeak<T>(fn: () => Promise<T>): Promise<{ value: T; heapPeak: number }> {
  let heapPeak = process.memoryUsage().heapUsed;
  const timer = setInterval(() => void (heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed)), 5);
  try {
    const value = await fn();
    heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
    return { value, heapPeak };
  } finally {
    clearInterval(timer);
  }
}

// 1. Streaming from the simulated provider first, before anything is held in memory: its peak memory.
Bun.gc(true);
const streamed = await withHeapPeak(() => runBacktest(options({ provider: "simulated", config: simulated })));
const rssPeakStreamingMb = process.resourceUsage().maxRSS / 1024;
const heapPeakStreamingMb = streamed.heapPeak / MB;

// 2. The same bars loaded once into memory, for the in-memory engine run and the hand loop.
const provider = (await createProvider("market-data", "simulated", simulated)) as MarketDataProvider;
const load = await timed(async () => {
  const bars: Bar[] = [];
  for await (const bar of provider.history("SIM", "1m", Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER)) bars.push(bar);
  return bars;
});
const bars = load.value;
// The hand loop reads the same Bar objects: a second million-object copy would only make every collection slower.
const handBars: readonly HandLoopBar[] = bars;
const inMemory = new InMemoryMarketData(bars);

// 3. The same bars as a CSV file, as `argo backtest` reads a user's data: through the replay provider. Prices print
// as their shortest round-trip decimal and times to the second, so the file holds exactly the same bars.
const csvDir = mkdtempSync(join(tmpdir(), "argo-backtest-bench-"));
process.on("exit", () => rmSync(csvDir, { recursive: true, force: true }));
{
  const writer = Bun.file(join(csvDir, "sim.csv")).writer();
  writer.write("time,open,high,low,close,volume\n");
  for (const b of bars) writer.write(`${new Date(b.openTime).toISOString().slice(0, 19).replace("T", " ")},${b.open},${b.high},${b.low},${b.close},${b.volume}\n`);
  await writer.end();
}
const fromCsv = { provider: "replay", config: { baseDir: csvDir, files: [{ path: "sim.csv", symbol: "SIM", interval: "1m" }] } };

function handLoop() {
  const run = runSmaCrossHandLoop(handBars, { fast: 10, slow: 30, cash: 10_000 });
  const statistics = computeStatistics({ times: run.times, equity: run.equity, closes: run.closes, trades: run.trades, startingCash: 10_000, warmupBars: run.warmupBars });
  return { run, statistics };
}

/** The floor: the same backtest with the least code (typed arrays, one position, O(1) averages) and the same statistics. */
function minimalLoop(): Hand {
  const run = runMinimalSmaCrossLoop(handBars, 10, 30, 10_000);
  const statistics = computeStatistics({ times: run.times, equity: run.equity, closes: run.closes, trades: run.trades, startingCash: 10_000, warmupBars: run.warmupBars });
  return { run, statistics };
}

type Hand = { run: { trades: ReturnType<typeof handLoop>["run"]["trades"] }; statistics: ReturnType<typeof handLoop>["statistics"] };

/** Two loop runs agree when they made the same trades and ended on the same equity. */
function sameRun(a: Hand, b: Hand): boolean {
  return a.statistics.equityFinal === b.statistics.equityFinal && Bun.deepEquals(a.run.trades, b.run.trades);
}

/**
 * The engine and the loop implement the same broker rules: they must agree before their speeds are compared, and
 * in every round (a faster engine that trades differently is not faster). Returns the relative equity difference.
 */
function agree(label: string, engine: BacktestResult, reference: Hand): number {
  const { trades } = reference.run;
  const difference = Math.abs(engine.statistics.equityFinal - reference.statistics.equityFinal) / reference.statistics.equityFinal;
  let mismatch = engine.trades.length === trades.length ? -1 : Math.min(engine.trades.length, trades.length);
  for (let i = 0; mismatch < 0 && i < trades.length; i++) {
    const [e, h] = [engine.trades[i]!, trades[i]!];
    if (e.size !== h.size || e.entryTime !== h.entryTime || e.exitTime !== h.exitTime) mismatch = i;
  }
  if (mismatch >= 0 || !(difference < 1e-9)) {
    throw new Error(
      `${label}: engine and hand loop disagree: ${engine.trades.length} vs ${trades.length} trades (first difference at ${mismatch}), equity ${engine.statistics.equityFinal} vs ${reference.statistics.equityFinal}`,
    );
  }
  return difference;
}

const check = handLoop();
// The floor only means something if it runs the same backtest as the reference.
if (!sameRun(minimalLoop(), check)) throw new Error("the minimal loop and the reference loop disagree");
let agreement = agree("streaming (memory run)", streamed.value, check);

// One discarded round of each so every path is compiled before anything is measured.
agree("in memory (warm-up)", await runBacktest(options(inMemory)), check);
await runBacktest(options(inMemory, noop));

// Peak heap of the in-memory engine, in its own untimed run: the 5 ms sampling timer must not slow the timed ones.
Bun.gc(true);
const heapPeakInMemoryMb = (await withHeapPeak(() => runBacktest(options(inMemory)))).heapPeak / MB;

/** One timed run from the provider, checked against the hand loop; only its time is kept, so the result can be collected. */
async function timedStreaming(label: string): Promise<number> {
  const run = await timed(() => runBacktest(options({ provider: "simulated", config: simulated })));
  agreement = Math.max(agreement, agree(label, run.value, check));
  return run.ms;
}

const { streaming, csv, memory, stats, empty, hand, floor } = await collectRounds(ROUNDS, async (index) => {
  const round = index + 1;
  Bun.gc(true);
  const streaming = await timedStreaming(`round ${round}, from provider`);
  Bun.gc(true);
  const file = await timed(() => runBacktest(options(fromCsv)));
  agreement = Math.max(agreement, agree(`round ${round}, from a CSV file`, file.value, check));
  Bun.gc(true);
  const mem = await timed(() => runBacktest(options(inMemory)));
  const result = mem.value;
  agreement = Math.max(agreement, agree(`round ${round}, in memory`, result, check));
  const stats = await timed(() => computeStatistics({ times: result.equity.times, equity: result.equity.equity, closes: result.equity.closes, trades: result.trades, startingCash: 10_000, warmupBars: result.warmupBars }));
  Bun.gc(true);
  const empty = await timed(() => runBacktest(options(inMemory, noop)));
  Bun.gc(true);
  const reference = await timed(handLoop);
  Bun.gc(true);
  const minimal = await timed(minimalLoop);
  // The engine runs were checked against the first reference run; this round's loops must give the same.
  for (const [name, again] of [["reference loop", reference.value], ["minimal loop", minimal.value]] as const) {
    if (!sameRun(again, check)) {
      throw new Error(`round ${round}: the ${name} gave ${again.run.trades.length} trades, equity ${again.statistics.equityFinal}; first run ${check.run.trades.length}, ${check.statistics.equityFinal}`);
    }
  }
  console.log(
    `round ${round}: engine from provider ${streaming.toFixed(0)} ms, from a CSV file ${file.ms.toFixed(0)} ms, engine in memory ${mem.ms.toFixed(0)} ms (statistics ${stats.ms.toFixed(0)} ms), no-op strategy in memory ${empty.ms.toFixed(0)} ms, reference loop ${reference.ms.toFixed(0)} ms, minimal loop ${minimal.ms.toFixed(0)} ms`,
  );
  return { streaming, csv: file.ms, memory: mem.ms, stats: stats.ms, empty: empty.ms, hand: reference.ms, floor: minimal.ms };
});

const rate = (ms: number) => Math.round((BARS / ms) * 1000);
writeResult({
  name: "backtest",
  description:
    `SMA-cross 10/30 backtest (examples/strategies/sma-cross.ts, all-in whole units, paper venue without costs, closeAtEnd last-open, full statistics) over ${BARS} simulated 1m bars, median of ${ROUNDS} rounds: ` +
    "from the simulated provider's history() (generated on the fly), from the same bars written to a CSV file and read by the replay provider (as `argo backtest` reads files), " +
    "and from the same bars held in memory (InMemoryMarketData), " +
    "against the minimal hand-written loop (runMinimalSmaCrossLoop + computeStatistics: typed arrays, one position, no engine; the floor of this backtest on this machine) " +
    "and the backtesting.py reference loop (runSmaCrossHandLoop + computeStatistics) over the same bars; all produce the same trades and final equity (checked in every round). " +
    "Peak heaps come from separate untimed runs. " +
    "The no-op strategy run gives the engine's own per-bar cost (pipeline, venue, recording, statistics).",
  figures: {
    bars: BARS,
    trades: check.statistics.tradeCount,
    engineFromProviderBarsPerSecondMedian: rate(median(streaming)),
    engineFromCsvFileBarsPerSecondMedian: rate(median(csv)),
    engineInMemoryBarsPerSecondMedian: rate(median(memory)),
    minimalLoopBarsPerSecondMedian: rate(median(floor)),
    referenceLoopBarsPerSecondMedian: rate(median(hand)),
    noopStrategyInMemoryBarsPerSecondMedian: rate(median(empty)),
    engineInMemoryMsMedian: Math.round(median(memory)),
    statisticsMsMedian: Math.round(median(stats)),
    historyLoadBarsPerSecond: rate(load.ms),
    equityFinalRelativeDifference: agreement,
    rssPeakStreamingMb: Math.round(rssPeakStreamingMb),
    heapPeakStreamingMb: Math.round(heapPeakStreamingMb),
    heapPeakInMemoryMb: Math.round(heapPeakInMemoryMb),
    rssPeakMb: Math.round(process.resourceUsage().maxRSS / 1024),
  },
  ratios: {
    engineInMemoryVsMinimalLoop: median(floor) / median(memory),
    engineFromProviderVsMinimalLoop: median(floor) / median(streaming),
    engineFromCsvFileVsMinimalLoop: median(floor) / median(csv),
    engineInMemoryVsReferenceLoop: median(hand) / median(memory),
    goalVsMinimalLoop: 10_000_000 / rate(median(floor)),
  },
  goal: "at least 10,000,000 bars per second for the SMA-cross backtest with full statistics; report the ratio to the minimal hand-written loop (goalVsMinimalLoop: the goal as a share of that loop's speed on this machine)",
});
