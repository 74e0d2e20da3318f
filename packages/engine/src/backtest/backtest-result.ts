import type { Account, Fill, Order, Position } from "@argo/core";
import type { EngineCounters } from "../engine/engine-counters.ts";
import type { TradingState } from "../risk/trading-state.ts";
import type { OpenLot } from "../stats/build-round-trips.ts";
import type { BacktestStatistics, ClosedTrade } from "../stats/types.ts";
import type { CloseAtEnd } from "./backtest-options.ts";
import type { CandleColumns } from "./run-recorder.ts";

/** A closed round trip of one symbol. */
export interface BacktestTrade extends ClosedTrade {
  symbol: string;
}

/** A position part still open at the end (closeAtEnd false, an aborted run, or a part the venue refused to close). */
export interface BacktestOpenTrade extends OpenLot {
  symbol: string;
}

/** The equity curve: one point per time step (bar open time), marked at the closes of that step. */
export interface EquityCurve {
  times: Float64Array;
  equity: Float64Array;
  /** The benchmark symbol's close at each step (carried over steps without a bar of it). */
  closes: Float64Array;
}

/** Where a backtest ran out of money: the time step whose equity was ≤ 0 and that equity, before it was counted as 0. */
export interface OutOfMoney {
  /** Open time of the step (epoch ms): its bars' closes marked the equity at or below 0. */
  time: number;
  /** The equity marked then (≤ 0); the curve, finalEquity and the statistics count 0 from that step on. */
  equity: number;
}

/** Everything a backtest produced. */
export interface BacktestResult {
  status: "completed" | "aborted";
  /** The abort signal's reason when aborted. */
  abortReason?: unknown;
  symbols: string[];
  interval: string;
  benchmarkSymbol: string;
  closeAtEnd: CloseAtEnd;
  statistics: BacktestStatistics;
  /** Closed trades of every symbol, in order of exit. */
  trades: BacktestTrade[];
  openTrades: BacktestOpenTrade[];
  /**
   * Every fill of the venue, in order: final-pass fills stamped with their symbol's last bar time, a fill at the close
   * of the bar it traded in on that bar's last millisecond (see RunRecorder).
   */
  fills: Fill[];
  equity: EquityCurve;
  /** The benchmark symbol's bars, for charts. */
  candles: CandleColumns;
  /** Bars that went through the engine. */
  bars: number;
  /** Index of the first step the strategy could trade at (buy & hold starts there). */
  warmupBars: number;
  startingCash: number;
  finalEquity: number;
  /**
   * Only when the equity fell to 0 or below: every position was then closed at that step's closes (one the venue refused
   * to close is named in `warnings`), trading stopped,
   * and the equity is 0 from that step to the end of the data (see the backtest README, "Out of money").
   */
  outOfMoney?: OutOfMoney;
  account: Account;
  positions: Position[];
  openOrders: Order[];
  counters: EngineCounters;
  tradingState: TradingState;
  /**
   * One sentence per thing that silently shaped the result: a warm-up longer than the bars replayed, a benchmark
   * symbol without bars, orders still open or cancelled at the end that never filled, a position the venue would not
   * let the engine close (or let it close only in pieces). Empty when there is none.
   */
  warnings: string[];
  journalPath?: string;
  startedAt: number;
  endedAt: number;
}
