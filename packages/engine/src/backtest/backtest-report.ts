import type { BacktestResults, ReportCandle, ReportRun } from "../report/types.ts";
import { type ResultsFiles, writeResults } from "../report/write-results.ts";
import type { BacktestResult } from "./backtest-result.ts";
import { reasonText } from "./reason-text.ts";

/**
 * The results-folder view of a backtest: statistics, every trade (closed and open, with its symbol), the equity curve,
 * the benchmark symbol's candles and how the run went (status, problems, warnings).
 */
export function toBacktestResults(result: BacktestResult, title?: string): BacktestResults {
  const { candles } = result;
  const list: ReportCandle[] = new Array(candles.times.length);
  for (let i = 0; i < list.length; i++) {
    list[i] = { time: candles.times[i]!, open: candles.open[i]!, high: candles.high[i]!, low: candles.low[i]!, close: candles.close[i]! };
  }
  return {
    symbol: result.benchmarkSymbol,
    ...(title !== undefined ? { title } : {}),
    statistics: result.statistics,
    trades: result.trades,
    // Every trade of a backtest names its symbol: the column is there even when no trade closed.
    symbolColumn: true,
    openTrades: result.openTrades,
    times: result.equity.times,
    equity: result.equity.equity,
    startingCash: result.startingCash,
    candles: list,
    run: runSummary(result),
  };
}

/** How the run went, for run.json and the report's notice. */
function runSummary(result: BacktestResult): ReportRun {
  const { times } = result.equity;
  const { strategyErrors, ordersRejected, errors } = result.counters;
  return {
    status: result.status,
    ...(result.status === "aborted" ? { abortReason: reasonText(result.abortReason) } : {}),
    bars: result.bars,
    symbols: result.symbols,
    interval: result.interval,
    benchmarkSymbol: result.benchmarkSymbol,
    closeAtEnd: result.closeAtEnd,
    firstBarTime: times[0] ?? Number.NaN,
    lastBarTime: times[times.length - 1] ?? Number.NaN,
    strategyErrors,
    ordersRejected,
    errors,
    tradingState: result.tradingState,
    ...(result.outOfMoney !== undefined ? { outOfMoney: { ...result.outOfMoney } } : {}),
    warnings: result.warnings,
  };
}

/** Writes stats.json, run.json, trades.csv, open-trades.csv, equity.csv and report.html of a backtest into `folder` (see writeResults). */
export function writeBacktestResults(folder: string, result: BacktestResult, title?: string): Promise<ResultsFiles> {
  return writeResults(folder, toBacktestResults(result, title));
}
