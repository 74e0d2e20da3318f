import type { BacktestResults, ReportCandle } from "../report/types.ts";
import { type ResultsFiles, writeResults } from "../report/write-results.ts";
import type { BacktestResult } from "./backtest-result.ts";

/** The results-folder view of a backtest: statistics, every trade (closed and open, with its symbol), the equity curve and the benchmark symbol's candles. */
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
    openTrades: result.openTrades,
    times: result.equity.times,
    equity: result.equity.equity,
    candles: list,
  };
}

/** Writes stats.json, trades.csv, open-trades.csv, equity.csv and report.html of a backtest into `folder` (see writeResults). */
export function writeBacktestResults(folder: string, result: BacktestResult, title?: string): Promise<ResultsFiles> {
  return writeResults(folder, toBacktestResults(result, title));
}
