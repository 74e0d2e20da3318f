import type { Bar } from "@argo/core";

/** Bars `start` up to `end` (exclusive) of an array already in memory, oldest first. */
export interface BarRange {
  readonly bars: readonly Bar[];
  readonly start: number;
  readonly end: number;
  /** Ends the range early once aborted, as the range's iterators do. */
  readonly signal: AbortSignal | undefined;
}

/**
 * Where a history backed by an array says so. The backtest reads such a history by index instead of
 * through its iterator: no iterator result object per bar, and its length sizes the recorder up front.
 */
export const BAR_RANGE: unique symbol = Symbol.for("argo.engine.barRange");

/** The array behind a history, when it has one. */
export function barRangeOf(history: object): BarRange | undefined {
  return (history as { [BAR_RANGE]?: BarRange })[BAR_RANGE];
}
