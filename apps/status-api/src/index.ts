export { createStatusApi, type StatusApiOptions } from "./create-status-api.ts";
export { serveStatusApi, type ServeStatusApiOptions, type StatusServer } from "./serve-status-api.ts";
export type {
  StatusSession,
  SessionInfo,
  SessionMode,
  SessionCounters,
  SessionMetrics,
  ProviderStatus,
  TradingProviderStatus,
  MaybePromise,
} from "./session/status-session.ts";
export type {
  SessionEvent,
  SessionEventType,
  SessionListener,
  SessionBarEvent,
  SessionOrderEvent,
  SessionFillEvent,
  SessionErrorEvent,
  SessionStateEvent,
  SessionErrorData,
  SessionStateData,
  TradingState,
} from "./session/session-event.ts";
export { SessionEventHub } from "./session/session-event-hub.ts";
export {
  LatencyHistogram,
  DEFAULT_LATENCY_BUCKETS_MS,
  type HistogramBucket,
  type HistogramSnapshot,
} from "./metrics/latency-histogram.ts";
export { renderPrometheus, PROMETHEUS_CONTENT_TYPE } from "./metrics/render-prometheus.ts";
export { assertSafeBind, isLoopbackHost, DEFAULT_STATUS_HOST } from "./security/assert-safe-bind.ts";
export { statusTokenSchema, statusTokenProblem, MIN_STATUS_TOKEN_LENGTH } from "./security/status-token.ts";
export { redactSecretKeys, SECRET_KEY_PATTERN } from "./security/redact-secret-keys.ts";
export { computeHealth, type HealthBody } from "./routes/health-route.ts";
export type { ApiErrorBody, ApiErrorCode } from "./http/error-body.ts";
export type { RouteFailure, RouteFailureHook } from "./http/route-failure.ts";
