import type { Hono } from "hono";
import { noQuery } from "../http/no-query.ts";
import { PROMETHEUS_CONTENT_TYPE, renderPrometheus } from "../metrics/render-prometheus.ts";
import type { StatusSession } from "../session/status-session.ts";

/** GET /metrics in the Prometheus text exposition format. */
export function registerMetricsRoute(app: Hono, session: StatusSession): void {
  app.get("/metrics", noQuery, async (c) => {
    // Built only from fixed metric names and numbers: nothing in it can be a secret, so no scrubbing.
    const text = renderPrometheus(await session.metrics());
    return c.body(text, 200, { "Content-Type": PROMETHEUS_CONTENT_TYPE });
  });
}
