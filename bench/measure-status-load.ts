// The part the status API benchmarks share: GET load from a worker thread (so the load generator does not compete
// with the session for its event loop) against a running session's status API, and the session's bar throughput in an
// idle window and under that load, measured alternately in each round.
import type { LoadReport, LoadRequest } from "./http-load-worker.ts";
import { collectRounds } from "./rounds.ts";
import { median, percentile } from "./stats.ts";

/** What to load and how hard. */
export interface StatusLoadOptions {
  /** Base URL of the status API, e.g. "http://127.0.0.1:41234". */
  baseUrl: string;
  /** The route under load, e.g. "positions"; it also names the request-rate figure (`positionsRequestsPerSecondMedian`). */
  route: string;
  /** Bearer token of the API. */
  token: string;
  /** Bars the session has processed so far; read before and after each window. */
  barsProcessed(): Promise<number>;
  rounds: number;
  /** Clients sending requests at the same time. */
  concurrency: number;
  requestsPerRound: number;
  /** A round's load stops after this long even if requests remain. */
  maxLoadMs: number;
  /** Length of the idle window of each round. */
  idleWindowMs: number;
  /** Fail a round whose load stopped at `maxLoadMs` before every request was answered. */
  requireEveryRequest?: boolean;
}

/** Medians over the rounds, ready for `writeResult`. */
export interface StatusLoadResult {
  figures: Record<string, number>;
  ratios: { barsUnderLoadVsIdle: number };
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/** One warm-up load, then `rounds` rounds of an idle window followed by a load window; any failed request fails the run. */
export async function measureStatusLoad(options: StatusLoadOptions): Promise<StatusLoadResult> {
  const worker = new Worker(new URL("./http-load-worker.ts", import.meta.url).href);
  const load = (total: number) =>
    new Promise<LoadReport>((resolve) => {
      worker.onmessage = (message: MessageEvent<LoadReport>) => resolve(message.data);
      const request: LoadRequest = { url: `${options.baseUrl}/${options.route}`, token: options.token, concurrency: options.concurrency, total, maxMs: options.maxLoadMs };
      worker.postMessage(request);
    });
  /** Bars per second over a window, with whatever else runs meanwhile. */
  const barsPerSecond = async (during: () => Promise<unknown>) => {
    const before = await options.barsProcessed();
    const t0 = performance.now();
    await during();
    return ((await options.barsProcessed()) - before) / ((performance.now() - t0) / 1000);
  };
  try {
    await load(2000); // warm-up: JIT, connections
    const samples = await collectRounds(options.rounds, async (round) => {
      const idle = await barsPerSecond(() => Bun.sleep(options.idleWindowMs));
      let report: LoadReport | undefined;
      const loaded = await barsPerSecond(async () => (report = await load(options.requestsPerRound)));
      const incomplete = options.requireEveryRequest === true && report?.ok !== options.requestsPerRound;
      if (!report || report.failed > 0 || incomplete) {
        throw new Error(`round ${round}: ${report?.failed} failed and ${report?.ok} answered of ${options.requestsPerRound} requests`);
      }
      return {
        idle,
        loaded,
        requestsPerSecond: report.ok / (report.elapsedMs / 1000),
        p50: percentile(report.latenciesMs, 50),
        p99: percentile(report.latenciesMs, 99),
      };
    });
    return {
      figures: {
        [`${options.route}RequestsPerSecondMedian`]: Math.round(median(samples.requestsPerSecond)),
        latencyP50MsMedian: round2(median(samples.p50)),
        latencyP99MsMedian: round2(median(samples.p99)),
        barsPerSecondIdleMedian: Math.round(median(samples.idle)),
        barsPerSecondUnderLoadMedian: Math.round(median(samples.loaded)),
      },
      ratios: { barsUnderLoadVsIdle: round2(median(samples.loaded) / median(samples.idle)) },
    };
  } finally {
    worker.terminate();
  }
}
