import type { BacktestStatistics, ClosedTrade } from "../stats/index.ts";

/** One OHLC candle of the report's price chart; `time` is the bar's open time in epoch ms. */
export interface ReportCandle {
  time: number;
  open: number;
  high: number;
  low: number;
  close: number;
}

/** Everything a results folder holds for one backtest of one symbol. */
export interface BacktestResults {
  symbol: string;
  /** Heading of the report; defaults to "Backtest <symbol>". */
  title?: string;
  statistics: BacktestStatistics;
  trades: readonly ClosedTrade[];
  /** Bar times (epoch ms) of the equity curve. */
  times: ArrayLike<number>;
  /** Equity marked at each bar's close, aligned with `times`. */
  equity: ArrayLike<number>;
  /** Candles of the traded symbol, ascending by time. */
  candles: readonly ReportCandle[];
}
