import { isoTimeOrNull } from "./iso-time.ts";
import type { ReportRun } from "./types.ts";

/**
 * run.json's text: how the run went (status, why it was aborted, what was replayed, the problem counters, the trading
 * state at the end, where it ran out of money if it did, the warnings), with the bar times as ISO 8601 UTC.
 */
export function runToJson(run: ReportRun): string {
  const file = {
    status: run.status,
    ...(run.status === "aborted" ? { abortReason: run.abortReason ?? "" } : {}),
    bars: run.bars,
    symbols: run.symbols,
    interval: run.interval,
    benchmarkSymbol: run.benchmarkSymbol,
    closeAtEnd: run.closeAtEnd,
    firstBarTime: isoTimeOrNull(run.firstBarTime),
    lastBarTime: isoTimeOrNull(run.lastBarTime),
    strategyErrors: run.strategyErrors,
    ordersRejected: run.ordersRejected,
    errors: run.errors,
    tradingState: run.tradingState,
    ...(run.outOfMoney !== undefined ? { outOfMoney: { time: isoTimeOrNull(run.outOfMoney.time), equity: run.outOfMoney.equity } } : {}),
    warnings: run.warnings,
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}
