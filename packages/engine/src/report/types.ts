import type { CloseAtEnd } from "../backtest/backtest-options.ts";
import type { OutOfMoney } from "../backtest/backtest-result.ts";
import type { TradingState } from "../risk/trading-state.ts";
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

/** How a run went, written to run.json and, when something is amiss, shown at the top of report.html. */
export interface ReportRun {
  status: "completed" | "aborted";
  /** Why it was aborted, as text (the abort reason's message); only when aborted. */
  abortReason?: string;
  /** Bars replayed, every symbol's. */
  bars: number;
  symbols: readonly string[];
  interval: string;
  benchmarkSymbol: string;
  closeAtEnd: CloseAtEnd;
  /** Open times (epoch ms) of the first and last bars replayed. */
  firstBarTime: number;
  lastBarTime: number;
  /** Failures of the strategy's callbacks. */
  strategyErrors: number;
  /** Orders refused by the risk manager or the venue. */
  ordersRejected: number;
  /** Other non-fatal errors. */
  errors: number;
  /** The trading state at the end ("ACTIVE" unless a risk limit, a failure or running out of money changed it). */
  tradingState: TradingState;
  /** Only when the equity fell to 0 or below: the open time (epoch ms) of that step and the equity then (see BacktestResult.outOfMoney). */
  outOfMoney?: OutOfMoney;
  /** Sentences about what silently shaped the result (see BacktestResult.warnings). */
  warnings: readonly string[];
}

/** Everything a results folder holds for one backtest; the chart shows `symbol`, the trades may be of several symbols. */
export interface BacktestResults {
  symbol: string;
  /** Heading of the report; defaults to "Backtest <symbol>". */
  title?: string;
  statistics: BacktestStatistics;
  /** Closed trades of every symbol, in order of exit. */
  trades: readonly ReportTrade[];
  /**
   * Whether trades.csv and the report's trades table lead with a symbol column, with trades or without
   * (toBacktestResults sets it: an engine backtest's files always have it). Without it: when any trade carries a symbol.
   */
  symbolColumn?: boolean;
  /** What was still open at the end; when given, open-trades.csv is written. */
  openTrades?: readonly ReportOpenTrade[];
  /** Bar times (epoch ms) of the equity curve. */
  times: ArrayLike<number>;
  /** Equity marked at each bar's close, aligned with `times`. */
  equity: ArrayLike<number>;
  /** The equity before the first bar (toBacktestResults sets it); equity.csv's running peak starts there. Without it: at the first bar. */
  startingCash?: number;
  /** Candles of `symbol` (the charted one), ascending by time. */
  candles: readonly ReportCandle[];
  /** How the run went; when given, run.json is written and report.html notes an abort, problems and warnings. */
  run?: ReportRun;
}
