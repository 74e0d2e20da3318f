// GET /positions with 64 concurrent clients against a real `argo run` session (LiveEngine, simulated data with no
// pacing, the paper venue, the journal, the SMA example: the demo config run in-process through main()), and how much
// that load slows the session: bars per second idle vs under load, measured alternately in each round.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { measureStatusLoad } from "../../../bench/measure-status-load.ts";
import { writeResult } from "../../../bench/write-result.ts";
import type { Io } from "../src/cli/io.ts";
import { LISTENING_LINE } from "../src/__fixtures__/capture-io.ts";
import { main } from "../src/main.ts";

const ROUNDS = 5;
const CONCURRENCY = 64;
const REQUESTS_PER_ROUND = 20_000;
const MAX_LOAD_MS = 15_000;
const IDLE_WINDOW_MS = 1000;
const TOKEN = "bench-runner-status-token-0123";
const DEMO = resolve(import.meta.dir, "../../../examples/demo.yaml");

const dir = mkdtempSync(join(tmpdir(), "argo-runner-bench-"));
const marketData = join(dir, "market-data.json");
// The demo's feed without pacing, long enough never to end during the benchmark.
writeFileSync(marketData, JSON.stringify({ pattern: "random_walk", initialPrice: 100, volatility: 0.004, seed: 7, bars: 100_000_000, barDelayMs: 0 }));

let url: string | undefined;
const stop = new AbortController();
const io: Io = {
  out: () => undefined,
  // Only the listening line matters; the rest of the log is dropped (a real runner writes it to stderr).
  err: (text) => {
    url ??= LISTENING_LINE.exec(text)?.[1];
  },
  env: { ARGO__STATUS__TOKEN: TOKEN },
  cwd: dir,
  interactive: false,
  prompt: async () => null,
  signal: stop.signal,
};
const exit = main(["run", DEMO, "--status-port", "0", "--data-dir", join(dir, "data"), "--market-data-config", marketData], io);

try {
  const deadline = Date.now() + 15_000;
  while (!url) {
    if (Date.now() > deadline) throw new Error("the session did not start its status API");
    await Bun.sleep(10);
  }
  const base = url;
  const { figures, ratios } = await measureStatusLoad({
    baseUrl: base,
    route: "positions",
    token: TOKEN,
    barsProcessed: async () => {
      const text = await (await fetch(`${base}/metrics`, { headers: { Authorization: `Bearer ${TOKEN}` } })).text();
      return Number(/argo_bars_processed_total (\d+)/.exec(text)?.[1]);
    },
    rounds: ROUNDS,
    concurrency: CONCURRENCY,
    requestsPerRound: REQUESTS_PER_ROUND,
    maxLoadMs: MAX_LOAD_MS,
    idleWindowMs: IDLE_WINDOW_MS,
  });
  writeResult({
    name: "runner-status-load",
    description: `GET /positions (bearer token) with ${CONCURRENCY} concurrent clients from a worker, up to ${REQUESTS_PER_ROUND} requests per round, against a real argo run session (demo config, simulated data without pacing, paper venue, journal) on 127.0.0.1; bars/s idle vs under load alternately; medians of ${ROUNDS} rounds`,
    figures,
    ratios,
    goal: "the status API stays responsive during a flat-out session, and serving it leaves the session most of its bar throughput",
  });
} finally {
  stop.abort("benchmark done");
  const code = await exit;
  rmSync(dir, { recursive: true, force: true });
  if (code !== 0) process.exitCode = 1;
}
