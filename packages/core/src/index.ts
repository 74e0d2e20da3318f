export * from "./domain/index.ts";
export * from "./errors/index.ts";
export * from "./contracts/index.ts";
export * from "./config/index.ts";
export * from "./registry/index.ts";
export { INTERVAL_PATTERN, intervalProblem, intervalToMs, MAX_INTERVAL_MS } from "./time/interval.ts";
export { barCloseTime } from "./time/bar-close-time.ts";
export { fixedIntervalMs } from "./time/fixed-interval-ms.ts";
export { BarCloser } from "./time/bar-closer.ts";
