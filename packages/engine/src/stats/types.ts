import type { TradeStatistics } from "./trade-statistics.ts";
/** One closed round trip, counted the way backtesting.py counts trades. */
export interface ClosedTrade {
  /** Signed quantity: > 0 long, < 0 short. */
  size: number;
  /** Epoch ms of the entry fill (the bar it filled in, for bar-based backtests). */
  entryTime: number;
  /** Epoch ms of the exit fill. */
  exitTime: number;
  entryPrice: number;
  exitPrice: number;
  /** Profit or loss in cash, net of the entry and exit fees. */
  pnl: number;
  /** Return in percent of the entry value, net of fees: sign(size) · (exit/entry − 1) · 100 − fees / (|size| · entry) · 100. */
  returnPct: number;
  /** Commissions paid for this trade: its share of the entry fee plus its share of the exit fee. */
  fees: number;
  /** exitTime − entryTime, in ms. */
  duration: number;
}

/** Everything computeStatistics needs; arrays are aligned by bar and never modified. */
export interface StatisticsInput {
  /** Bar times (epoch ms, ascending), one per bar; the time that names the bar (its open time). */
  times: ArrayLike<number>;
  /** Account equity marked at each bar's close. */
  equity: ArrayLike<number>;
  /** Close prices of the traded symbol at each bar, for buy & hold and beta. */
  closes: ArrayLike<number>;
  /** Closed trades in chronological order of exit. */
  trades: readonly ClosedTrade[];
  /** Cash at the start; the base of Return [%] and CAGR. */
  startingCash: number;
  /** Annual risk-free rate as a fraction in (−1, 1); default 0. */
  riskFreeRate?: number;
  /** Bars the strategy could not trade yet (indicator warm-up); buy & hold starts at this bar. Default 0. */
  warmupBars?: number;
}

/**
 * The statistics of a backtest, figure for figure those of backtesting.py 0.6.6.
 * Percent fields are in percent (5 means 5 %); durations are in ms; null means undefined
 * (backtesting.py's NaN), e.g. a win rate without trades.
 */
export interface BacktestStatistics extends Omit<TradeStatistics, "commissions"> {
  start: number;
  end: number;
  /** end − start, in ms. */
  duration: number;
  exposureTimePct: number;
  equityFinal: number;
  equityPeak: number;
  /** Sum of all closed trades' fees. */
  commissions: number;
  returnPct: number;
  buyAndHoldReturnPct: number | null;
  returnAnnPct: number | null;
  volatilityAnnPct: number | null;
  cagrPct: number | null;
  sharpeRatio: number | null;
  sortinoRatio: number | null;
  calmarRatio: number | null;
  alphaPct: number | null;
  beta: number | null;
  maxDrawdownPct: number;
  avgDrawdownPct: number | null;
  maxDrawdownDuration: number | null;
  avgDrawdownDuration: number | null;
  /** Periods per year used to annualise: 252, 365, 52, 12 or 1. */
  periodsPerYear: number;
}
