import { describe, expect, test } from "bun:test";
import { isArgoError } from "@argo/core";
import { DEFAULT_LATENCY_BUCKETS_MS, LatencyHistogram } from "./latency-histogram.ts";

describe("LatencyHistogram", () => {
  test("counts cumulatively with inclusive upper bounds, and keeps sum and count", () => {
    const h = new LatencyHistogram([1, 5, 10]);
    for (const ms of [0.5, 1, 3, 7, 7, 20_000]) h.observe(ms);
    // <=1: 0.5, 1 | <=5: +3 | <=10: +7, 7 | above: 20000
    expect(h.snapshot()).toEqual({
      buckets: [
        { le: 1, count: 2 },
        { le: 5, count: 3 },
        { le: 10, count: 5 },
      ],
      sum: 20_018.5,
      count: 6,
    });
  });

  test("ignores negative and non-finite latencies", () => {
    const h = new LatencyHistogram([10]);
    for (const ms of [-1, Number.NaN, Number.POSITIVE_INFINITY, 4]) h.observe(ms);
    expect(h.snapshot()).toEqual({ buckets: [{ le: 10, count: 1 }], sum: 4, count: 1 });
  });

  test("snapshots are copies: later observations do not change them", () => {
    const h = new LatencyHistogram([10]);
    h.observe(1);
    const before = h.snapshot();
    h.observe(2);
    expect(before.count).toBe(1);
    expect(h.snapshot().count).toBe(2);
  });

  test("rejects bounds that are not strictly increasing", () => {
    for (const bad of [[5, 5], [10, 1], [-1], [1, Number.NaN]]) {
      let caught: unknown;
      try {
        new LatencyHistogram(bad);
      } catch (error) {
        caught = error;
      }
      expect(isArgoError(caught, "INVALID_CONFIGURATION")).toBe(true);
    }
  });

  test("default buckets are increasing", () => {
    expect(new LatencyHistogram().bounds).toEqual(DEFAULT_LATENCY_BUCKETS_MS);
    expect([...DEFAULT_LATENCY_BUCKETS_MS].sort((a, b) => a - b)).toEqual([...DEFAULT_LATENCY_BUCKETS_MS]);
  });
});
