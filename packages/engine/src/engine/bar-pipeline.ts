import {
  type Account, ArgoError, type Bar, BarCloser, type Fill, fillProblem, isArgoError, isSimulatedVenue, type Order, type Position, type SimulatedVenue,
  type TradingEvent, type TradingEventListener, type TradingProvider, toArgoError,
} from "@argo/core";
import { MarketCache } from "../cache/market-cache.ts";
import { Indicators } from "../indicators/indicators.ts";
import type { Journal } from "../journal/journal.ts";
import { CircuitBreaker } from "../risk/circuit-breaker.ts";
import type { RiskConfig } from "../risk/risk-config.ts";
import { RiskManager } from "../risk/risk-manager.ts";
import { EquitySteps, TradingStateMachine } from "../risk/trading-state.ts";
import { DAY_MS } from "../stats/stat-math.ts";
import type { AnyStrategy } from "../strategy/define-strategy.ts";
import type { Logger } from "../strategy/logger.ts";
import type { EngineMode } from "../strategy/strategy-context.ts";
import { StateStore } from "../strategy/strategy-state.ts";
import { AccountMirror } from "./account-mirror.ts";
import { BookedFills } from "./booked-fills.ts";
import { CallbackGuard, type EngineCallbacks } from "./callbacks.ts";
import { EngineContext } from "./engine-context.ts";
import { type EngineCounters, newCounters } from "./engine-counters.ts";
import { OrderGateway } from "./order-gateway.ts";
import { reactToStateChange } from "./react-to-state-change.ts";
import { VenueLink } from "./reconnect-resync.ts";
import { RefusedFills } from "./refused-fills.ts";
import { MalformedFillEvents } from "./malformed-fill-events.ts";
import { REPORTED_FILLS_KEPT, ReportedFills } from "./reported-fills.ts";
import { withStopGrace } from "./stop-grace.ts";
import { applyTradingEvent } from "./trading-events.ts";
import { StrategyRunner } from "./strategy-runner.ts";
import { StrategyTurns } from "./strategy-turns.ts";
import { WorkingOrders } from "./working-orders.ts";

/** What {@link BarPipeline.graced} resolves with when it gave up waiting. */
export const GAVE_UP = Symbol("gave up");

/** Everything a pipeline is built from; providers are already connected and the config validated. */
export interface PipelineOptions {
  strategy: AnyStrategy;
  strategyConfig: unknown;
  symbols: readonly string[];
  interval: string;
  mode: EngineMode;
  cacheSize: number;
  trading: TradingProvider;
  initial: { account: Account; positions: readonly Position[]; openOrders: readonly Order[] };
  risk: RiskConfig;
  callbacks: EngineCallbacks;
  logger: Logger;
  orderIdPrefix: string;
  /** Deadline of a venue's answer to an order call, in ms. */
  venueCallTimeoutMs: number;
  journal?: Journal;
  /** Engine clock before the first bar (epoch ms). */
  startTime: number;
  /** The session's stop: once it aborts, a strategy callback in progress has venueCallTimeoutMs to settle (see graced). */
  signal?: AbortSignal;
  /**
   * Subscribes the pipeline to the venue's events in place of `trading.on`: a session's start hands its StartEvents, so
   * the events that came during the start-up reads reach the pipeline first, in order (see start-events.ts).
   */
  events?: (listener: TradingEventListener) => () => void;
}

/**
 * The per-bar pipeline shared by the live and the backtest engine:
 * cache → journal → venue feed → indicators → onMarketData → risk state → strategy → orders → events → callbacks.
 * `processBar` stays synchronous (returns undefined) unless something asynchronous actually happened.
 */
export class BarPipeline {
  readonly cache: MarketCache;
  readonly indicators: Indicators;
  readonly mirror: AccountMirror;
  readonly stateMachine: TradingStateMachine;
  readonly gateway: OrderGateway;
  /** A network venue's link: back after a drop, what it sent meanwhile is asked for (see reconnect-resync.ts). */
  readonly link = new VenueLink();
  /** Orders working per symbol and side (open and in flight): closes and the risk limits count them. */
  readonly working: WorkingOrders;
  readonly guard: CallbackGuard;
  readonly counters: EngineCounters = newCounters();
  readonly state: StateStore;
  readonly trading: TradingProvider;
  readonly strategyName: string;
  readonly runner: StrategyRunner;
  /** Which turn of the strategy runs and which of its callbacks the engine waits for. */
  readonly turns: StrategyTurns;
  /**
   * The bar whose turn is running (venue, indicators, strategy, its orders' updates), undefined between bars, in init and
   * in onStop: what an order, a signal, `ctx.position()` or an indicator without a symbol defaults to. Between bars (an
   * update delivered in a drain, a timer) there is no such bar, and the last one to arrive may be another symbol's.
   */
  currentBar: Bar | undefined;
  /** The cache slot of {@link currentBar}; -1 when there is none. */
  currentSlot = -1;
  /** The newest bar processed (status displays); kept after its turn. */
  lastBar: Bar | undefined;
  /** The session's symbol when it trades just one: what a symbol defaults to when no bar's turn runs (see defaultSymbol). */
  private readonly onlySymbol: string | undefined;
  private readonly onlySlot: number;
  /**
   * Engine clock (ctx.time): the start time until the first bar, then the newest close time seen. It never goes back: a
   * bar arriving late (closing before a bar of another symbol already processed) leaves it where it is.
   */
  time: number;
  private readonly venue: SimulatedVenue | undefined;
  /** The session journal, when there is a session directory. */
  readonly journal: Journal | undefined;
  private readonly unsubscribe: () => void;
  private readonly closer = new BarCloser();
  /** When the equity limits judge: once per complete time step (see EquitySteps). */
  private readonly steps = new EquitySteps();
  /** Undefined for a simulator answering in the call: it sends each fill once, and no lookup ever finds one. */
  private readonly reportedFills: ReportedFills | undefined;
  /** Quantity booked per order: no order's fills may sum past its quantity (see noteFill). */
  readonly bookedFills = new BookedFills();
  /** Fills noteFill refused, left out of the orders the engine keeps, shows and records (see keptOrder). */
  private readonly refusedFills = new RefusedFills();
  /** Malformed fill events reported already: a repeat is not reported again. */
  readonly malformedFills = new MalformedFillEvents();
  private draining: Promise<void> | undefined;
  /** The UTC day a resumed session's start was judged in, until its first bar (see judgeInFirstBarsDay). */
  private startDay: number | undefined;
  /**
   * The step the journal's warm bars end in (resumeStep): its open, how many symbols' bars of it arrived, and the clock
   * its last judgement had (its close when complete, else the step before's: its open).
   */
  private resumedStep: { open: number; arrived: number; judgedAt: number } | undefined;
  private busy = false;
  private stopped = false;
  private started = false;
  /** Set once the venue clock was moved to the first bar's open (see feedVenue). */
  private venueClockStarted = false;

  constructor(readonly options: PipelineOptions) {
    this.trading = options.trading;
    this.strategyName = options.strategy.name;
    this.venue = isSimulatedVenue(options.trading) ? options.trading : undefined;
    this.journal = options.journal;
    this.time = options.startTime;
    this.cache = new MarketCache(options.cacheSize);
    for (const symbol of options.symbols) this.cache.slotOf(symbol);
    this.onlySymbol = options.symbols.length === 1 ? options.symbols[0] : undefined;
    this.onlySlot = this.onlySymbol === undefined ? -1 : this.cache.findSlot(this.onlySymbol);
    this.indicators = new Indicators(this);
    this.mirror = new AccountMirror(options.initial.account, options.initial.positions, options.initial.openOrders);
    // Resumed from a journal, the equity limits go on from the peak and the day's start the sessions before left.
    this.stateMachine = new TradingStateMachine(options.risk, this.mirror.equity(this.priceOf), options.journal?.loadRiskState());
    this.guard = new CallbackGuard(options.callbacks);
    this.turns = new StrategyTurns(options.mode === "backtest");
    const risk = new RiskManager(options.risk, (symbol, side, lastPrice, equity) => this.working.quantity(symbol, side, lastPrice, equity));
    this.gateway = new OrderGateway(this, risk, new CircuitBreaker(options.risk.circuitBreakerErrors), options.orderIdPrefix, options.venueCallTimeoutMs);
    this.working = new WorkingOrders(this.mirror, this.gateway.inFlight, this.gateway.awaitingCheck);
    this.state = new StateStore(options.journal?.loadState(this.strategyName));
    // A million-bar backtest would pay for remembering tens of thousands of fills it cannot hear twice.
    this.reportedFills = this.gateway.syncVenue === undefined ? new ReportedFills(options.journal?.recentFillKeys(REPORTED_FILLS_KEPT)) : undefined;
    this.runner = new StrategyRunner(this, options.strategy, new EngineContext(this, options.strategyConfig, options.logger, options.mode));
    // The open orders read at start are the states the mirror starts from: a venue re-sending them (IB re-sends
    // orderStatus after connect, often while the start still reads) brings no news for the strategy (see repeatsEvent).
    if (this.gateway.syncVenue === undefined) for (const order of options.initial.openOrders) this.mirror.stateTold(order);
    // Last: events held since before the start-up reads are applied here, to a pipeline complete but for them.
    this.unsubscribe = options.events ? options.events(this.onTradingEvent) : options.trading.on(this.onTradingEvent);
  }

  /** Warms the cache from journal bars, then runs the strategy's init (a failure is fatal: STRATEGY_INIT_FAILED). */
  async start(warmBars: readonly Bar[] = []): Promise<void> {
    // The strategy reads these through ctx.history() as it reads the bars to come (see processBar).
    for (const bar of warmBars) Object.freeze(bar);
    this.cache.warm(warmBars);
    this.resumeStep();
    this.busy = true;
    this.turns.begin();
    try {
      // Before init: a resumed session whose figures are past a limit must not trade until its first judged step.
      if (this.stateMachine.resumed && this.stateMachine.watchesEquity && (await this.graced(this.judgeAtStart())) === GAVE_UP) {
        throw this.options.signal!.reason;
      }
      // Every equity limit removed: a REDUCING the journal kept is lifted, and forgotten now as the README says (with no
      // limit watched, no judged step would ever write the marks again).
      if (this.stateMachine.resumed && !this.stateMachine.watchesEquity) this.keepMarks();
      // Stopped while init hangs: the run ends as aborted, without init, and so without onStop.
      if ((await this.graced(this.runner.init())) === GAVE_UP) throw this.options.signal!.reason;
      this.started = true;
      await this.graced(this.settle());
    } finally {
      this.busy = false;
      this.runner.endTurn();
    }
  }

  /**
   * Takes up the time step the warm bars end in: stopped between two symbols' bars of one step, the session must judge
   * that step before the turn of its last bar, as an uninterrupted one does (counting from nothing, it would wait for a
   * bar of the next step and let an entry through the turn a drawdown limit should have stopped).
   */
  private resumeStep(): void {
    const series = this.cache.series;
    let newest: Bar | undefined;
    for (const s of series) {
      const last = s.last();
      if (last !== undefined && (newest === undefined || last.openTime > newest.openTime)) newest = last;
    }
    if (newest === undefined) return;
    let arrived = 0;
    for (const s of series) if (s.lastOpenTime === newest.openTime) arrived++;
    const closeTime = this.closer.closeTime(newest.openTime, newest.interval);
    this.resumedStep = { open: newest.openTime, arrived, judgedAt: arrived >= series.length ? closeTime : newest.openTime };
    this.steps.resume(newest.openTime, closeTime, arrived, series.length);
    // The equity the limits started from marked some symbols at that step's close and others at the one before.
    if (arrived < series.length) this.stateMachine.resumedMidStep();
  }

  /** Runs one bar through the pipeline; returns a promise only when something asynchronous has to finish first. */
  processBar(bar: Bar): Promise<void> | undefined {
    if (this.draining !== undefined) return this.afterDrain(bar);
    const slot = this.cache.slotOf(bar.symbol);
    const series = this.cache.series[slot]!;
    if (bar.openTime <= series.lastOpenTime) {
      this.counters.staleBars++;
      return undefined;
    }
    const closeTime = this.closer.closeTime(bar.openTime, bar.interval);
    if (this.startDay !== undefined && this.judgeInFirstBarsDay(bar.openTime, closeTime)) return this.processBar(bar);
    if (this.stateMachine.watchesEquity && this.judgeEarlierStep(bar.openTime, closeTime)) return this.processBar(bar);
    // One object goes to the cache, the journal, the venue and onBar: frozen, a strategy's write throws (its error) rather
    // than change the risk checks' prices, the journal's bars or the caller's data.
    Object.freeze(bar);
    series.push(bar);
    this.journal?.bar(bar);
    // Never back: a late bar of one symbol (closing before another's bar already processed) is processed, but the clock
    // stays at the newest close seen. The first bar sets it whatever the start time was (the wall clock, in a live session).
    if (closeTime > this.time || this.lastBar === undefined) this.time = closeTime;
    this.currentBar = bar;
    this.currentSlot = slot;
    this.lastBar = bar;
    this.busy = true;
    this.turns.token = bar;
    if (this.venue !== undefined) this.feedVenue(bar);
    if (this.indicators.size !== 0) this.indicators.update(slot, bar);
    this.counters.bars++;
    this.guard.marketData(bar);
    if (this.stateMachine.watchesEquity && this.steps.complete(bar.openTime, this.cache.series.length)) this.checkEquity(this.time);
    // The strategy reads positions and the account without a venue call: what its latest fill has not reached yet is read first.
    else if (!this.mirror.confirmed && this.stateMachine.state !== "HALTED") this.gateway.pending.push(this.confirmEquity());
    // Placements whose outcome stayed unknown are asked about again (until settled they block closes of their position),
    // so are orders whose lookup failed; then a halt's closes are topped up (see OrderGateway.followUp).
    if (this.gateway.followUpsDue) this.gateway.pending.push(this.gateway.followUp());
    // Order updates, and the equity check's venue reads or the halt's cancel-all, come before the strategy's turn.
    if (this.runner.updates.length !== 0 || this.gateway.pending.length !== 0) return this.finishBarAsync(bar, undefined, false);
    const result = this.runner.onBar(bar);
    if (result !== undefined) return this.finishBarAsync(bar, result, true);
    if (this.gateway.pending.length !== 0 || this.runner.updates.length !== 0) return this.finishBarAsync(bar, undefined, true);
    this.endBar();
    return undefined;
  }

  /**
   * Processes `bar` once the drain running now is over. A drain a stop gave up on (see graced) is never over: its bar is
   * dropped with it, rather than processed during the stop, or asked to wait for that drain again without end.
   */
  private afterDrain(bar: Bar): Promise<void> {
    const epoch = this.turns.epoch;
    return this.draining!.then(() => (this.turns.epoch === epoch ? this.processBar(bar) : undefined));
  }

  /** A non-fatal error the market data stream survived. */
  streamError(error: ArgoError): void {
    this.counters.streamErrors++;
    this.reportError(error);
  }

  /** Reports a non-fatal error through onError. */
  reportError(error: unknown): void {
    this.counters.errors++;
    this.guard.error(error);
  }

  /** Equity marked at the newest closes. */
  equity(): number {
    return this.mirror.equity(this.priceOf);
  }

  /** Records an order state from a provider answer (events carry the same, whichever comes first wins only if newer). */
  noteOrder(order: Order): void {
    const kept = this.refusedFills.kept(order);
    if (this.mirror.applyOrder(kept)) this.journal?.order(kept);
  }

  /**
   * `order` as the engine keeps, shows and records it: without the fills noteFill refused (itself when none was). What
   * the mirror, the journal, the strategy and the callbacks get of a venue's order goes through here.
   */
  keptOrder(order: Order): Order {
    return this.refusedFills.kept(order);
  }

  /**
   * Notes each fill `order` lists (noteFill skips those booked), without those refused already: each was reported once,
   * when first refused, and a repeat, an answer or a lookup listing it again must not report it again. `own`: the fill
   * an event brought, noted as it came in place of its listed copy.
   */
  noteListedFills(order: Order, own?: Fill): void {
    for (const fill of this.keptOrder(order).fills) this.noteFill(own !== undefined && fill.id === own.id ? own : fill, order);
  }

  /**
   * Records and reports a fill (from an event, or found by asking the venue about an order), once: a fill this session or
   * the journal's earlier ones already hold is a repeat (a lookup and a late event, a broker re-sending executions).
   * Every fill passes here, so here it is checked: one its order cannot have had (malformed, another symbol or side, or
   * past the order's quantity) is reported as INVALID_DATA and skipped: not counted, journaled, nor given to the strategy.
   */
  noteFill(fill: Fill, order: Order): void {
    const problem = fillProblem(fill, order);
    if (problem !== undefined) return this.refuseFill(fill, order, problem, true);
    if (this.reportedFills?.first(fill) === false) return;
    const past = this.bookedFills.book(fill, order);
    if (past !== undefined) return this.refuseFill(fill, order, past, false);
    // A simulator sends the position event in the same call as the fill: only a venue across a network leaves a gap.
    if (this.gateway.syncVenue === undefined) this.mirror.fillNoted(fill.symbol, fill.time);
    this.counters.fills++;
    this.journal?.fill(fill);
    this.guard.call("onOrderFilled", fill, this.refusedFills.kept(order));
  }

  /**
   * Reports a fill noteFill will not book, naming its order (ours) and what is wrong (numbers only: see fillProblem), and
   * takes it out of the order's states the engine holds: they were taken before their fills were judged.
   */
  private refuseFill(fill: Fill, order: Order, problem: string, malformed: boolean): void {
    this.refusedFills.refuse(fill, order, malformed);
    this.dropRefused(order);
    const venue = this.trading.name;
    const id = order.clientOrderId;
    this.reportError(new ArgoError("INVALID_DATA", `${venue} reported a fill of order ${id} that ${problem}; the fill was not booked`, {
      provider: venue,
      details: { clientOrderId: id },
    }));
  }

  /**
   * The order's newest state (the mirror's; else the one the fill came with: a restart's lookup, an order ended long ago)
   * kept and recorded again without the fill just refused, and the updates still queued for the strategy likewise. The
   * journal's record is coalesced, so the state written lists only booked fills; a restart books from it (BookedFills.replay).
   * An order the mirror does not hold that the journal records as ended is not recorded again: the state the fill came
   * with is then an old one replayed (a restart's backlog), and its final record already lists only booked fills.
   */
  private dropRefused(order: Order): void {
    const id = order.clientOrderId;
    const held = this.mirror.orders.get(id);
    const newest = held ?? order;
    const kept = this.refusedFills.kept(newest);
    if (kept !== newest) {
      if (held !== undefined) this.mirror.applyOrder(kept);
      const journal = this.journal;
      if (journal !== undefined && (held !== undefined || !journal.endedOrder(id))) journal.order(kept);
    }
    const updates = this.runner.updates;
    for (let i = 0; i < updates.length; i++) if (updates[i]!.clientOrderId === id) updates[i] = this.refusedFills.kept(updates[i]!);
  }

  /** Moves to HALTED (if not already): cancels every open order and, if configured, closes every position. */
  halt(reason: string): void {
    const change = this.stateMachine.halt(reason, this.time);
    if (change) reactToStateChange(this, change);
  }

  /**
   * Waits for every order call and strategy order update still in flight. Updates that keep triggering new orders are cut
   * off by the strategy runner's budget per turn (see StrategyRunner.deliverUpdates), whatever the venue.
   */
  async settle(): Promise<void> {
    const epoch = this.turns.epoch;
    while (this.gateway.pending.length !== 0 || this.runner.updates.length !== 0) {
      if (this.gateway.pending.length !== 0) {
        const batch = this.gateway.pending;
        this.gateway.pending = [];
        // Gateway promises never reject, so waiting for each in turn is waiting for all, without Promise.all's allocations.
        for (let i = 0; i < batch.length; i++) await batch[i];
      }
      if (this.runner.updates.length !== 0) await this.runner.deliverUpdates();
      // A stop gave up waiting for this settle: what is left is the stop's own settle's to do.
      if (this.turns.epoch !== epoch) return;
    }
  }

  /**
   * The symbol an order, a signal, `ctx.position()` or an indicator without one defaults to: the bar whose turn runs,
   * else, in a session of one symbol, that symbol (in init, onStop, between bars there is no doubt which one is meant);
   * with several symbols and no bar, none: the last bar to arrive may be another symbol's.
   */
  get defaultSymbol(): string | undefined {
    return this.currentBar === undefined ? this.onlySymbol : this.currentBar.symbol;
  }

  /** The cache slot of {@link defaultSymbol}; -1 when there is none. */
  get defaultSlot(): number {
    return this.currentSlot >= 0 ? this.currentSlot : this.onlySlot;
  }

  /** Whether a turn of the strategy runs: init, a bar's turn, a drain of order updates between bars, or the stop. */
  get running(): boolean {
    return this.busy;
  }

  /** Whether the run has ended: venue answers that come later are no longer recorded (the next start asks about them). */
  get finished(): boolean {
    return this.stopped;
  }

  /**
   * Ends the run: strategy onStop, optional cancel of open orders, last journal writes. Idempotent. Once the session's
   * signal has aborted, each wait for strategy code (a drain, onStop, the order updates) lasts at most the grace.
   */
  async finish(cancelOpenOrders: boolean): Promise<void> {
    if (this.stopped) return;
    this.gateway.stopping = true;
    if (this.draining !== undefined) await this.graced(this.draining);
    // The stop's own turn: no bar (a turn given up on may have left its own), and a context of its own (see StrategyTurns).
    this.currentBar = undefined;
    this.currentSlot = -1;
    this.turns.begin();
    this.busy = true;
    try {
      // A backtest's data is over: its last step is as complete as it gets, and its equity is recorded so (RunRecorder).
      const lastStep = this.options.mode === "backtest" && this.stateMachine.watchesEquity ? this.steps.takeUnjudged() : undefined;
      if (lastStep !== undefined) this.checkEquity(lastStep);
      await this.graced(this.settle());
      if (this.started) await this.graced(this.runner.stop()); // no onStop for a strategy whose init failed
      await this.graced(this.settle());
      // From here the strategy's placements are refused: those it makes on hearing of the cancels below would stay working.
      this.gateway.gate.phase = "stopping";
      // Those due are asked about once more, so the journal and the result record their fate rather than leave it to the next start.
      if (this.gateway.unresolved.size !== 0) await this.gateway.unresolved.lookUpDue();
      // So are orders whose lookups failed (still held working) and orders held final short of their fills: no later bar
      // or reconnect asks in this session. Before the cancels and the end reads: an order found filled is not cancelled,
      // and the position and account its fill changed are read (see below).
      if (await this.gateway.lookUpAtStop()) await this.graced(this.settle());
      if (cancelOpenOrders && this.mirror.openOrdersById.size + this.gateway.inFlight.size > 0) {
        await this.gateway.cancelAll();
        await this.graced(this.settle());
      }
      // A fill heard after the last bar without its position and account events (or while HALTED, when the bars' reads
      // stop): the result and the journal's end would state a position and cash the venue no longer has. Not when the
      // venue's latest calls failed: a stop must not wait a call deadline on a venue that is down.
      if (!this.mirror.confirmed && !this.gateway.venueFailing) await this.graced(this.confirmEquity());
    } finally {
      this.stopped = true;
      this.gateway.gate.phase = "ended";
      this.unsubscribe();
      this.persistState();
      // Set later, a value would be kept for get() but never saved: the next session would read an older one.
      this.state.end();
    }
  }

  /**
   * Waits for `work` (a bar's turn, a drain, a strategy callback); once the session's signal has aborted, for at most
   * venueCallTimeoutMs: a strategy promise that never settles (a forgotten resolve, a fetch without a timeout) must not
   * keep a stop from stopping, nor the cancels on stop and the journal's close from happening. Resolves {@link GAVE_UP}
   * when the wait gave up (reported, naming the strategy callback in progress; that turn's work stops at its next
   * await), else when `work` settled; rejects as `work` does. No timer exists before the signal aborts.
   */
  graced(work: PromiseLike<unknown>): PromiseLike<unknown> {
    const signal = this.options.signal;
    // Without a signal nothing can stop the run: `work` is waited for as it is, in as many steps as before.
    if (signal === undefined) return work;
    return withStopGrace(work, signal, this.options.venueCallTimeoutMs, () => this.gateway.waitsOnVenue).then((settled) => settled || this.gaveUp());
  }

  /** Reports a wait graced() gave up, naming the strategy callback in progress; the work of that turn stops at its next await. */
  private gaveUp(): typeof GAVE_UP {
    const graceMs = this.options.venueCallTimeoutMs;
    const { callback, bar } = this.turns;
    this.turns.epoch++;
    this.turns.waited();
    // A given-up onStop is the strategy's last word: what it does from now on must not reach the venue (the cancels on
    // stop settle the session's orders). After another callback, onStop still runs and may place orders.
    if (callback === "onStop" && this.gateway.gate.phase !== "ended") this.gateway.gate.phase = "stopping";
    // A drain given up on never ends (see endDrain): the stop neither waits for it again nor takes it for one running.
    this.draining = undefined;
    if (callback !== undefined) this.runner.notSettled(callback, bar, graceMs);
    else this.reportError(new ArgoError("CONNECTION_LOST", `the run did not settle within ${graceMs} ms of the stop (no strategy callback was in progress: a provider that does not answer); stopping without it`, { details: { graceMs } }));
    return GAVE_UP;
  }

  private async finishBarAsync(bar: Bar, onBarResult: PromiseLike<unknown> | undefined, onBarCalled: boolean): Promise<void> {
    const turns = this.turns;
    const epoch = turns.epoch;
    try {
      if (!onBarCalled) {
        if (this.gateway.pending.length !== 0) await this.settle();
        await this.runner.deliverUpdates();
        if (turns.epoch !== epoch) return;
        onBarResult = this.runner.onBar(bar);
      }
      if (onBarResult !== undefined) {
        turns.waitFor("onBar", bar, this.runner.awaitedTagged);
        try {
          await onBarResult;
        } catch (error) {
          this.runner.failed(error, bar);
        }
        // A stop gave up waiting for this turn: the rest of it is no longer the run's.
        if (turns.epoch !== epoch) return;
        turns.waited();
      }
      // Most bars of an async strategy place nothing: no settle round (and its promises) for them.
      if (this.gateway.pending.length !== 0 || this.runner.updates.length !== 0) await this.settle();
    } finally {
      // A turn given up on must not end the turns that came after it (the stop's own, see graced).
      if (turns.epoch === epoch) this.endBar();
    }
  }

  private endBar(): void {
    this.busy = false;
    // The turn is over: an order without a symbol from now until the next bar has no bar to default to.
    this.currentBar = undefined;
    this.currentSlot = -1;
    this.runner.endTurn();
    this.flushJournal();
  }

  /** Writes what the journal holds when its batch is due; after a bar and after orders or fills that came between bars. */
  private flushJournal(): void {
    if (this.journal === undefined) return;
    this.recordState();
    try {
      this.journal.maybeFlush();
    } catch (error) {
      // A refused record keeps its INVALID_DATA; anything else (disk full, locked) is the engine's INTERNAL problem.
      const code = isArgoError(error, "INVALID_DATA") ? "INVALID_DATA" : "INTERNAL";
      this.reportError(new ArgoError(code, `session journal write failed: ${(error as Error).message}`, { cause: error }));
    }
  }

  private feedVenue(bar: Bar): void {
    try {
      if (!this.venueClockStarted) {
        // A live session's venue has no time before its first bar: its clock starts at that bar's open, where the orders
        // placed in init meet the market (paper dates a DAY order placed before then with that day), not at its close.
        this.venueClockStarted = true;
        this.venue!.setTime(bar.openTime);
      }
      this.venue!.setTime(this.time);
      this.venue!.processBar(bar);
    } catch (error) {
      this.reportError(toArgoError(error, "INTERNAL", this.trading.name));
    }
  }

  /**
   * Feeds the equity to the risk limits. With a fill the venue has not followed with its position (or account) event yet,
   * the cash holds the fill and the position does not (or the reverse): a limit would trip, or a peak be set, on a figure
   * that never was. Those positions and the account are read from the venue first; when it cannot say, the limits wait
   * for a figure that can be trusted (a venue that keeps failing halts through the circuit breaker, which counts those reads).
   */
  private checkEquity(time: number): void {
    if (this.stateMachine.state === "HALTED") return; // final: no limit left to judge, no read worth a venue call
    if (this.mirror.confirmed) this.evaluateEquity(time);
    else this.gateway.pending.push(this.confirmEquity().then((known) => known && this.evaluateEquity(time)));
  }

  /**
   * A bar of a later time completes the step before it when that step's own bars did not (a symbol had none): it is
   * judged now, on the marks it left, before this bar moves one. True when that has to be waited for first (a venue
   * read, a halt's cancels and closes): a drain between bars then runs it, and the bar waits for the drain.
   */
  private judgeEarlierStep(openTime: number, closeTime: number): boolean {
    const time = this.steps.begin(openTime, closeTime);
    if (time === undefined) return false;
    // Busy: what the judgement sets off (a halt's cancels) waits for the drain below rather than scheduling one.
    this.busy = true;
    this.checkEquity(time);
    return this.drainBeforeBar();
  }

  /**
   * A resumed session judged at its start on a clock in another UTC day than its first bar's (a live engine replaying
   * recorded bars starts on the wall clock): judged again in that bar's day, before the bar reaches the venue or any
   * turn, with the equity still at the journal's closes. Otherwise a daily loss (or a REDUCING kept for that day) would
   * wait for the first complete step: with several symbols, after the turns of its earlier bars, which would trade
   * ACTIVE what the uninterrupted session refused. Judged at the clock of the journal's last judged step, the state the
   * uninterrupted session holds until this bar's step is judged (a bar closing at midnight must not open the next day
   * before its step does: the day's REDUCING or halt would be lifted for the turns before it), unless this bar completes
   * its step (one symbol, or the last a mid-step resume waited for): judged before its turn then, at its close. True when
   * a drain must end before the bar goes on (see drainBeforeBar).
   */
  private judgeInFirstBarsDay(openTime: number, closeTime: number): boolean {
    const day = this.startDay;
    this.startDay = undefined;
    const step = this.resumedStep;
    const completes = this.cache.series.length === 1 || (step !== undefined && openTime === step.open && step.arrived + 1 >= this.cache.series.length);
    const at = completes || step === undefined ? closeTime : Math.min(closeTime, step.judgedAt);
    if (Math.floor(at / DAY_MS) === day) return false;
    this.busy = true;
    const judge = () => {
      const change = this.stateMachine.judgeAtStart(this.equity(), at);
      this.keepMarks();
      if (change !== undefined) reactToStateChange(this, change);
    };
    // A fill heard since the start that the venue has not confirmed: read first, as the start did (see judgeAtStart);
    // when it cannot be read, the first judged step judges the figures.
    if (this.mirror.confirmed) judge();
    else this.gateway.pending.push(this.confirmEquity().then((confirmed) => (confirmed ? judge() : undefined)));
    return this.drainBeforeBar();
  }

  /** After a judgement before a bar: false when it set nothing off; else a drain of it starts, and true. */
  private drainBeforeBar(): boolean {
    if (this.gateway.pending.length === 0 && this.runner.updates.length === 0) {
      this.busy = false;
      return false;
    }
    this.turns.begin();
    const epoch = this.turns.epoch;
    this.draining = this.settle().finally(() => {
      if (this.turns.epoch === epoch) this.endDrain();
    });
    return true;
  }

  /** Reads what the venue's events have not confirmed since the latest fills: positions first, then the account; false when one could not be read. */
  private async confirmEquity(): Promise<boolean> {
    const positionsRead = !this.mirror.positionsConfirmed;
    const unknown = await this.gateway.reads.positions();
    if (unknown.size !== 0) return false;
    // A position read may already hold fills whose events (the account's with them) are still on their way: the cash an
    // earlier account event confirmed would then be from before them, and equity a figure that never was. So the account
    // is read after any position read, to take both from the venue at about one moment.
    if (positionsRead) this.mirror.accountNeedsRead();
    return this.mirror.accountConfirmed || (await this.gateway.reads.account()) === undefined;
  }

  private evaluateEquity(time: number): void {
    const change = this.stateMachine.update(this.equity(), time);
    // The peak and the day's start outlive the session: a restart must not forget the day's loss.
    this.keepMarks();
    if (change !== undefined) reactToStateChange(this, change);
  }

  /**
   * Judges a resumed session's equity at start against the journal's marks (see TradingStateMachine.judgeAtStart), with
   * what the venue reports (read again when a fill reconciled at start left it unconfirmed), and waits for what a halt
   * sets off (the cancel-all, the closes). The warm bars are in the cache: positions are marked at their last closes.
   */
  private async judgeAtStart(): Promise<void> {
    if (!this.mirror.confirmed && !(await this.confirmEquity())) return; // the first judged step judges it
    const change = this.stateMachine.judgeAtStart(this.equity(), this.time);
    // Judged in this UTC day: a first bar of another day is judged again in its own (see judgeInFirstBarsDay).
    this.startDay = Math.floor(this.time / DAY_MS);
    this.keepMarks();
    if (change !== undefined) reactToStateChange(this, change);
    await this.settle();
  }

  /** Hands the equity limits' marks to the journal when they moved (a new peak, a new day, a limit reached or lifted). */
  private keepMarks(): void {
    const journal = this.journal;
    if (journal === undefined) return;
    const marks = this.stateMachine.takeMarks();
    if (marks !== undefined) journal.riskState(marks);
  }

  /** Hands the strategy state's changes to the journal's buffer (written with its next flush, or with an order sent). */
  recordState(): void {
    if (this.state.hasChanges) this.persistState();
  }

  private persistState(): void {
    if (this.journal === undefined) return;
    for (const [key, value] of this.state.takeChanges()) {
      try {
        this.journal.state(this.strategyName, key, value === undefined ? undefined : JSON.stringify(value));
      } catch (error) {
        this.reportError(new ArgoError("STRATEGY_ERROR", `state "${key}" is not JSON-serialisable: ${(error as Error).message}`));
      }
    }
  }

  private readonly priceOf = (symbol: string): number => this.cache.lastClose(symbol);

  private readonly onTradingEvent = (event: TradingEvent): void => {
    const queued = applyTradingEvent(this, event);
    // Between bars, an order or fill is written at once, whether or not the strategy hears of it (onOrderUpdate).
    if (!this.busy && (queued || event.type === "fill" || event.type === "order")) this.scheduleDrain();
  };

  /**
   * An order state a lookup found (a cancel refused as already filled, a gap in the venue's events): applied as the
   * venue's own event would be, with the fills it lists, the journal, the callbacks and the strategy's update.
   */
  heardOrder(order: Order): void {
    this.onTradingEvent({ type: "order", order });
  }

  /** Events that arrive between bars (a live venue) reach the strategy at once rather than with the next bar. */
  private scheduleDrain(): void {
    if (this.draining !== undefined || this.stopped) return;
    this.draining = Promise.resolve().then(async () => {
      this.busy = true;
      this.turns.begin();
      const epoch = this.turns.epoch;
      try {
        await this.settle();
      } finally {
        // A drain given up on by a stop (see finish) must not end the stop's own turn.
        if (this.turns.epoch === epoch) this.endDrain();
      }
    });
  }

  /** Ends a drain of order updates between bars. */
  private endDrain(): void {
    this.busy = false;
    this.runner.endTurn();
    this.draining = undefined;
    // On a 1h or 1d stream the next bar may be far away: orders and fills must not wait for it to be written.
    this.flushJournal();
  }
}
