export { BacktestEngine } from "./backtest-engine.ts";
export { runBacktest } from "./run-backtest.ts";
export { backtestSettingsSchema, type BacktestOptions, type BacktestSettings, type CloseAtEnd } from "./backtest-options.ts";
export type { BacktestResult, BacktestTrade, BacktestOpenTrade, EquityCurve } from "./backtest-result.ts";
export type { CandleColumns } from "./run-recorder.ts";
export { InMemoryMarketData, type BarHistoryIterable } from "./in-memory-market-data.ts";
export { ProgressBar, type ProgressOptions, type ProgressState, type ProgressStream } from "./progress-bar.ts";
export { toBacktestResults, writeBacktestResults } from "./backtest-report.ts";
