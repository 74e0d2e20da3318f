import { scrubSecrets } from "@argo/core";
import type { Hono } from "hono";
import { PROMETHEUS_CONTENT_TYPE, renderPrometheus } from "../metrics/render-prometheus.ts";
import type { StatusSession } from "../session/status-session.ts";

/** GET /metrics in the Prometheus text exposition format. */
export function registerMetricsRoute(app: Hono, session: StatusSession, secrets: readonly string[]): void {
  app.get("/metrics", async (c) => {
    const text = renderPrometheus(await session.metrics());
    return c.body(scrubSecrets(text, secrets), 200, { "Content-Type": PROMETHEUS_CONTENT_TYPE });
  });
}
