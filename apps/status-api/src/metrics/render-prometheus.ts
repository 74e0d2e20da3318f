import type { SessionMetrics } from "../session/status-session.ts";

/** Content type of the Prometheus text exposition format. */
export const PROMETHEUS_CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

const COUNTERS = [
  ["argo_bars_processed_total", "barsProcessed", "Bars the session processed."],
  ["argo_orders_placed_total", "ordersPlaced", "Orders the session placed."],
  ["argo_orders_filled_total", "ordersFilled", "Orders that filled completely."],
  ["argo_orders_rejected_total", "ordersRejected", "Orders rejected by risk or the venue."],
  ["argo_stream_reconnects_total", "streamReconnects", "Market data or venue stream reconnects."],
  ["argo_errors_total", "errors", "Errors the session reported."],
] as const;

/** Renders session metrics in the Prometheus text exposition format (version 0.0.4). */
export function renderPrometheus(metrics: SessionMetrics): string {
  const lines: string[] = [];
  for (const [name, key, help] of COUNTERS) {
    lines.push(`# HELP ${name} ${help}`, `# TYPE ${name} counter`, `${name} ${formatNumber(metrics.counters[key])}`);
  }
  const latency = metrics.orderLatency;
  const name = "argo_order_latency_ms";
  lines.push(`# HELP ${name} Milliseconds from placing an order to the venue acknowledging it.`, `# TYPE ${name} histogram`);
  for (const bucket of latency.buckets) lines.push(`${name}_bucket{le="${formatNumber(bucket.le)}"} ${formatNumber(bucket.count)}`);
  lines.push(`${name}_bucket{le="+Inf"} ${formatNumber(latency.count)}`);
  lines.push(`${name}_sum ${formatNumber(latency.sum)}`, `${name}_count ${formatNumber(latency.count)}`);
  return `${lines.join("\n")}\n`;
}

// Prometheus spells non-finite values NaN, +Inf and -Inf; JavaScript's String() would not.
function formatNumber(value: number): string {
  if (Number.isNaN(value)) return "NaN";
  if (value === Number.POSITIVE_INFINITY) return "+Inf";
  if (value === Number.NEGATIVE_INFINITY) return "-Inf";
  return String(value);
}
