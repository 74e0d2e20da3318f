import { describe, expect, test } from "bun:test";
import { createStatusApi } from "../create-status-api.ts";
import { LatencyHistogram } from "../metrics/latency-histogram.ts";
import { MemoryStatusSession } from "../testing/memory-session.ts";
import { parsePrometheus } from "../testing/parse-prometheus.ts";

describe("GET /metrics", () => {
  test("serves the session's counters and latency histogram as Prometheus text", async () => {
    const latency = new LatencyHistogram([10, 100]);
    for (const ms of [3, 30, 300]) latency.observe(ms);
    const session = new MemoryStatusSession({
      counters: { barsProcessed: 42, ordersPlaced: 3, ordersFilled: 2, ordersRejected: 1, streamReconnects: 4, errors: 5 },
      latency,
    });
    const res = await createStatusApi(session, { token: "metrics-token-123" }).request("/metrics", {
      headers: { Authorization: "Bearer metrics-token-123" },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toStartWith("text/plain; version=0.0.4");
    const { types, samples } = parsePrometheus(await res.text());
    const get = (name: string, le?: string) => samples.find((s) => s.name === name && (le === undefined || s.labels.le === le))?.value;
    expect([
      get("argo_bars_processed_total"),
      get("argo_orders_placed_total"),
      get("argo_orders_filled_total"),
      get("argo_orders_rejected_total"),
      get("argo_stream_reconnects_total"),
      get("argo_errors_total"),
    ]).toEqual([42, 3, 2, 1, 4, 5]);
    expect(types.get("argo_order_latency_ms")).toBe("histogram");
    // 3 <= 10; 3, 30 <= 100; all three overall
    expect([get("argo_order_latency_ms_bucket", "10"), get("argo_order_latency_ms_bucket", "100"), get("argo_order_latency_ms_bucket", "+Inf")]).toEqual([1, 2, 3]);
    expect(get("argo_order_latency_ms_sum")).toBe(333);
    expect(get("argo_order_latency_ms_count")).toBe(3);
  });

  test("an unknown or repeated query parameter is a 400 naming it, not an answer that ignored it", async () => {
    const app = createStatusApi(new MemoryStatusSession(), { token: "metrics-token-123" });
    const auth = { headers: { Authorization: "Bearer metrics-token-123" } };
    const unknown = await app.request("/metrics?name=argo_errors_total", auth);
    expect(unknown.status).toBe(400);
    expect(((await unknown.json()) as { error: { message: string } }).error.message).toStartWith('unknown query parameter "name"');
    const repeated = await app.request("/metrics?token=metrics-token-123&token=metrics-token-123");
    expect(repeated.status).toBe(400);
    expect(((await repeated.json()) as { error: { message: string } }).error.message).toBe('query parameter "token" given more than once; give it once');
  });
});
