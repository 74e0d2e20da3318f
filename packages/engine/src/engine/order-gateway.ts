import { ArgoError, type ErrorCode, isArgoError, isSimulatedVenue, isTerminalStatus, type Order, type OrderRequest, type SimulatedVenue, toArgoError } from "@argo/core";
import { type CircuitBreaker, isProviderFailure } from "../risk/circuit-breaker.ts";
import { HALTED_REFUSAL, type RiskManager, type RiskView } from "../risk/risk-manager.ts";
import { openOrderCount } from "../risk/working-quantity.ts";
import { sizingProblem } from "../strategy/sizing.ts";
import { shown } from "../strategy/shown-value.ts";
import { unknownOrderField } from "../strategy/unknown-fields.ts";
import type { CancelResult, OrderInput, OrderResult } from "../strategy/strategy-context.ts";
import { FINISHED_ORDERS_KEPT } from "./account-mirror.ts";
import type { BarPipeline } from "./bar-pipeline.ts";
import { ClientIds, clientIdShapeProblem } from "./client-ids.ts";
import { RecentIds } from "./eviction-ring.ts";
import { frozenCopy } from "./frozen-copy.ts";
import { HaltCloseIds } from "./halt-close-ids.ts";
import { ConfirmingReads } from "./confirming-reads.ts";
import { isOrderLike, malformedAnswer, malformedPlacementReport } from "./order-answer.ts";
import { placedResult } from "./placed-result.ts";
import { PendingIds, requestsOf } from "./pending-ids.ts";
import { pendingOrder } from "./pending-order.ts";
import { ENDED_REASON, StrategyOrderGate } from "./strategy-order-gate.ts";
import type { OrderRejection } from "./callbacks.ts";
import { UnresolvedPlacements } from "./unresolved-placements.ts";
import { LOOKUP_ATTEMPTS, LookupRetries } from "./lookup-retries.ts";
import { HaltCloseRounds } from "./halt-close-rounds.ts";
import { ignoreLate, isTimedOut, mayStillLand, withDeadline } from "./venue-deadline.ts";

/**
 * The path of an order from the strategy to the venue: engine checks, risk, provider, and the
 * bookkeeping of the outcome. Every promise it hands out resolves (never rejects) and is tracked,
 * so the engine can wait for all of them before the next bar reaches the venue.
 */
export class OrderGateway {
  /** Provider calls not yet settled. */
  pending: Array<Promise<unknown>> = [];
  /** Client ids of orders sent but not yet seen in an answer or event (they count as open for maxOpenOrders). */
  readonly inFlight = new PendingIds();
  /** Orders waiting for their risk check (a venue read after a fill, see place): they work as far as others can tell. */
  readonly awaitingCheck = new PendingIds();
  /** The venue when it can place synchronously (a simulator), else undefined. */
  readonly syncVenue: SimulatedVenue | undefined;
  /**
   * Client ids of the last {@link FINISHED_ORDERS_KEPT} venue rejections already reported, so a venue that both throws
   * and emits a REJECTED event reports once. Bounded like the mirror's finished orders: the two reports of one order come
   * close together, so a long session need not remember every rejection it ever had.
   */
  private readonly reportedRejections = new RecentIds(FINISHED_ORDERS_KEPT);
  private readonly view: RiskView = { state: "ACTIVE", position: undefined, lastPrice: Number.NaN, equity: Number.NaN, openOrders: 0 };
  private readonly ids: ClientIds;
  /** Placements whose outcome is unknown (the venue may hold them): in flight until an event, a late answer or a lookup settles them. */
  readonly unresolved: UnresolvedPlacements;
  /** Placements in flight when the engine halted: cancelled once the venue shows them open (see afterHalt). */
  private readonly cancelOnArrival = new Set<string>();
  /** Set as the session's stop begins (see BarPipeline.finish): a venue failing from then on halts nothing. */
  stopping = false;
  /** The closes sent on halt: not the strategy's to cancel (see HaltCloseIds). */
  private readonly haltCloses = new HaltCloseIds();
  /** Lookups of orders held working on their way, and those that failed, to ask again (see refresh). */
  private readonly lookups = new LookupRetries();
  /** A halt's closes, the first and those topping it up at later bars (see HaltCloseRounds). */
  readonly haltRounds: HaltCloseRounds;
  /** Those cancels, for the closes on halt to wait for. */
  private arrivalCancels: Promise<unknown>[] = [];
  /** Orders booked placed from a venue event before their placement's outcome (settled once that outcome comes). */
  private readonly shownEarly = new Set<string>();
  /** Placements waiting for a venue read before the risk limits judge them: a cancel issued meanwhile waits for them. */
  private readonly judging = new Set<Promise<OrderResult>>();
  /** Placements through a promise, by client id, until their outcome: a cancel of one waits for it (see cancel). */
  private readonly placing = new Map<string, Promise<OrderResult>>();
  /** Reads of the venue's position and account after fills not yet followed by their events. */
  readonly reads: ConfirmingReads;
  /** Whether the strategy may place orders now: not after onStop, nor outside its callbacks in a backtest. */
  readonly gate: StrategyOrderGate;

  /** An order as the strategy is shown it (see BarPipeline.keptOrder): one function for every placement result. */
  private readonly kept = (order: Order): Order => this.p.keptOrder(order);

  constructor(
    private readonly p: BarPipeline,
    private readonly risk: RiskManager,
    private readonly breaker: CircuitBreaker,
    idPrefix: string,
    private readonly callTimeoutMs: number,
  ) {
    const trading = p.trading;
    this.ids = new ClientIds(idPrefix, p.mirror, p.journal);
    this.syncVenue = isSimulatedVenue(trading) && typeof trading.placeOrderSync === "function" ? trading : undefined;
    this.gate = new StrategyOrderGate(p.options.mode === "backtest", p.turns);
    this.haltRounds = new HaltCloseRounds(p);
    this.reads = new ConfirmingReads(p, {
      track: (promise) => this.track(promise),
      call: (fn, what) => this.call(fn, what),
      succeeded: () => this.breaker.success(),
      failed: (error) => this.providerFailed(error),
    });
    this.unresolved = new UnresolvedPlacements(p, {
      lookUp: (id) => this.lookUp(id),
      found: (id, order, request) => void this.found(id, order, request),
      notPlaced: (id, refused) => this.notPlaced(id, refused),
      declaredNotPlaced: (id) => this.declaredNotPlaced(id),
      cannotLand: (id, refused) => this.notPlaced(id, refused),
      reclaim: (id) => this.reclaim(id),
      request: (id) => this.inFlight.request(id),
      failed: (error) => this.providerFailed(error),
    }, callTimeoutMs);
  }

  /**
   * Places a strategy order through the engine's checks and the risk manager. The strategy's input is
   * copied; a request the engine built itself (`owned`, e.g. from a signal) is completed in place.
   */
  place(input: OrderInput, owned = false): Promise<OrderResult> {
    const p = this.p;
    const symbol = input.symbol ?? p.defaultSymbol;
    // null, as undefined, asks the engine for an id (the fallbacks below treat both alike).
    const chosenId = input.clientOrderId ?? undefined;
    // Before an id is taken: when a refused late call comes must not shift the ids of the orders after it.
    if (this.gate.closed(p.running)) return Promise.resolve(this.refusedByGate(gatedRequest(input, symbol, chosenId, p.strategyName)));
    let request: OrderRequest;
    if (owned) {
      // The same fields, in the same order, as the copy below: only missing ones are added.
      request = input as OrderRequest;
      request.symbol = symbol ?? "";
      request.type = input.type ?? "MARKET";
      request.clientOrderId = chosenId ?? this.ids.next();
      request.strategyName = input.strategyName ?? p.strategyName;
    } else {
      request = {
        ...input,
        symbol: symbol ?? "",
        type: input.type ?? "MARKET",
        clientOrderId: chosenId ?? this.ids.next(),
        strategyName: input.strategyName ?? p.strategyName,
      };
    }
    // A misspelt field would be dropped on the way to the venue (a stop_loss placed as no stop): refused, named. A request
    // the engine built itself (`owned`, from a signal) holds only known fields: the signal's were checked.
    const problem = (owned ? undefined : unknownOrderField(input)) ?? (symbol === undefined
      ? "an order needs a symbol (none given and no bar is being processed)"
      : sideProblem(request.side) ?? sizingProblem(request) ?? (chosenId === undefined ? undefined : clientIdShapeProblem(chosenId)));
    if (problem !== undefined) return Promise.resolve(this.reject(request, "INVALID_ORDER", problem, "engine"));
    const mirror = p.mirror;
    // The mirror's checks first: a simulator never leaves anything unconfirmed, so a backtest's order stops there.
    const judgesStale = (!mirror.positionConfirmed(request.symbol) || (request.equityFraction !== undefined && !mirror.accountConfirmed)) &&
      (p.stateMachine.state === "REDUCING" || this.risk.readsPosition);
    if (judgesStale) {
      // A fill the venue has not followed with its position (or account) event yet: judged against the position before it,
      // an order could pass as reducing what that fill already closed, or pass a position limit the fill already used up
      // (an equityFraction order is sized from the account's equity). Asked first.
      // Until checked it works as far as other orders and closes can tell (WorkingOrders): a close signal sized now must
      // leave it its share of the position, as it would once it is sent.
      const id = request.clientOrderId!;
      this.awaitingCheck.add(id, request);
      const judged = this.confirmFor(request).then((unread) => {
        // Not counted in its own check: it would stand beside itself.
        this.awaitingCheck.delete(id);
        if (unread === undefined) return this.checked(request, chosenId);
        const reason = `${unread.what} could not be confirmed after its latest fill (${unread.failure.message}), so the risk limits cannot judge the order`;
        return this.reject(request, unread.failure.code, reason, "engine");
      });
      this.judging.add(judged);
      const judgedDone = () => {
        this.judging.delete(judged);
        this.awaitingCheck.delete(id);
      };
      void judged.then(judgedDone, judgedDone);
      return judged;
    }
    return this.checked(request, chosenId);
  }

  /**
   * Whether a placement or its risk check's venue read is on its way: each has a deadline of its own, so this drains.
   * Not the placements of unknown outcome (inFlight): only a bar's lookup settles those, and after a stop none comes.
   */
  get waitsOnVenue(): boolean {
    return this.placing.size !== 0 || this.judging.size !== 0;
  }

  /** Whether the strategy may place an order now (see {@link StrategyOrderGate}); a signal asks before any venue read. */
  get admitsStrategyOrders(): boolean {
    return !this.gate.closed(this.p.running);
  }

  /** A strategy placement the gate refuses (see {@link admitsStrategyOrders}): rejected with no venue call, reported unless the session has ended. */
  refusedByGate(request: OrderRequest): OrderResult {
    // HALTED refuses every order whenever it comes: said so, not blamed on the strategy's timing (a backtest's closes
    // on running out of money are heard between bars, where a call would otherwise read as made outside a callback).
    if (this.gate.phase === "open" && this.p.stateMachine.state === "HALTED") {
      return this.reject(request, HALTED_REFUSAL.code, HALTED_REFUSAL.reason, "risk");
    }
    const { code, reason, report } = this.gate.refusal(request, this.p.time);
    return report ? this.reject(request, code, reason, "engine") : { status: "rejected", code, reason, request };
  }

  /** Reads what an order's risk check looks at that fills have made stale; what could not be read, if anything. */
  private async confirmFor(request: OrderRequest): Promise<{ what: string; failure: ArgoError } | undefined> {
    const mirror = this.p.mirror;
    if (!mirror.positionConfirmed(request.symbol)) {
      const failure = await this.reads.position(request.symbol);
      if (failure !== undefined) return { what: `the position in ${request.symbol}`, failure };
    }
    if (request.equityFraction !== undefined && !mirror.accountConfirmed) {
      const failure = await this.reads.account();
      if (failure !== undefined) return { what: "the account", failure };
    }
    return undefined;
  }

  /** Places a complete request past the id and risk checks (`chosenId`: the id the strategy chose, if any). */
  private checked(request: OrderRequest, chosenId: string | undefined): Promise<OrderResult> {
    const p = this.p;
    // Checked here, not left to the venue: venues refuse an id only among their open orders.
    const taken = chosenId === undefined ? undefined : this.ids.problem(chosenId);
    if (taken !== undefined) return Promise.resolve(this.reject(request, "DUPLICATE_ORDER", taken, "engine"));
    // One view object serves every check: the risk manager reads it synchronously and keeps nothing.
    const view = this.view;
    view.state = p.stateMachine.state;
    view.position = p.mirror.positionsBySymbol.get(request.symbol);
    view.lastPrice = p.cache.lastClose(request.symbol);
    view.equity = p.equity();
    // An open or in-flight bracket entry will add its legs: counted (one walk of the open orders) only when limited.
    view.openOrders = p.options.risk.maxOpenOrders === undefined
      ? p.mirror.openOrdersById.size + this.inFlight.size + this.awaitingCheck.size
      : openOrderCount(p.mirror.openOrdersById.values(), requestsOf(this.inFlight, this.awaitingCheck));
    const rejection = this.risk.check(request, view);
    view.position = undefined;
    if (rejection !== undefined) return Promise.resolve(this.reject(request, rejection.code, rejection.reason, "risk"));
    if (chosenId !== undefined) {
      this.ids.take(chosenId);
      // A new attempt with an id the venue refused before: its own refusal must be reported too.
      this.reportedRejections.delete(chosenId);
    }
    return this.send(request);
  }

  /** Sends the engine's close of a position on halt, past the risk manager; the strategy's cancels leave it alone. */
  sendHaltClose(request: OrderRequest): Promise<OrderResult> {
    this.haltCloses.add((request.clientOrderId ??= this.ids.next()));
    return this.send(request);
  }

  /** Sends an order straight to the venue, past the risk manager (engine-initiated closes on halt). */
  send(request: OrderRequest): Promise<OrderResult> {
    const p = this.p;
    // Every order the engine sends carries an id of its own, so its fate can always be asked for.
    const id = (request.clientOrderId ??= this.ids.next());
    const venue = this.syncVenue;
    if (venue !== undefined) {
      // A simulator answers in the call: no promise steps, and nothing left in flight for settle() to wait for.
      let order: Order;
      try {
        order = venue.placeOrderSync!(request);
      } catch (error) {
        // Until the venue is asked whether it took the order after all, it counts as in flight.
        this.inFlight.add(id, request);
        return this.track(this.afterFailure(request, id, error));
      }
      return Promise.resolve(this.placed(id, order));
    }
    const unrecorded = this.recordSending(request, id);
    if (unrecorded !== undefined) return Promise.resolve(unrecorded);
    this.inFlight.add(id, request);
    const answer = this.call(() => p.trading.placeOrder(request), "placement", (late) => this.unresolved.lateAnswer(id, late));
    const placement = this.track(answer.then(
      // An answer that is not an order says nothing of the order's fate: the venue is asked, as after a lost answer.
      (order) => (isOrderLike(order) ? this.found(id, order, request) : this.afterFailure(request, id, malformedAnswer(p.trading.name, "placement", order), true)),
      (error: unknown) => this.afterFailure(request, id, error),
    ));
    this.placing.set(id, placement);
    // Both ways: a placement that broke its promise would otherwise leave this one rejected, unhandled, as well.
    const done = () => this.placing.delete(id);
    void placement.then(done, done);
    return placement;
  }

  /**
   * Writes the order to the session journal before it leaves (see Journal.sending): a real venue may take it even if the
   * process dies before the answer. An order that cannot be recorded is not sent: trading it unrecorded could trade it
   * twice after a restart. Simulated venues answer in the call and are rebuilt from the journal, so they need no record first.
   */
  private recordSending(request: OrderRequest, id: string): OrderResult | undefined {
    const journal = this.p.journal;
    if (journal === undefined) return undefined;
    try {
      // The strategy's state as of now goes with the record (see Journal.sending).
      this.p.recordState();
      journal.sending(pendingOrder(request, id, Date.now()));
      return undefined;
    } catch (error) {
      this.ids.release(id);
      const reason = `not sent: the session journal could not record it first (${(error as Error).message})`;
      this.p.reportError(new ArgoError("INTERNAL", `order ${id}: ${reason}`, { cause: error }));
      return this.reject(request, "INTERNAL", reason, "engine");
    }
  }

  /** Books an order the venue accepted (reported once: its event may have booked it already, see shownByEvent). */
  private placed(id: string, order: Order): OrderResult {
    const p = this.p;
    this.inFlight.delete(id);
    this.breaker.success();
    p.noteOrder(order);
    if (this.shownEarly.size === 0 || !this.shownEarly.delete(id)) {
      p.counters.ordersPlaced++;
      p.guard.call("onOrderPlaced", order);
    }
    if (this.cancelOnArrival.size !== 0 && this.cancelOnArrival.delete(id) && !isTerminalStatus(order.status)) {
      p.runner.log.warn(`order ${id} reached ${p.trading.name} after the engine halted: cancelling it`);
      this.arrivalCancels.push(this.cancelNow(id));
    }
    return placedResult(order, this.kept);
  }

  /**
   * On HALTED: placements still on their way may reach the venue after the halt's cancel-all, and are cancelled once the
   * venue shows them open. Resolves when every venue call in flight now has settled, and those cancels with them: the
   * closes on halt (`forCloses`) are sized after that, against what is left working. For them, each placement of unknown
   * outcome is asked about too, once it is due: counted as working, one the venue never took (or the cancel-all ended)
   * would leave that much of the position open.
   */
  afterHalt(forCloses: boolean): Promise<unknown> {
    for (const id of this.inFlight.ids()) this.cancelOnArrival.add(id);
    // settle() may already have taken a placement's promise out of `pending`: those on their way are in `placing`.
    const calls = [...this.pending, ...this.placing.values()];
    // Asked once those calls have settled: a placement still waiting for its answer at the halt may only then turn out
    // to have an unknown outcome.
    const asked = Promise.all(calls).then(() => (forCloses && this.unresolved.size !== 0 ? this.unresolved.lookUpAll() : undefined));
    return asked.then(() => Promise.all(this.arrivalCancels.splice(0)));
  }

  /**
   * A venue event for an order whose placement has no outcome yet: its answer still on the way (`answerPending`), or
   * lost past its deadline with a lookup that found nothing (unresolved). The event proves the venue holds the order, so
   * it is booked placed now: the strategy hears onOrderPlaced before that order's updates and fills, and an order whose
   * answer never comes is not left unreported.
   */
  shownByEvent(order: Order, answerPending: boolean): void {
    const id = order.clientOrderId;
    const unresolved = this.unresolved.delete(id);
    // Or declared not placed by a lookup that did not find it, and shown by the venue after all: booked now, as above.
    if (!answerPending && !unresolved && !this.unresolved.cameBack(order)) return;
    // A refusal is reported by venueRejected (once); the order it names keeps its id, as any order the venue showed.
    if (order.status === "REJECTED") return;
    if (this.shownEarly.has(id)) return;
    this.placed(id, order);
    // Still to come: the answer (or its failure and lookup) settles the placement and must not report it again. An
    // unresolved placement's outcome has been given already: at most a late answer is to come, which books nothing again.
    if (answerPending && !unresolved) this.shownEarly.add(id);
  }

  /**
   * A placement that failed: reconciled with the venue first (it may have taken the order), then booked either way.
   * `malformed`: the failure is the venue's answer that was no order; booked from elsewhere, it is still reported (a
   * failure that stands is reported with the rejection).
   */
  private afterFailure(request: OrderRequest, id: string, error: unknown, malformed = false): Promise<OrderResult> {
    const p = this.p;
    const first = toArgoError(error, "INTERNAL", p.trading.name);
    const timedOut = isTimedOut(first);
    if (timedOut) this.unresolved.lookupStarted(id);
    const booked = (order: Order): OrderResult => {
      if (malformed) p.reportError(malformedPlacementReport(first, id, "booked from what the venue showed when asked"));
      return this.found(id, order, request);
    };
    return this.reconcile(request, first).then(
      (order) => {
        if (timedOut) this.unresolved.lookupEnded(id);
        return booked(order);
      },
      (failure: unknown): OrderResult => {
        // The venue's own answer, come while the lookup ran, says more than the lookup: it took the order, or refused it.
        const late = timedOut ? this.unresolved.lookupEnded(id) : undefined;
        if (late?.status === "fulfilled") return booked(late.value);
        // The lookup could not tell, but the venue's events showed the order (its stream works while its answers do not).
        // Asked first all the same: the lookup has the order's newest state, events may have stopped part way.
        const shown = isProviderFailure(first) ? this.shownByVenue(id) : undefined;
        if (shown !== undefined) return booked(shown);
        if (late?.status === "rejected" && !isProviderFailure(toArgoError(late.reason, "INTERNAL", p.trading.name))) failure = late.reason;
        this.shownEarly.delete(id);
        const argo = toArgoError(failure, "INTERNAL", p.trading.name);
        // Refused, or not at the venue when asked: no order has the id, so the strategy may send it again. An order that
        // may be live keeps it, and its journal record stays PENDING for the next start to ask about: a retry with the
        // same id must not become a second order. It also stays in flight: a close sized without it could flip the position.
        const unknown = argo.details?.outcome === "unknown";
        if (!unknown) this.notPlaced(id, !isProviderFailure(argo));
        else this.unresolved.add(id); // settled by an event, its late answer, or a later lookup
        this.providerFailed(argo);
        const result = this.reject(request, argo.code, argo.message, "venue");
        // Not the venue's refusal: one that comes later (its answer, a lookup, an event) is news, reported in its turn.
        if (unknown) this.reportedRejections.delete(id);
        return result;
      },
    );
  }

  /**
   * Books an order the venue took (its answer) or turned out to hold after a failed placement, with the fills it carries:
   * recorded and reported as the events would have (a venue whose event stream is down reports them only there; a paper
   * resume rebuilds the account from the journal's fills). noteFill skips those an event already brought.
   * A network venue's answer (or lookup) that brings the order final (a MARKET order answered FILLED, a timed-out one found
   * CANCELLED) is then applied as the order's event (see BarPipeline.heardOrder): its own events may be lost in a stream
   * gap, and the strategy's onOrderUpdate would never hear it; told so, the stream's copy is a repeat. One told already
   * (its events came first) is a repeat itself. A simulator's events tell every state in the call.
   */
  private found(id: string, order: Order, request: OrderRequest = order): OrderResult {
    if (order.status === "REJECTED") return this.refusedAfterAll(id, order, request);
    const result = this.placed(id, order);
    if (this.tellsFinal(order)) this.p.heardOrder(order);
    else this.p.noteListedFills(order);
    return result;
  }

  /**
   * A placement the venue answered, or a lookup found, as a REJECTED order: the venue's refusal, reported as such (once:
   * its event may have reported it already), never as placed. The record ends REJECTED; the id stays the order's.
   */
  private refusedAfterAll(id: string, order: Order, request: OrderRequest): OrderResult {
    this.inFlight.delete(id);
    this.cancelOnArrival.delete(id);
    this.breaker.success();
    this.p.noteOrder(order);
    return this.reject(request, "BROKER_REJECTED", order.rejectReason ?? "rejected by the venue", "venue");
  }

  /** The order as the venue's events showed it, unless they showed its refusal (that is reported as the venue's rejection). */
  private shownByVenue(id: string): Order | undefined {
    const order = this.p.mirror.orders.get(id);
    return order === undefined || order.status === "REJECTED" ? undefined : order;
  }

  /**
   * A placement the venue refused (`refused`) or does not hold: its id is free again and it no longer works. Only a
   * placement through a promise was recorded before it left (recordSending): that record goes, or the id stays taken.
   */
  private notPlaced(id: string, refused: boolean): void {
    this.inFlight.delete(id);
    this.cancelOnArrival.delete(id);
    if (this.syncVenue === undefined && !this.unrecord(id, refused)) return;
    this.ids.release(id);
  }

  /**
   * A placement a lookup past its deadline did not find: it no longer works, but the request may still land, so its id
   * stays taken (ClientIds.keepUnsettled) and so does its PENDING record. A later start then asks the venue about it (and
   * books it if it landed meanwhile, or records it FAILED), and finds its id taken: a strategy that chooses ids from its
   * bars would otherwise send it again after a restart. Only the venue's refusal of it frees both (notPlaced). A venue that
   * declares a landing window has none declared so (see UnresolvedPlacements.landingWindowMs).
   */
  private declaredNotPlaced(id: string): void {
    this.inFlight.delete(id);
    this.cancelOnArrival.delete(id);
    this.ids.keepUnsettled(id);
  }

  /**
   * Drops the PENDING record of a placement the venue does not hold; false when the journal could not (a full disk),
   * reported as INTERNAL. Thrown from here, that failure would break the promise the strategy awaits and skip the
   * rejection's report; the record left behind only makes the next start ask the venue about the order.
   */
  private unrecord(id: string, refused: boolean): boolean {
    const p = this.p;
    try {
      p.journal?.unsent(id);
      return true;
    } catch (error) {
      const venue = p.trading.name;
      const why = refused ? `refused by ${venue}` : `${venue} does not hold it`;
      p.reportError(new ArgoError("INTERNAL", `order ${id}: ${why}, but its PENDING record could not be removed (${(error as Error).message}); the next start will ask the venue`, {
        cause: error,
        details: { clientOrderId: id },
      }));
      return false;
    }
  }

  /**
   * Takes the id of a placement declared not placed again (the venue holds it after all), for good. Landed after a halt,
   * the order is cancelled on arrival as a placement in flight at the halt is (the closes were sized without it), unless
   * it is a close of the halt itself: that one is what the halt wants.
   */
  private reclaim(id: string): void {
    this.ids.take(id);
    if (this.p.stateMachine.state === "HALTED" && !this.haltCloses.hasClientId(id)) this.cancelOnArrival.add(id);
  }

  /**
   * Asks the venue about orders the engine holds as working whose news may have been lost (a cancel refused as already
   * filled or unknown, a reconnect's gap, orders a halt's cancel-all left out), or as final short of their fills (a
   * reconnect's gap may have lost executions sent after the status: see FillsShort), by client id, and applies each answer as
   * the venue's event would be (see BarPipeline.heardOrder): its state, the fills it lists (noteFill skips those booked
   * already), the strategy's update. An order asked about already joins that lookup: never two of one order at once. A
   * lookup that fails is reported (its first failure) and asked again at later time steps (see {@link followUp}), at most
   * {@link LOOKUP_ATTEMPTS} times in all, and once more at the stop (see {@link lookUpAtStop}); meanwhile the order stays
   * as the engine holds it. A simulator sends every state as it happens: nothing is asked.
   */
  refresh(ids: Iterable<string>): Promise<unknown> {
    if (this.syncVenue !== undefined) return Promise.resolve();
    const asked: Promise<unknown>[] = [];
    for (const id of ids) asked.push(this.lookups.running(id) ?? this.ask(id));
    return asked.length === 0 ? Promise.resolve() : this.track(Promise.all(asked));
  }

  /** One lookup of `id` for {@link refresh}: resolves (never rejects) once its answer is applied or its failure noted. */
  private ask(id: string): Promise<unknown> {
    const asked = this.lookUp(id).then(
      (order) => {
        this.lookups.answered(id);
        this.p.link.fillsShort.answered(id);
        // After the run (a stop that gave up on this lookup), nothing more is applied: the journal is closed.
        if (this.gate.ended) return;
        if (order.clientOrderId === id) return this.p.heardOrder(order);
        this.p.reportError(new ArgoError("INVALID_DATA", `${this.p.trading.name} answered the lookup of "${id}" with another order ("${order.clientOrderId}")`, { provider: this.p.trading.name }));
      },
      (error: unknown) => this.lookupFailed(id, toArgoError(error, "INTERNAL", this.p.trading.name)),
    );
    this.lookups.started(id, asked);
    return asked;
  }

  /** Reports a failed lookup of `id`: its first failure as it is, and the giving up after the last one allowed; those between quietly. */
  private lookupFailed(id: string, failure: ArgoError): void {
    const failures = this.lookups.failed(id, this.p.time);
    if (failures === 1) this.p.reportError(failure);
    else if (failures >= LOOKUP_ATTEMPTS) {
      const venue = this.p.trading.name;
      this.p.reportError(new ArgoError(failure.code, `${venue}: gave up asking about order ${id} after ${failures} failed lookups (last: ${failure.message}); it stays as the engine holds it until a reconnect or a restart asks again`, {
        provider: venue,
        details: { clientOrderId: id },
        cause: failure,
      }));
    }
  }

  /** Whether a bar has follow-ups for {@link followUp}: placements of unknown outcome, failed lookups, a halt's closes to top up. */
  get followUpsDue(): boolean {
    return this.unresolved.size !== 0 || (this.lookups.size !== 0 && !this.stopping) || this.haltRounds.due;
  }

  /**
   * At a bar: asks again about placements of unknown outcome that are due and about orders whose lookup failed (each
   * once), then, on a halt with closes, closes what is still open (see HaltCloseRounds.topUp).
   */
  async followUp(): Promise<void> {
    const asked: Promise<unknown>[] = [];
    if (this.unresolved.size !== 0) asked.push(this.unresolved.lookUpDue());
    if (this.lookups.size !== 0 && !this.stopping && !this.gate.ended) asked.push(this.refresh(this.lookups.due((id) => this.p.mirror.openOrdersById.has(id), this.p.time)));
    if (asked.length !== 0) await Promise.all(asked);
    await this.haltRounds.topUp();
  }

  /**
   * At the stop (see BarPipeline.finish), once each: the orders whose lookups failed and that are still held working, and
   * those held final short of their fills (see FillsShort). No later step or reconnect comes in this session to ask
   * about them, and the result and the journal would otherwise keep them as the engine holds them (a fill made in a gap
   * left out) until the next start. Asked as {@link refresh} asks (an order asked about already joins that lookup; each
   * call within its deadline, all at once); what still cannot be told stays for the next start. Nothing when the venue's
   * latest calls failed: a stop must not wait a call deadline on a venue that is down. True when something was asked.
   */
  async lookUpAtStop(): Promise<boolean> {
    if (this.syncVenue !== undefined || this.venueFailing) return false;
    const p = this.p;
    const ids = this.lookups.size === 0 ? [] : this.lookups.left((id) => p.mirror.openOrdersById.has(id));
    const short = p.link.fillsShort;
    if (short.size !== 0) for (const id of short.due((id) => p.mirror.orders.get(id), (id) => p.bookedFills.booked(id))) ids.push(id);
    if (ids.length === 0) return false;
    await this.refresh(ids);
    return true;
  }

  /**
   * Whether the venue's latest calls failed (the circuit breaker's count is running): a read now would likely fail too.
   * Not whether they once failed enough to halt the session: the breaker stays tripped, but any call answered since
   * (a close on halt placed, a lookup) resets the count, and a venue answering again is read as any other.
   */
  get venueFailing(): boolean {
    return this.breaker.failures !== 0;
  }

  /** Settles once the placements of `ids` still on their way have their outcome (each bounded by its call deadline). */
  placementsOf(ids: Iterable<string>): Promise<unknown> {
    const waiting: Promise<OrderResult>[] = [];
    for (const id of ids) {
      const placing = this.placing.get(id);
      if (placing !== undefined) waiting.push(placing);
    }
    return Promise.all(waiting);
  }

  /** The venue's open orders, within the call deadline (a reconnect's resync: see reconnect-resync.ts). */
  readOpenOrders(): Promise<unknown> {
    return this.track(this.call(() => this.p.trading.getOpenOrders(), "open orders read"));
  }

  /** The client id of the working order `orderId` names (by client or venue id), or undefined. */
  private workingId(orderId: string): string | undefined {
    const open = this.p.mirror.openOrdersById;
    if (open.has(orderId)) return orderId;
    for (const order of open.values()) if (order.venueOrderId === orderId) return order.clientOrderId;
    return undefined;
  }

  /** The venue's order by client id; throws its failure, or INVALID_DATA for an answer that is not an order. */
  private async lookUp(id: string): Promise<Order> {
    const order: unknown = await this.call(() => this.p.trading.getOrder(id), "order lookup");
    if (isOrderLike(order)) return order;
    throw malformedAnswer(this.p.trading.name, "order lookup", order);
  }

  /** Keeps a provider call's promise until settle() has seen it. */
  private track<T>(promise: Promise<T>): Promise<T> {
    this.pending.push(promise);
    return promise;
  }

  /**
   * After a failed placement: an order refusal (the venue answered) or a rate limit (refused before it was read) is
   * final. Anything else — a lost connection, a timeout, an internal error — may hide an order the venue accepted, so
   * the venue is asked by client id: found, it is the placed order (never sent again); not found, the failure stands;
   * unknowable, the failure stands with a warning that the order may be live.
   */
  private async reconcile(request: OrderRequest, failure: ArgoError): Promise<Order> {
    if (!isProviderFailure(failure) || failure.code === "RATE_LIMITED") throw failure;
    const id = request.clientOrderId!;
    try {
      return await this.lookUp(id);
    } catch (error) {
      // After a deadline, or with the provider saying its answer was lost, the request may still be on its way: the venue
      // not knowing the order yet proves nothing.
      if (isArgoError(error, "ORDER_NOT_FOUND") && !mayStillLand(failure)) throw failure;
      throw new ArgoError(failure.code, `${failure.message} (the order may be live at the venue: check client order id ${id} before placing it again)`, {
        ...(failure.provider ? { provider: failure.provider } : {}),
        details: { clientOrderId: id, outcome: "unknown" },
        cause: failure,
      });
    }
  }

  /**
   * Cancels one order by client or venue id. Orders placed before it and still waiting for a venue read (see place) go
   * first: issued after them, the cancel must not reach the venue before they do. So does the order's own placement
   * still on its way: a cancel overtaking it would find nothing to cancel, and the order would then trade. After the run
   * (a strategy promise that outlived it) nothing reaches the venue, which may be disconnected, nor is reported: the
   * session's orders were settled by the stop, and onEngineStop was the last callback.
   */
  cancel(orderId: string): Promise<CancelResult> {
    if (this.gate.ended) return Promise.resolve({ ok: false, code: "CONTEXT_CANCELLED", reason: ENDED_REASON });
    if (this.haltCloses.any && this.haltCloses.has(orderId, this.p.mirror)) {
      return Promise.resolve({ ok: false, code: HALTED_REFUSAL.code, reason: `order "${orderId}" is the engine's close on halt: a strategy cannot cancel it` });
    }
    const placing = this.placing.size === 0 ? undefined : this.placing.get(orderId);
    if (placing !== undefined) return this.track(placing.then(() => this.cancel(orderId)));
    return this.judging.size === 0 ? this.cancelNow(orderId) : this.track(this.afterJudged().then(() => this.cancelNow(orderId)));
  }

  /** Settles once every placement now waiting for a venue read has its outcome. */
  private afterJudged(): Promise<unknown> {
    return Promise.all(this.judging);
  }

  private cancelNow(orderId: string): Promise<CancelResult> {
    const p = this.p;
    return this.track(this.call(() => p.trading.cancelOrder(orderId), "cancel").then(
      (order): CancelResult => {
        // Not an order: whether it was cancelled is unknown, so the strategy is told it failed (the venue's events still count).
        if (!isOrderLike(order)) return this.cancelFailed(malformedAnswer(p.trading.name, "cancel", order));
        // Another order than the one asked about says nothing of it, and booking it would record an order never placed.
        if (order.clientOrderId !== orderId && order.venueOrderId !== orderId) {
          return this.cancelFailed(new ArgoError("INVALID_DATA", `${p.trading.name} answered the cancel of "${orderId}" with another order ("${order.clientOrderId}")`, { provider: p.trading.name }));
        }
        this.breaker.success();
        this.applyAnswer(order);
        return { ok: true, order: frozenCopy(order) };
      },
      (error: unknown): CancelResult => {
        const failure = toArgoError(error, "INTERNAL", p.trading.name);
        // The venue says the order is done (filled, or unknown: Binance answers -2011 for a filled order's cancel) while the
        // engine holds it working: its fill's events were lost or are late. Asked about, so the fill is booked this session.
        if (failure.code === "ORDER_ALREADY_FILLED" || failure.code === "ORDER_NOT_FOUND") {
          const working = this.workingId(orderId);
          if (working !== undefined) void this.refresh([working]);
        }
        return this.cancelFailed(failure);
      },
    ));
  }

  /**
   * Applies a cancel's answer. A final state from a venue across a network, as that order's event (see
   * BarPipeline.heardOrder): its own event may be lost in a stream gap, and the strategy's onOrderUpdate would never hear
   * the CANCELLED (the halt's cancel-all is not the strategy's call, so nothing else tells it); a late event with the same
   * final state is then a repeat. A simulator sends every state as its own event in the call: recorded only.
   */
  private applyAnswer(order: Order): void {
    // Told as an event: a network venue's final state of one of the session's own orders (a placement still on its way
    // too: a cancel-all may overtake its answer), while the run lasts. A state still working ("cancel requested", stamped
    // at the answer) would only repeat what the strategy was told; an order the engine never placed, or an answer after
    // the run, is recorded as before.
    if (this.tellsFinal(order) && this.ownOrder(order.clientOrderId)) {
      this.p.heardOrder(order);
      return;
    }
    this.p.noteOrder(order);
    this.answerFills(order);
  }

  /**
   * Whether an answer (a placement's, a cancel's, a lookup's) bringing `order` is applied as that order's event, so the
   * strategy hears it (see BarPipeline.heardOrder): a network venue's final state while the run lasts. Its own events may
   * be lost in a stream gap; told so, the stream's copy is a repeat. A simulator's events tell every state in the call.
   */
  tellsFinal(order: Order): boolean {
    return this.syncVenue === undefined && isTerminalStatus(order.status) && !this.gate.ended;
  }

  /**
   * Whether `id` is one of the session's orders: held by the mirror, or a placement still on its way (a cancel-all that
   * overtook its answer; the event path books it placed, see shownByEvent).
   */
  private ownOrder(id: string): boolean {
    return this.p.mirror.orders.has(id) || this.inFlight.has(id);
  }

  /**
   * Records the fills a cancel answer carries (an order filled in part, or in full before the cancel reached it): a venue
   * answering through promises may report them only there. A simulator reports each fill once through its events, and
   * its fills are not de-duplicated, so its answers are not read for fills.
   */
  private answerFills(order: Order): void {
    if (this.syncVenue !== undefined) return;
    this.p.noteListedFills(order);
  }

  private cancelFailed(error: ArgoError): CancelResult {
    this.providerFailed(error);
    return { ok: false, code: error.code, reason: error.message };
  }

  /**
   * Cancels every open order (or one symbol's), after the placements issued before it (see cancel): those waiting for a
   * venue read and those still on their way. A failure is reported through onError and yields []. After the run it
   * does nothing and yields [], as {@link cancel} does.
   */
  cancelAll(symbol?: string): Promise<Order[]> {
    if (this.gate.ended) return Promise.resolve([]);
    const before: Promise<unknown>[] = [];
    for (const [id, placement] of this.placing) if (symbol === undefined || this.inFlight.request(id)?.symbol === symbol) before.push(placement);
    if (this.judging.size !== 0) before.push(this.afterJudged());
    return before.length === 0 ? this.cancelAllNow(symbol) : this.track(Promise.all(before).then(() => this.cancelAllNow(symbol)));
  }

  /**
   * The strategy's cancel-all ({@link cancelAll} otherwise): after a halt sent closes, a venue's cancel-all would take
   * them with it, so every other open order is cancelled one by one instead. The engine's own cancel-all (a stop with
   * cancelOpenOrdersOnStop) still takes everything.
   */
  strategyCancelAll(symbol?: string): Promise<Order[]> {
    return this.haltCloses.any && !this.gate.ended ? this.cancelAllButHaltCloses(symbol) : this.cancelAll(symbol);
  }

  /** A strategy's cancel-all after a halt sent closes: each open order (of `symbol`) but those closes, cancelled by id. */
  private async cancelAllButHaltCloses(symbol?: string): Promise<Order[]> {
    const ids: string[] = [];
    for (const [id, order] of this.p.mirror.openOrdersById) if ((symbol === undefined || order.symbol === symbol) && !this.haltCloses.has(id, this.p.mirror)) ids.push(id);
    const results = await Promise.all(ids.map((id) => this.cancel(id)));
    const cancelled: Order[] = [];
    for (const result of results) if (result.ok) cancelled.push(result.order);
    return cancelled;
  }

  /** On HALTED: cancels every open order at once; placements on their way are cancelled as they arrive (see afterHalt). */
  cancelAllAtHalt(): Promise<Order[]> {
    return this.cancelAllNow();
  }

  private cancelAllNow(symbol?: string): Promise<Order[]> {
    const p = this.p;
    return this.track(this.call(() => p.trading.cancelAllOrders(symbol), "cancel-all").then(
      (answer) => {
        // Whatever in the answer is not an order is reported and left out; the venue's events still tell what it cancelled.
        const orders = Array.isArray(answer) ? answer.filter(isOrderLike) : [];
        if (!Array.isArray(answer) || orders.length !== answer.length) p.reportError(malformedAnswer(p.trading.name, "cancel-all", answer));
        else this.breaker.success();
        for (const order of orders) this.applyAnswer(order);
        return orders;
      },
      (error: unknown) => {
        const argo = toArgoError(error, "INTERNAL", p.trading.name);
        if (!isProviderFailure(argo)) p.reportError(argo); // provider failures are reported by providerFailed
        this.providerFailed(argo);
        return [] as Order[];
      },
    ));
  }

  /**
   * Reports a rejection; a venue's once per placement (it may both throw and emit a REJECTED order). The engine's and
   * the risk limits' refusals are each a placement of their own, reported every time.
   */
  reject(request: OrderRequest, code: ErrorCode, reason: string, source: OrderRejection["source"]): OrderResult {
    const id = request.clientOrderId;
    const repeat = source === "venue" && id !== undefined && this.reportedRejections.has(id);
    if (!repeat) {
      if (source === "venue" && id !== undefined) this.reportedRejections.add(id);
      this.p.counters.ordersRejected++;
      this.p.guard.call("onOrderRejected", { request, code, reason, source });
    }
    return { status: "rejected", code, reason, request };
  }

  /** Number of venue rejections remembered for reporting each once; at most {@link FINISHED_ORDERS_KEPT}. */
  get rememberedRejections(): number {
    return this.reportedRejections.size;
  }

  /** A venue-side REJECTED order event: reported unless the placement already reported it. */
  venueRejected(order: Order): void {
    this.reject(order, "BROKER_REJECTED", order.rejectReason ?? "rejected by the venue", "venue");
  }

  /** Counts a failed call towards the circuit breaker; infrastructure failures (not order refusals) also go to onError. */
  private providerFailed(error: ArgoError): void {
    if (isProviderFailure(error)) this.p.reportError(error);
    // Once the session stops (onStop's orders, its cancels and end reads), a failing venue is reported, never halted: a
    // halt then would set off a cancel-all and closes during the stop, and state HALTED for a session that ended on its own.
    if (this.breaker.failure(error) && !this.stopping && this.gate.phase === "open") {
      this.p.halt(`circuit breaker: ${this.breaker.threshold} consecutive trading provider errors (last: ${error.code}: ${error.message})`);
    }
  }

  /** A venue call that resolves or rejects within the deadline, whatever the venue does (`late` sees an answer after it). */
  private call<T>(fn: () => Promise<T>, what: string, late: (outcome: PromiseSettledResult<T>) => void = ignoreLate): Promise<T> {
    let answer: Promise<T>;
    try {
      answer = Promise.resolve(fn());
    } catch (error) {
      return Promise.reject(error);
    }
    return withDeadline(answer, this.callTimeoutMs, this.p.trading.name, what, late);
  }
}

/** The request of a placement the gate refuses: the strategy's fields, no engine id (none is taken for it). */
function gatedRequest(input: OrderInput, symbol: string | undefined, chosenId: string | undefined, strategyName: string): OrderRequest {
  const request: OrderRequest = { ...input, symbol: symbol ?? "", type: input.type ?? "MARKET", strategyName: input.strategyName ?? strategyName };
  if (chosenId === undefined) delete request.clientOrderId;
  else request.clientOrderId = chosenId;
  return request;
}

/**
 * A side other than BUY or SELL (a JavaScript strategy's "buy") is refused here, before the journal records the order:
 * a PENDING row with it would be one the next start cannot read back.
 */
function sideProblem(side: unknown): string | undefined {
  return side === "BUY" || side === "SELL" ? undefined : `side must be BUY or SELL, got ${shown(side)}`;
}
