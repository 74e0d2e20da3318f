import { ArgoError, type Bar, type Order, type TradeFilter, type TradingProvider } from "@argo/core";
import { boundedVenueCall, type EngineCallbacks, type LiveEngine } from "@argo/engine";
import { type LatencyHistogram, SessionEventHub, type SessionInfo, type SessionMode, type StatusSession, type TradingState } from "@argo/status-api";

const RECENT_ORDERS = 1000;

/** What the session shows about itself. */
export interface RunnerSessionOptions {
  mode: SessionMode;
  symbols: string[];
  interval: string;
  marketDataName: string;
  tradingName: string;
  /** Already redacted. */
  config: unknown;
  /**
   * Milliseconds the status reads (account, positions, open orders, trades) wait for the venue before CONNECTION_LOST
   * (the API's 503): the session's engine.venue_call_timeout_ms.
   */
  venueCallTimeoutMs: number;
}

/**
 * The running session as the status API sees it: engine callbacks become session events and counters; account,
 * positions and trades are read from the trading provider.
 */
export class RunnerSession implements StatusSession {
  private readonly hub = new SessionEventHub();
  private readonly startedAt = Date.now();
  private readonly recent = new Map<string, Order>();
  private tradingState: TradingState = "ACTIVE";
  private lastBarAt: number | undefined;
  private streaming = false;
  /** Set by an error of the market data stream, cleared by the next bar: the feed is not delivering meanwhile. */
  private streamDown = false;
  /** The engine's count of stream errors as of the last error seen: a rise says that error came from the stream. */
  private streamErrorsSeen = 0;
  private readonly counters = { barsProcessed: 0, ordersPlaced: 0, ordersFilled: 0, ordersRejected: 0, streamReconnects: 0, errors: 0 };

  /** `latency` is the order round-trip histogram the timed trading provider feeds (see timedTradingProvider). */
  constructor(
    private readonly options: RunnerSessionOptions,
    private readonly trading: TradingProvider,
    private readonly engine: LiveEngine,
    private readonly latency: LatencyHistogram,
  ) {}

  /** Engine callbacks that feed this session; `extra` are called too (the runner's logging). */
  callbacks(extra: EngineCallbacks = {}): EngineCallbacks {
    const now = () => Date.now();
    return {
      ...extra,
      onEngineStart: async (...args) => {
        this.streaming = true;
        await extra.onEngineStart?.(...args);
      },
      onEngineStop: async (error) => {
        this.streaming = false;
        await extra.onEngineStop?.(error);
      },
      onMarketData: (bar) => {
        this.counters.barsProcessed++;
        this.lastBarAt = now();
        this.streamDown = false;
        this.hub.emit({ type: "bar", time: this.lastBarAt, data: bar });
        return extra.onMarketData?.(bar);
      },
      onOrderPlaced: (order) => {
        this.counters.ordersPlaced++;
        this.remember(order);
        return extra.onOrderPlaced?.(order);
      },
      onOrderUpdate: (order) => {
        this.remember(order);
        this.hub.emit({ type: "order", time: now(), data: order });
        return extra.onOrderUpdate?.(order);
      },
      onOrderFilled: (fill, order) => {
        // Called once per fill; the counter is of orders that filled completely (a partial fill is not one yet).
        if (order.status === "FILLED") this.counters.ordersFilled++;
        this.remember(order);
        this.hub.emit({ type: "fill", time: now(), data: fill });
        return extra.onOrderFilled?.(fill, order);
      },
      onOrderRejected: (rejection) => {
        this.counters.ordersRejected++;
        this.hub.emit({ type: "error", time: now(), data: { code: rejection.code, message: `order refused by ${rejection.source}: ${rejection.reason}` } });
        return extra.onOrderRejected?.(rejection);
      },
      onTradingStateChange: (change) => {
        this.tradingState = change.to;
        this.hub.emit({ type: "state", time: now(), data: { tradingState: change.to, previous: change.from, reason: change.reason } });
        return extra.onTradingStateChange?.(change);
      },
      onError: (error) => {
        this.counters.errors++;
        if (error.code === "STREAM_DISCONNECTED") this.counters.streamReconnects++;
        // onError carries every non-fatal error; the engine counts the stream's before reporting one, so a rise is this one.
        // The counter alone: status() would copy every position and order on each error.
        const streamErrors = this.engine.streamErrors;
        if (streamErrors > this.streamErrorsSeen) {
          this.streamErrorsSeen = streamErrors;
          this.streamDown = true;
        }
        this.hub.emit({ type: "error", time: now(), data: { code: error.code, message: error.message, ...(error.provider ? { provider: error.provider } : {}) } });
        return extra.onError?.(error);
      },
      onStrategyError: (error, bar) => {
        this.counters.errors++;
        this.hub.emit({ type: "error", time: now(), data: { code: error.code, message: `strategy: ${error.message}` } });
        return extra.onStrategyError?.(error, bar);
      },
    };
  }

  /**
   * The market data stream ended (its last item read, or the engine stopped reading it): the feed is not connected
   * any more, though the engine may still be settling orders before onEngineStop. See watchStreamEnd.
   */
  streamEnded(): void {
    this.streaming = false;
  }

  info(): SessionInfo {
    return {
      mode: this.options.mode,
      symbols: this.options.symbols,
      interval: this.options.interval,
      startedAt: this.startedAt,
      tradingState: this.tradingState,
      providers: {
        marketData: { name: this.options.marketDataName, connected: this.streaming && !this.streamDown },
        trading: { name: this.options.tradingName, connected: this.trading.connectionState() === "CONNECTED", isPaperTrading: this.options.mode !== "live" },
      },
      ...(this.lastBarAt !== undefined ? { lastBarAt: this.lastBarAt } : {}),
      config: this.options.config,
    };
  }
  // Bounded as the engine bounds its own reads: a venue that never answers must not leave a request without an answer.
  account() { return this.read("account read", () => this.trading.getAccount()); }
  positions() { return this.read("positions read", () => this.trading.getPositions()); }
  openOrders() { return this.read("open orders read", () => this.trading.getOpenOrders()); }
  async recentOrders(limit: number) { return [...this.recent.values()].reverse().slice(0, limit); }
  trades(filter: TradeFilter) { return this.read("trades read", () => this.trading.getTrades(filter)); }
  metrics() { return { counters: { ...this.counters }, orderLatency: this.latency.snapshot() }; }
  subscribe(listener: Parameters<StatusSession["subscribe"]>[0]) { return this.hub.subscribe(listener); }

  /** The newest bars of one of the session's symbols; another symbol (a typo, the wrong case) is UNKNOWN_SYMBOL (404). */
  async recentBars(symbol: string, limit: number): Promise<Bar[]> {
    const { symbols } = this.options;
    if (!symbols.includes(symbol)) throw new ArgoError("UNKNOWN_SYMBOL", `no symbol ${JSON.stringify(symbol)} in this session (symbols: ${symbols.join(", ")})`);
    return this.engine.recentBars(symbol, limit);
  }

  private read<T>(call: string, fn: () => Promise<T>): Promise<T> {
    return boundedVenueCall(fn, this.options.venueCallTimeoutMs, this.trading.name, call);
  }

  private remember(order: Order): void {
    // Re-inserting moves the order to the newest end; the oldest fall off past the cap.
    this.recent.delete(order.clientOrderId);
    this.recent.set(order.clientOrderId, order);
    if (this.recent.size > RECENT_ORDERS) this.recent.delete(this.recent.keys().next().value as string);
  }
}
