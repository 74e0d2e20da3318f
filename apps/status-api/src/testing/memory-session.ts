import type { Account, Bar, Order, Position, Trade, TradeFilter } from "@argo/core";
import { LatencyHistogram } from "../metrics/latency-histogram.ts";
import { SessionEventHub } from "../session/session-event-hub.ts";
import type { SessionEvent, SessionListener } from "../session/session-event.ts";
import type { SessionCounters, SessionInfo, SessionMetrics, StatusSession } from "../session/status-session.ts";
import { makeAccount } from "./fixtures.ts";

/** The state behind a {@link MemoryStatusSession}; tests and demos change it directly. */
export interface MemorySessionState {
  info: SessionInfo;
  account: Account;
  positions: Position[];
  openOrders: Order[];
  /** Newest first. */
  recentOrders: Order[];
  /** Oldest first. */
  trades: Trade[];
  /** Oldest first. */
  bars: Bar[];
  counters: SessionCounters;
  latency: LatencyHistogram;
}

/** Default session info: a connected paper session on BTCUSD 1m, started at `startedAt`. */
export function defaultSessionInfo(startedAt: number): SessionInfo {
  return {
    mode: "paper",
    symbols: ["BTCUSD"],
    interval: "1m",
    startedAt,
    tradingState: "ACTIVE",
    providers: {
      marketData: { name: "simulated", connected: true },
      trading: { name: "paper", connected: true, isPaperTrading: true },
    },
    config: {},
  };
}

/** A StatusSession over plain in-memory state, for tests, demos and benchmarks (not a venue fake). */
export class MemoryStatusSession implements StatusSession {
  readonly state: MemorySessionState;
  private readonly hub = new SessionEventHub();

  constructor(init: Partial<MemorySessionState> = {}) {
    this.state = {
      info: defaultSessionInfo(Date.now()),
      account: makeAccount(),
      positions: [],
      openOrders: [],
      recentOrders: [],
      trades: [],
      bars: [],
      counters: { barsProcessed: 0, ordersPlaced: 0, ordersFilled: 0, ordersRejected: 0, streamReconnects: 0, errors: 0 },
      latency: new LatencyHistogram(),
      ...init,
    };
  }

  info(): SessionInfo {
    return this.state.info;
  }
  async account(): Promise<Account> {
    return this.state.account;
  }
  async positions(): Promise<Position[]> {
    return this.state.positions;
  }
  async openOrders(): Promise<Order[]> {
    return this.state.openOrders;
  }
  async recentOrders(limit: number): Promise<Order[]> {
    return this.state.recentOrders.slice(0, limit);
  }
  async trades(filter: TradeFilter): Promise<Trade[]> {
    const selected = this.state.trades.filter(
      (t) =>
        (filter.symbol === undefined || t.symbol === filter.symbol) &&
        (filter.strategyName === undefined || t.strategyName === filter.strategyName) &&
        (filter.from === undefined || t.time >= filter.from) &&
        (filter.to === undefined || t.time < filter.to),
    );
    return filter.limit === undefined ? selected : selected.slice(-filter.limit);
  }
  async recentBars(symbol: string, limit: number): Promise<Bar[]> {
    return this.state.bars.filter((b) => b.symbol === symbol).slice(-limit);
  }
  metrics(): SessionMetrics {
    return { counters: { ...this.state.counters }, orderLatency: this.state.latency.snapshot() };
  }
  subscribe(listener: SessionListener): () => void {
    return this.hub.subscribe(listener);
  }

  /** Sends an event to subscribers; a bar also becomes the last bar seen. */
  emit(event: SessionEvent): void {
    if (event.type === "bar") this.state.info = { ...this.state.info, lastBarAt: event.time };
    this.hub.emit(event);
  }

  /** How many subscribers are attached (to check that disconnected clients are cleaned up). */
  get listenerCount(): number {
    return this.hub.size;
  }
}
