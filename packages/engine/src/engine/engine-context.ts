import type { Account, ArgoError, Bar, Order, OrderRequest, OrderSide, Position, Trade, TradeFilter } from "@argo/core";
import type { BarHistory } from "../cache/bar-series.ts";
import type { Indicators } from "../indicators/indicators.ts";
import type { TradingState } from "../risk/trading-state.ts";
import { sideAgainst, workingEstimated } from "../risk/working-quantity.ts";
import type { Logger } from "../strategy/logger.ts";
import { type Signal, signalOrder, signalToRequest } from "../strategy/signal.ts";
import type { CancelResult, EngineMode, OrderInput, OrderResult, StrategyContext } from "../strategy/strategy-context.ts";
import { shown } from "../strategy/shown-value.ts";
import type { StrategyState } from "../strategy/strategy-state.ts";
import type { BarPipeline } from "./bar-pipeline.ts";
import { boundedVenueCall } from "./bounded-venue-call.ts";
import { CloseLotSteps } from "./close-lot-steps.ts";
import { frozenCopy } from "./frozen-copy.ts";
import { requestsOf } from "./pending-ids.ts";
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
  /** The lot steps closes beside estimated orders are rounded to, made by the first such close. */
  private closeLots: CloseLotSteps | undefined;

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

  /** The newest bar close processed (the start time before the first bar); never goes back, see BarPipeline.time. */
  get time(): number {
    return this.p.time;
  }

  get tradingState(): TradingState {
    return this.p.stateMachine.state;
  }

  history(symbol?: string): BarHistory {
    const p = this.p;
    if (symbol !== undefined) return p.cache.history(symbol);
    // No symbol: the default one's (see BarPipeline.defaultSymbol); with several symbols and no bar, none (empty), as a
    // position or an indicator without a symbol is then none, rather than whichever symbol is listed first.
    const slot = p.defaultSlot;
    return slot >= 0 ? p.cache.series[slot]! : p.cache.history("");
  }

  placeOrder(order: OrderInput): Promise<OrderResult> {
    // Checked before anything reads a field: these calls resolve with the outcome and never throw.
    if (typeof order !== "object" || order === null) return Promise.resolve(this.notAnObject("an order", order));
    return this.p.gateway.place(order);
  }

  signal(signal: Signal): Promise<OrderResult> {
    const p = this.p;
    if (typeof signal !== "object" || signal === null) return Promise.resolve(this.notAnObject("a signal", signal));
    // Refused as a placement would be (the session stopping or over, a backtest's call outside a callback), before a
    // missing symbol is skipped or a venue read sizes a close.
    if (!p.gateway.admitsStrategyOrders) return Promise.resolve(p.gateway.refusedByGate(signalOrder(signal, signal.symbol ?? p.defaultSymbol ?? "")));
    const symbol = signal.symbol ?? p.defaultSymbol;
    if (symbol === undefined) return Promise.resolve({ status: "skipped", reason: "a signal needs a symbol (none given and no bar is being processed)" });
    const closing = signal.action === "CLOSE_LONG" || signal.action === "CLOSE_SHORT";
    if (closing && !p.mirror.positionConfirmed(symbol)) {
      // A fill the venue has not followed with its position event yet: sized against the position before it, the close
      // would sell what that fill already sold. The venue is asked first; when it cannot say, nothing is sent.
      return p.gateway.reads.position(symbol).then((failure) => (failure === undefined ? this.sized(signal, symbol) : this.unconfirmed(signal, symbol, failure)));
    }
    return this.sized(signal, symbol);
  }

  /**
   * The order a signal stands for, sized against the mirror's position, placed (or why not). `answered`: the lot step
   * the venue's answer gave this close after a wait (0 for none, a failure or a missed deadline): used, never asked again.
   */
  private sized(signal: Signal, symbol: string, answered?: number): Promise<OrderResult> {
    const p = this.p;
    const position = p.mirror.positionsBySymbol.get(symbol);
    const closes = signal.action === "CLOSE_LONG" ? "LONG" : signal.action === "CLOSE_SHORT" ? "SHORT" : undefined;
    // A close is sized against what other orders do not close yet (the same count the risk manager uses).
    const working = position !== undefined && position.side === closes ? p.working.quantity(symbol, sideAgainst(position), p.cache.lastClose(symbol), p.equity()) : 0;
    // What an order sized at its fill leaves is an estimate off the venue's lot grid, which would refuse the whole close:
    // rounded down to the venue's step. A venue answering later is waited for, then the close is sized afresh with what
    // it answered: a failure or a missed deadline is forgotten (the next close asks again), so asking again here would
    // ask, and wait, forever.
    let lotStep: number | undefined;
    if (working > 0 && this.estimated(symbol, sideAgainst(position!))) {
      const step = answered ?? (this.closeLots ??= new CloseLotSteps(p.trading, p.options.venueCallTimeoutMs)).step(symbol);
      if (typeof step !== "number") return step.then((known) => this.sized(signal, symbol, known));
      lotStep = step;
    }
    const outcome = signalToRequest(signal, symbol, position, working, lotStep);
    if ("skip" in outcome) return Promise.resolve({ status: "skipped", reason: outcome.skip });
    // A bad signal takes the path of a bad order: a rejected result and onOrderRejected; the engine goes on.
    if ("invalid" in outcome) return Promise.resolve(p.gateway.reject(outcome.request, "INVALID_ORDER", outcome.invalid, "engine"));
    return p.gateway.place(outcome.request, true);
  }

  /** Whether the orders working on `side` of `symbol` hold an estimate (see workingEstimated). */
  private estimated(symbol: string, side: OrderSide): boolean {
    const p = this.p;
    const open = p.mirror.openOrdersOf(symbol);
    return workingEstimated(symbol, side, open?.values(), requestsOf(p.gateway.inFlight, p.gateway.awaitingCheck));
  }

  /** An order or signal that is no object, refused as INVALID_ORDER; the request holds the one thing known, the bar's symbol. */
  private notAnObject(what: string, given: unknown): OrderResult {
    const request = { symbol: this.p.defaultSymbol ?? "" } as OrderRequest;
    return this.p.gateway.reject(request, "INVALID_ORDER", `${what} must be an object, got ${shown(given)}`, "engine");
  }

  /** A close not sent because the venue could not confirm the position after a fill: rejected with the venue's failure. */
  private unconfirmed(signal: Signal, symbol: string, failure: ArgoError): OrderResult {
    const side = signal.action === "CLOSE_LONG" ? "SELL" : "BUY";
    const request: OrderRequest = { symbol, side, type: signal.type ?? "MARKET", reason: signal.reason ?? signal.action };
    if (signal.quantity !== undefined) request.quantity = signal.quantity;
    const reason = `${signal.action}: the position in ${symbol} could not be confirmed after its latest fill (${failure.message}); not sent, so as not to close what that fill already closed`;
    return this.p.gateway.reject(request, failure.code, reason, "engine");
  }

  cancelOrder(orderId: string): Promise<CancelResult> {
    return this.p.gateway.cancel(orderId);
  }

  cancelAllOrders(symbol?: string): Promise<Order[]> {
    // Copies, as every order the strategy is handed: the engine's records stay the engine's.
    return this.p.gateway.strategyCancelAll(symbol).then((orders) => orders.map(frozenCopy));
  }

  positions(): readonly Position[] {
    return this.views.positions();
  }

  position(symbol?: string): Position | undefined {
    const key = symbol ?? this.p.defaultSymbol;
    return key === undefined ? undefined : this.views.position(key);
  }

  account(): Account {
    return this.views.account();
  }

  openOrders(symbol?: string): readonly Order[] {
    return this.views.openOrders(symbol);
  }

  trades(filter?: TradeFilter): Promise<Trade[]> {
    const p = this.p;
    // Bounded like every venue call: a venue that never answers must not hold the strategy's turn, and a stop, forever.
    return boundedVenueCall(() => p.trading.getTrades(filter), p.options.venueCallTimeoutMs, p.trading.name, "trades read");
  }
}
