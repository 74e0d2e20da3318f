// Requests per second on GET /positions with 64 concurrent clients, and how much that load slows the
// session's bar processing (bars/second under load vs idle, measured alternately in each round).
import { measureStatusLoad } from "../../../bench/measure-status-load.ts";
import { writeResult } from "../../../bench/write-result.ts";
import { serveStatusApi } from "../src/index.ts";
import { createBenchSession } from "./bench-session.ts";

const ROUNDS = 5;
const CONCURRENCY = 64;
const REQUESTS_PER_ROUND = 20_000;
const IDLE_WINDOW_MS = 1000;
const TOKEN = "bench-status-token-0123456789";

const bench = createBenchSession();
const server = serveStatusApi(bench.session, { host: "127.0.0.1", port: 0, token: TOKEN });

bench.start();
const { figures, ratios } = await measureStatusLoad({
  baseUrl: server.url,
  route: "positions",
  token: TOKEN,
  barsProcessed: async () => (await bench.session.metrics()).counters.barsProcessed,
  rounds: ROUNDS,
  concurrency: CONCURRENCY,
  requestsPerRound: REQUESTS_PER_ROUND,
  // Bounded by count and by time: the load stops by itself either way; every round must answer all of its requests.
  maxLoadMs: 30_000,
  idleWindowMs: IDLE_WINDOW_MS,
  requireEveryRequest: true,
});
await bench.stop();
await server.stop();

writeResult({
  name: "status-api-positions",
  description: `GET /positions (16 positions, bearer token) with ${CONCURRENCY} concurrent clients from a worker, ${REQUESTS_PER_ROUND} requests per round, against Bun.serve on 127.0.0.1 while the session processes bars; medians of ${ROUNDS} rounds`,
  figures,
  ratios,
  goal: "the status API must not starve the session: bar throughput under API load stays a large fraction of idle",
});
