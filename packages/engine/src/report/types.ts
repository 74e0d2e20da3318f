import type { BacktestStatistics, ClosedTrade } from "../stats/index.ts";

/** One OHLC candle of the report's price chart; `time` is the bar's open time in epoch ms. */
export interface ReportCandle {
  time: number;
  open: number;
  high: number;
  low: number;
  close: number;
}

/** A closed trade in the results; `symbol` names its symbol when the backtest traded several (engine backtests always set it). */
export interface ReportTrade extends ClosedTrade {
  symbol?: string;
}

/** A position part still open at the end of the backtest (closeAtEnd false, or an aborted run). */
export interface ReportOpenTrade {
  symbol?: string;
  /** Signed quantity: > 0 long, < 0 short. */
  size: number;
  entryTime: number;
  entryPrice: number;
  /** The part of the entry fee this part still carries. */
  entryFee: number;
}

/** Everything a results folder holds for one backtest; the chart shows `symbol`, the trades may be of several symbols. */
export interface BacktestResults {
  symbol: string;
  /** Heading of the report; defaults to "Backtest <symbol>". */
  title?: string;
  statistics: BacktestStatistics;
  /** Closed trades of every symbol, in order of exit. */
  trades: readonly ReportTrade[];
  /** What was still open at the end; when given, open-trades.csv is written. */
  openTrades?: readonly ReportOpenTrade[];
  /** Bar times (epoch ms) of the equity curve. */
  times: ArrayLike<number>;
  /** Equity marked at each bar's close, aligned with `times`. */
  equity: ArrayLike<number>;
  /** Candles of `symbol` (the charted one), ascending by time. */
  candles: readonly ReportCandle[];
}
