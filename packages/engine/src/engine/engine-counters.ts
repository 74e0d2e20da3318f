/** Monotonic counters of a run. */
export interface EngineCounters {
  /** Bars that went through the pipeline. */
  bars: number;
  /** Bars dropped because they were not newer than the symbol's last bar (replays after a reconnect or restart). */
  staleBars: number;
  streamErrors: number;
  ordersPlaced: number;
  ordersRejected: number;
  fills: number;
  strategyErrors: number;
  /** Non-fatal errors reported through onError (stream errors included). */
  errors: number;
}

/** Fresh zeroed counters. */
export function newCounters(): EngineCounters {
  return { bars: 0, staleBars: 0, streamErrors: 0, ordersPlaced: 0, ordersRejected: 0, fills: 0, strategyErrors: 0, errors: 0 };
}
