// Requests per second on GET /positions with 64 concurrent clients, and how much that load slows the
// session's bar processing (bars/second under load vs idle, measured alternately in each round).
import { median, percentile } from "../../../bench/stats.ts";
import { writeResult } from "../../../bench/write-result.ts";
import { serveStatusApi } from "../src/index.ts";
import { createBenchSession } from "./bench-session.ts";
import type { LoadReport, LoadRequest } from "../../../bench/http-load-worker.ts";

const ROUNDS = 5;
const CONCURRENCY = 64;
const REQUESTS_PER_ROUND = 20_000;
const IDLE_WINDOW_MS = 1000;
const TOKEN = "bench-status-token-0123456789";

const bench = createBenchSession();
const server = serveStatusApi(bench.session, { host: "127.0.0.1", port: 0, token: TOKEN });
const worker = new Worker(new URL("../../../bench/http-load-worker.ts", import.meta.url).href);

async function barsProcessed(): Promise<number> {
  return (await bench.session.metrics()).counters.barsProcessed;
}

function runLoad(total: number): Promise<LoadReport> {
  return new Promise((resolve) => {
    worker.onmessage = (message: MessageEvent<LoadReport>) => resolve(message.data);
    // Bounded by count and by time: the load stops by itself either way.
    const request: LoadRequest = { url: `${server.url}/positions`, token: TOKEN, concurrency: CONCURRENCY, total, maxMs: 30_000 };
    worker.postMessage(request);
  });
}

/** Bars per second over a window, with whatever else runs meanwhile. */
async function barsPerSecond(during: () => Promise<unknown>): Promise<number> {
  const before = await barsProcessed();
  const t0 = performance.now();
  await during();
  return ((await barsProcessed()) - before) / ((performance.now() - t0) / 1000);
}

bench.start();
await runLoad(2000); // warm-up: JIT, connections
const rps: number[] = [];
const p50: number[] = [];
const p99: number[] = [];
const idleBars: number[] = [];
const loadedBars: number[] = [];
for (let round = 0; round < ROUNDS; round++) {
  idleBars.push(await barsPerSecond(() => Bun.sleep(IDLE_WINDOW_MS)));
  let report: LoadReport | undefined;
  loadedBars.push(
    await barsPerSecond(async () => {
      report = await runLoad(REQUESTS_PER_ROUND);
    }),
  );
  if (!report || report.failed > 0 || report.ok !== REQUESTS_PER_ROUND) throw new Error(`round ${round}: ${report?.failed} failed requests`);
  rps.push(report.ok / (report.elapsedMs / 1000));
  p50.push(percentile(report.latenciesMs, 50));
  p99.push(percentile(report.latenciesMs, 99));
}
await bench.stop();
worker.terminate();
await server.stop();

const round2 = (n: number) => Math.round(n * 100) / 100;
writeResult({
  name: "status-api-positions",
  description: `GET /positions (16 positions, bearer token) with ${CONCURRENCY} concurrent clients from a worker, ${REQUESTS_PER_ROUND} requests per round, against Bun.serve on 127.0.0.1 while the session processes bars; medians of ${ROUNDS} rounds`,
  figures: {
    positionsRequestsPerSecondMedian: Math.round(median(rps)),
    latencyP50MsMedian: round2(median(p50)),
    latencyP99MsMedian: round2(median(p99)),
    barsPerSecondIdleMedian: Math.round(median(idleBars)),
    barsPerSecondUnderLoadMedian: Math.round(median(loadedBars)),
  },
  ratios: { barsUnderLoadVsIdle: round2(median(loadedBars) / median(idleBars)) },
  goal: "the status API must not starve the session: bar throughput under API load stays a large fraction of idle",
});
