import { describe, expect, test } from "bun:test";
import { parsePrometheus } from "../testing/parse-prometheus.ts";
import { renderPrometheus } from "./render-prometheus.ts";

const metrics = {
  counters: { barsProcessed: 120, ordersPlaced: 7, ordersFilled: 5, ordersRejected: 1, streamReconnects: 2, errors: 3 },
  orderLatency: {
    buckets: [
      { le: 5, count: 2 },
      { le: 50, count: 4 },
      { le: 500, count: 6 },
    ],
    sum: 812.5,
    count: 7,
  },
};

describe("renderPrometheus", () => {
  const parsed = parsePrometheus(renderPrometheus(metrics));
  const value = (name: string, labels: Record<string, string> = {}) =>
    parsed.samples.filter((s) => s.name === name && JSON.stringify(s.labels) === JSON.stringify(labels)).map((s) => s.value);

  test("every counter has a counter TYPE line and its value", () => {
    const expected: Record<string, number> = {
      argo_bars_processed_total: 120,
      argo_orders_placed_total: 7,
      argo_orders_filled_total: 5,
      argo_orders_rejected_total: 1,
      argo_stream_reconnects_total: 2,
      argo_errors_total: 3,
    };
    for (const [name, v] of Object.entries(expected)) {
      expect(parsed.types.get(name)).toBe("counter");
      expect(value(name)).toEqual([v]);
    }
  });

  test("the latency histogram has buckets, +Inf equal to the count, _sum and _count", () => {
    expect(parsed.types.get("argo_order_latency_ms")).toBe("histogram");
    expect(value("argo_order_latency_ms_bucket", { le: "5" })).toEqual([2]);
    expect(value("argo_order_latency_ms_bucket", { le: "50" })).toEqual([4]);
    expect(value("argo_order_latency_ms_bucket", { le: "500" })).toEqual([6]);
    expect(value("argo_order_latency_ms_bucket", { le: "+Inf" })).toEqual([7]);
    expect(value("argo_order_latency_ms_sum")).toEqual([812.5]);
    expect(value("argo_order_latency_ms_count")).toEqual([7]);
  });

  test("the parser used above rejects malformed text (so the checks mean something)", () => {
    expect(() => parsePrometheus("argo_x 1\n")).toThrow("no TYPE");
    expect(() => parsePrometheus("# TYPE a counter\na one\n")).toThrow("bad value");
    expect(() => parsePrometheus("# TYPE a counter\n# TYPE a counter\n")).toThrow("second TYPE");
    expect(() => parsePrometheus('# TYPE a counter\na{le=5} 1\n')).toThrow("malformed labels");
  });
});
