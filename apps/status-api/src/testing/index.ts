export { MemoryStatusSession, defaultSessionInfo, type MemorySessionState } from "./memory-session.ts";
export { DemoMarket, type DemoMarketOptions } from "./demo-market.ts";
export { makeAccount, makeBar, makeFill, makeOrder, makePosition, makeTrade } from "./fixtures.ts";
export { parsePrometheus, type PrometheusExposition, type PrometheusSample } from "./parse-prometheus.ts";
export { SseReader, type ReceivedSse } from "./sse-reader.ts";
