import type { Account, Bar, ErrorCode, Order, OrderRequest, OrderType, Position, Trade, TradeFilter } from "@argo/core";
import type { BarHistory } from "../cache/bar-series.ts";
import type { Indicators } from "../indicators/indicators.ts";
import type { TradingState } from "../risk/trading-state.ts";
import type { Logger } from "./logger.ts";
import type { Signal } from "./signal.ts";
import type { StrategyState } from "./strategy-state.ts";

/** How the engine runs: on history in virtual time, against a paper venue, or with real money. */
export type EngineMode = "backtest" | "paper" | "live";

/**
 * An order as a strategy writes it: the symbol defaults to the bar being processed (there is none in init, in onStop or
 * between bars: then to the session's symbol if it trades only one, else an order without one is rejected), the type to MARKET.
 */
export type OrderInput = Omit<OrderRequest, "symbol" | "type"> & { symbol?: string; type?: OrderType };

/** What became of an order: placed at the venue (its order a frozen copy), rejected (by risk, trading state or venue, with why), or skipped (nothing to do). */
export type OrderResult =
  | { status: "placed"; order: Order }
  | { status: "rejected"; code: ErrorCode; reason: string; request: OrderRequest }
  | { status: "skipped"; reason: string };

/** What became of a cancel request (the order a frozen copy). */
export type CancelResult = { ok: true; order: Order } | { ok: false; code: ErrorCode; reason: string };

/** Everything a strategy sees and can do; reads are synchronous (a local mirror of the venue), actions return promises that never reject. */
export interface StrategyContext<C = unknown> {
  /** The strategy's validated config. */
  readonly config: C;
  readonly mode: EngineMode;
  readonly strategyName: string;
  readonly symbols: readonly string[];
  readonly interval: string;
  /**
   * The bar being processed (its venue step, indicators, onBar and the order updates of its turn); undefined in `init`,
   * in `onStop` and between bars (an update a venue delivers between bars, a timer).
   */
  readonly bar: Bar | undefined;
  /**
   * Engine clock, epoch ms: the newest bar close processed, never going back (a late bar of another symbol leaves it);
   * in init: live, the wall clock; a backtest, its first bar's open.
   */
  readonly time: number;
  readonly tradingState: TradingState;
  /** Past bars of a symbol (default: the current bar's; with no bar being processed, a one-symbol session's symbol, else empty), oldest first, up to the cache size; includes the current bar. */
  history(symbol?: string): BarHistory;
  /** Streaming indicators, per symbol, updated once per bar before `onBar`. */
  readonly indicators: Indicators;
  /**
   * Places an order through the risk manager; resolves with the outcome, never throws. Refused (rejected, no venue call)
   * once onStop and its order updates are done, after the run, and in a backtest while no callback of the strategy runs.
   */
  placeOrder(order: OrderInput): Promise<OrderResult>;
  /** Turns a signal (open/close long/short) into an order and places it. */
  signal(signal: Signal): Promise<OrderResult>;
  cancelOrder(orderId: string): Promise<CancelResult>;
  /** Cancels every open order (or one symbol's); resolves with what was cancelled, as frozen copies. */
  cancelAllOrders(symbol?: string): Promise<Order[]>;
  positions(): readonly Position[];
  /** The open position in a symbol (default: the current bar's; with no bar being processed, a one-symbol session's symbol), or undefined when flat. */
  position(symbol?: string): Position | undefined;
  account(): Account;
  openOrders(symbol?: string): readonly Order[];
  /** The venue's trade history (a venue round trip). */
  trades(filter?: TradeFilter): Promise<Trade[]>;
  /** Per-strategy key-value state, persisted in the session journal when there is one. */
  readonly state: StrategyState;
  readonly log: Logger;
}
