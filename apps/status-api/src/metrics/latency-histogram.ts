import { ArgoError } from "@argo/core";

/** Default upper bounds (ms) of the order latency buckets: sub-millisecond paper fills to slow venues. */
export const DEFAULT_LATENCY_BUCKETS_MS: readonly number[] = [1, 2, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000];

/** One bucket of a snapshot: how many observations were <= `le` milliseconds (cumulative). */
export interface HistogramBucket {
  le: number;
  count: number;
}

/** A point-in-time copy of a histogram, Prometheus-style (cumulative buckets, +Inf implied by `count`). */
export interface HistogramSnapshot {
  buckets: HistogramBucket[];
  sum: number;
  count: number;
}

/** A histogram of latencies in milliseconds with fixed bucket bounds. */
export class LatencyHistogram {
  readonly bounds: readonly number[];
  // Per-bucket (non-cumulative) counts; the extra last slot holds observations above every bound.
  private readonly counts: number[];
  private total = 0;
  private observations = 0;

  constructor(boundsMs: readonly number[] = DEFAULT_LATENCY_BUCKETS_MS) {
    boundsMs.forEach((bound, i) => {
      if (!Number.isFinite(bound) || bound < 0 || (i > 0 && bound <= boundsMs[i - 1]!)) {
        throw new ArgoError("INVALID_CONFIGURATION", `histogram bucket bounds must be finite, non-negative and strictly increasing; bound #${i} is ${bound}`, {
          details: { bounds: [...boundsMs] },
        });
      }
    });
    this.bounds = [...boundsMs];
    this.counts = new Array<number>(boundsMs.length + 1).fill(0);
  }

  /** Records one latency; negative or non-finite values are ignored (a clock step, not a latency). */
  observe(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) return;
    let i = 0;
    while (i < this.bounds.length && ms > this.bounds[i]!) i++;
    this.counts[i]!++;
    this.total += ms;
    this.observations++;
  }

  /** The current cumulative counts, sum and count. */
  snapshot(): HistogramSnapshot {
    let running = 0;
    const buckets = this.bounds.map((le, i) => {
      running += this.counts[i]!;
      return { le, count: running };
    });
    return { buckets, sum: this.total, count: this.observations };
  }
}
