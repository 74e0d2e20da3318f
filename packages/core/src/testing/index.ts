export { describeTradingConformance } from "./describe-trading-conformance.ts";
export type { ConformanceHarness, TradingConformanceOptions } from "./conformance-harness.ts";
export { waitFor } from "./wait-for.ts";
