import type { Account, Bar, Order, Position, Trade, TradeFilter } from "@argo/core";
import type { HistogramSnapshot } from "../metrics/latency-histogram.ts";
import type { SessionListener, TradingState } from "./session-event.ts";

/** How a session trades: against a real venue, a paper venue, or historical data in virtual time. */
export type SessionMode = "paper" | "live" | "backtest";

/** A provider's identity and link state as the status API shows it. */
export interface ProviderStatus {
  name: string;
  connected: boolean;
}

/** The trading provider's status, with whether it trades real money. */
export interface TradingProviderStatus extends ProviderStatus {
  isPaperTrading: boolean;
}

/** What a session is and how it stands; `config` must already be redacted by the session. */
export interface SessionInfo {
  mode: SessionMode;
  symbols: string[];
  interval: string;
  /** Wall-clock epoch milliseconds when the session started. */
  startedAt: number;
  tradingState: TradingState;
  providers: { marketData: ProviderStatus; trading: TradingProviderStatus };
  /** Wall-clock epoch milliseconds when the session last processed a bar (not the bar's own time). */
  lastBarAt?: number;
  /** The session's config, secrets already redacted; the API redacts secret-looking keys again. */
  config: unknown;
}

/** Monotonic counters since the session started. */
export interface SessionCounters {
  barsProcessed: number;
  ordersPlaced: number;
  ordersFilled: number;
  ordersRejected: number;
  streamReconnects: number;
  errors: number;
}

/** Counters plus the order latency (placement to venue acknowledgement) histogram. */
export interface SessionMetrics {
  counters: SessionCounters;
  orderLatency: HistogramSnapshot;
}

/** A value or a promise of it. */
export type MaybePromise<T> = T | Promise<T>;

/**
 * What a running session exposes to the status API. The runner implements it over the engine;
 * every method is read-only except `subscribe`.
 */
export interface StatusSession {
  info(): MaybePromise<SessionInfo>;
  account(): Promise<Account>;
  positions(): Promise<Position[]>;
  openOrders(): Promise<Order[]>;
  /** The newest `limit` (at least 1) orders, newest first, whatever their status. */
  recentOrders(limit: number): Promise<Order[]>;
  trades(filter: TradeFilter): Promise<Trade[]>;
  metrics(): MaybePromise<SessionMetrics>;
  /** Calls `listener` for every event from now on; the returned function unsubscribes. */
  subscribe(listener: SessionListener): () => void;
  /** Optional: the newest `limit` bars of a symbol, oldest first, to seed the dashboard chart. */
  recentBars?(symbol: string, limit: number): Promise<Bar[]>;
}
