import type { Account, Bar, Order, Position, Trade, TradeFilter } from "@argo/core";
import type { BarHistory } from "../cache/bar-series.ts";
import type { Indicators } from "../indicators/indicators.ts";
import type { TradingState } from "../risk/trading-state.ts";
import { sideAgainst } from "../risk/working-quantity.ts";
import type { Logger } from "../strategy/logger.ts";
import { type Signal, signalToRequest } from "../strategy/signal.ts";
import type { CancelResult, EngineMode, OrderInput, OrderResult, StrategyContext } from "../strategy/strategy-context.ts";
import type { StrategyState } from "../strategy/strategy-state.ts";
import type { BarPipeline } from "./bar-pipeline.ts";
import { StrategyViews } from "./strategy-views.ts";

/**
 * The StrategyContext the engine hands to a strategy: thin reads over the pipeline's cache, and views of its mirror
 * (marked copies, frozen lists) that the strategy cannot use to change what the engine itself reads.
 */
export class EngineContext implements StrategyContext<unknown> {
  readonly indicators: Indicators;
  readonly state: StrategyState;
  readonly strategyName: string;
  readonly symbols: readonly string[];
  readonly interval: string;
  private readonly views: StrategyViews;

  constructor(
    private readonly p: BarPipeline,
    readonly config: unknown,
    readonly log: Logger,
    readonly mode: EngineMode,
  ) {
    this.indicators = p.indicators;
    this.state = p.state;
    this.strategyName = p.strategyName;
    this.symbols = p.options.symbols;
    this.interval = p.options.interval;
    this.views = new StrategyViews(p);
  }

  get bar(): Bar | undefined {
    return this.p.currentBar;
  }

  get time(): number {
    return this.p.time;
  }

  get tradingState(): TradingState {
    return this.p.stateMachine.state;
  }

  history(symbol?: string): BarHistory {
    const p = this.p;
    if (symbol === undefined && p.currentSlot >= 0) return p.cache.series[p.currentSlot]!;
    return p.cache.history(symbol ?? p.options.symbols[0] ?? "");
  }

  placeOrder(order: OrderInput): Promise<OrderResult> {
    return this.p.gateway.place(order);
  }

  signal(signal: Signal): Promise<OrderResult> {
    const p = this.p;
    const symbol = signal.symbol ?? p.currentBar?.symbol;
    if (symbol === undefined) return Promise.resolve({ status: "skipped", reason: "a signal needs a symbol (none given and no bar is being processed)" });
    const position = p.mirror.positionsBySymbol.get(symbol);
    const closes = signal.action === "CLOSE_LONG" ? "LONG" : signal.action === "CLOSE_SHORT" ? "SHORT" : undefined;
    // A close is sized against what other orders do not close yet (the same count the risk manager uses).
    const working = position !== undefined && position.side === closes ? p.working.quantity(symbol, sideAgainst(position), p.cache.lastClose(symbol), p.equity()) : 0;
    const outcome = signalToRequest(signal, symbol, position, working);
    if ("skip" in outcome) return Promise.resolve({ status: "skipped", reason: outcome.skip });
    // A bad signal takes the path of a bad order: a rejected result and onOrderRejected; the engine goes on.
    if ("invalid" in outcome) return Promise.resolve(p.gateway.reject(outcome.request, "INVALID_ORDER", outcome.invalid, "engine"));
    return p.gateway.place(outcome.request, true);
  }

  cancelOrder(orderId: string): Promise<CancelResult> {
    return this.p.gateway.cancel(orderId);
  }

  cancelAllOrders(symbol?: string): Promise<Order[]> {
    return this.p.gateway.cancelAll(symbol);
  }

  positions(): readonly Position[] {
    return this.views.positions();
  }

  position(symbol?: string): Position | undefined {
    const key = symbol ?? this.p.currentBar?.symbol;
    return key === undefined ? undefined : this.views.position(key);
  }

  account(): Account {
    return this.views.account();
  }

  openOrders(symbol?: string): readonly Order[] {
    return this.views.openOrders(symbol);
  }

  trades(filter?: TradeFilter): Promise<Trade[]> {
    return this.p.trading.getTrades(filter);
  }
}
