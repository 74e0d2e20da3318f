// How fast the simulated provider streams bars: 1,000,000 bars through stream(), against the same
// bars generated in a plain synchronous loop (the cost of generation alone), measured in one process.
import { createSimulatedProvider } from "../src/index.ts";
import { PricePath } from "../src/simulated/price-path.ts";
import { collectRounds, timeMs } from "../../../bench/rounds.ts";
import { median } from "../../../bench/stats.ts";
import { writeResult } from "../../../bench/write-result.ts";

const BARS = 1_000_000;
const RUNS = 5;
const config = { pattern: "random_walk", initialPrice: 100, trendStrength: 0.5, volatility: 0.01, seed: 1, startTime: 0, bars: BARS } as const;

function handLoop(): number {
  const path = new PricePath("SIM", "1m", config);
  let checksum = 0;
  for (let i = 0; i < BARS; i++) checksum += path.next().close;
  return checksum;
}

async function viaStream(): Promise<number> {
  let checksum = 0;
  for await (const item of createSimulatedProvider(config).stream(["SIM"], "1m")) if (item.type === "bar") checksum += item.bar.close;
  return checksum;
}

// Warm up both paths so neither is measured while the JIT is still compiling it.
handLoop();
await viaStream();
const samples = await collectRounds(RUNS, async () => ({ loop: await timeMs(handLoop), stream: await timeMs(viaStream) }));
const loop = median(samples.loop);
const stream = median(samples.stream);
writeResult({
  name: "provider-replay-simulated-stream",
  description: `Median of ${RUNS} runs streaming ${BARS.toLocaleString("en")} simulated bars through stream(), against generating them in a synchronous loop.`,
  figures: { streamMsMedian: stream, handLoopMsMedian: loop, streamBarsPerSecond: Math.round(BARS / (stream / 1000)), nsPerBar: (stream * 1e6) / BARS },
  ratios: { streamVsHandLoop: stream / loop },
  goal: "1,000,000 simulated bars stream cheaply enough for the engine benchmark (generation dominates neither).",
});
