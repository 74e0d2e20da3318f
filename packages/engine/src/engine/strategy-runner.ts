import { ArgoError, type Bar, isArgoError, type Order } from "@argo/core";
import type { AnyStrategy } from "../strategy/define-strategy.ts";
import type { Logger } from "../strategy/logger.ts";
import { isoTimeOrText } from "../report/iso-time.ts";
import type { BarPipeline } from "./bar-pipeline.ts";
import type { EngineContext } from "./engine-context.ts";
import { frozenCopy } from "./frozen-copy.ts";
import { isPromiseLike } from "./is-promise-like.ts";
import type { AwaitedCallback, StrategyTurns } from "./strategy-turns.ts";

/**
 * Rounds of order updates one turn may deliver (a round: the updates queued while the previous round was delivered).
 * A round is one step of a chain (a fill, the exits it places, their acceptance, ...), however many symbols trade: 100
 * symbols filling in one bar are one round of 100 updates. Real chains are a few rounds long; a strategy that answers
 * every update with a new order never ends one. 1000 is what the settle loop always allowed.
 */
const MAX_UPDATE_ROUNDS = 1000;
/**
 * Updates one turn may deliver. A strategy that answers each update with two orders doubles every round and would
 * freeze the process long before 1000 rounds. A real bar brings a few updates per order (accepted, partial fills,
 * filled, its bracket legs): 100 symbols with a bracket each are about 1,500, so 100,000 leaves room for thousands of
 * symbols in one turn (a rebalance, a burst of fills between bars), and still stops a strategy placing two orders per
 * update after 17 rounds (131,071 updates, about a second on the paper venue).
 */
const MAX_UPDATES_PER_TURN = 100_000;

/** The strategy callbacks whose failures the runner reports (init's is fatal and reported apart). */
export type StrategyCallbackName = "onBar" | "onOrderUpdate" | "onStop";

/** Calls the strategy's callbacks: sync results stay sync, throws and rejections become onStrategyError. */
export class StrategyRunner {
  /** Order updates waiting for the strategy's onOrderUpdate. */
  updates: Order[] = [];
  /**
   * Updates that came before init had run (the start's reconcile of the journal's orders, a venue's events during the
   * start-up calls), in the order they came: handed over once init is done, since before it the strategy's state is not
   * restored and it has set nothing up to act on them (see deliverUpdates).
   */
  private beforeInit: Order[] = [];
  /** Whether init has run (or there is none): from then on updates are delivered. */
  private initialised = false;
  readonly wantsUpdates: boolean;
  readonly log: Logger;
  /** Whether the call of onBar whose promise the engine awaits ran in its turn's async context (see StrategyTurns). */
  awaitedTagged = false;
  /** Whether onBar and onOrderUpdate may run in their turn's context (declared `async`, in a backtest), and now do. */
  private readonly onBarTaggable: boolean;
  private readonly onOrderUpdateTaggable: boolean;
  private onBarTagged = false;
  private onOrderUpdateTagged = false;
  private readonly turns: StrategyTurns;
  /** Rounds and updates delivered in this turn (see MAX_UPDATE_ROUNDS), and whether the rest of it is being dropped. */
  private rounds = 0;
  private delivered = 0;
  private dropping = false;

  constructor(
    private readonly p: BarPipeline,
    private readonly strategy: AnyStrategy,
    readonly ctx: EngineContext,
  ) {
    this.wantsUpdates = typeof strategy.onOrderUpdate === "function";
    this.log = ctx.log;
    this.turns = p.turns;
    this.onBarTaggable = this.turns.taggable(strategy.onBar);
    this.onOrderUpdateTaggable = this.turns.taggable(strategy.onOrderUpdate);
  }

  /** Runs init; a failure is fatal for the run. */
  async init(): Promise<void> {
    const init = this.strategy.init;
    if (init === undefined) return this.initDone();
    const { strategy, ctx, turns } = this;
    const epoch = turns.epoch;
    turns.waitFor("init", undefined, turns.backtest);
    try {
      // Always in its turn's context (in a backtest): a timer init sets must not pass for a later turn's call.
      await (turns.backtest ? turns.run(init, strategy, ctx, undefined) : init.call(strategy, ctx));
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      throw new ArgoError("STRATEGY_INIT_FAILED", `strategy "${this.strategy.name}" init failed: ${message}`, { cause: error });
    } finally {
      if (turns.epoch === epoch) turns.waited();
    }
    // An init a stop gave up on never counts as done: the strategy gets no updates after it.
    if (turns.epoch === epoch) this.initDone();
  }

  /**
   * Init has run: the updates held back until now go first, before those of the orders init placed (they came first),
   * delivered by the settle that ends init's turn (BarPipeline.start), so before the first bar's turn and inside a turn.
   */
  private initDone(): void {
    this.initialised = true;
    if (this.beforeInit.length === 0) return;
    this.updates = this.beforeInit.concat(this.updates);
    this.beforeInit = [];
  }

  /**
   * Calls onBar; returns a promise only when the strategy returned one. That promise is the
   * strategy's own: whoever awaits it reports a rejection with `failed` (no wrapper promise per bar).
   */
  onBar(bar: Bar): PromiseLike<unknown> | undefined {
    let result: unknown;
    const tagged = this.onBarTagged;
    try {
      result = tagged ? this.turns.run(this.strategy.onBar, this.strategy, bar, this.ctx) : this.strategy.onBar(bar, this.ctx);
    } catch (error) {
      this.failed(error, bar);
      return undefined;
    }
    if (!isPromiseLike(result)) return undefined;
    const pending = settledNow(result, (error) => this.failed(error, bar));
    if (pending !== undefined) {
      this.awaitedTagged = tagged;
      // It really waits: from its next call on, an async onBar runs in its turn's context (see StrategyTurns).
      if (this.onBarTaggable) this.onBarTagged = true;
    }
    return pending;
  }

  /**
   * Hands queued order updates to onOrderUpdate, in venue order. Updates that keep triggering new orders within one turn
   * are cut off past the turn's budget, the same for every venue: a simulator queues the next update inside the
   * placement, so this loop, not the settle loop, is where such a chain goes round.
   */
  async deliverUpdates(): Promise<void> {
    const handler = this.strategy.onOrderUpdate;
    const turns = this.turns;
    const epoch = turns.epoch;
    if (!this.initialised) {
      // A drain before init (a venue's event during the start-up calls): held for init's turn, in the order they came.
      if (handler !== undefined) this.beforeInit = this.beforeInit.concat(this.updates);
      this.updates = [];
      return;
    }
    while (this.updates.length !== 0) {
      const batch = this.updates;
      this.updates = [];
      if (handler === undefined) continue;
      if (this.dropping || ++this.rounds > MAX_UPDATE_ROUNDS || this.delivered >= MAX_UPDATES_PER_TURN) {
        this.dropRest();
        continue;
      }
      this.delivered += batch.length;
      for (const order of batch) {
        const bar = this.p.currentBar;
        try {
          // A frozen copy: the queued order is the engine's record (or the venue's own object).
          const tagged = this.onOrderUpdateTagged;
          const result = (tagged ? turns.run(handler, this.strategy, frozenCopy(order), this.ctx) : handler.call(this.strategy, frozenCopy(order), this.ctx)) as unknown;
          if (isPromiseLike(result)) {
            turns.waitFor("onOrderUpdate", bar, tagged);
            // As onBar: one that really waits runs in its turn's context from its next call on.
            if (this.onOrderUpdateTaggable && isPending(result)) this.onOrderUpdateTagged = true;
            await result;
          }
        } catch (error) {
          this.failed(error, bar, "onOrderUpdate");
        }
        // A stop gave up waiting for this turn: the rest of its updates go to the stop's own delivery.
        if (turns.epoch !== epoch) return;
        turns.waited();
      }
    }
  }

  /** Ends a turn (a bar's, a drain's, init's): the next one has the whole budget of order updates again. */
  endTurn(): void {
    if (this.rounds === 0) return;
    this.rounds = 0;
    this.delivered = 0;
    this.dropping = false;
  }

  /** Past the turn's budget: reported once, and every update until the turn ends is dropped (still recorded, never delivered). */
  private dropRest(): void {
    if (this.dropping) return;
    this.dropping = true;
    this.p.reportError(new ArgoError("STRATEGY_ERROR", "order updates keep triggering new orders within one bar; dropped the rest"));
  }

  /** Calls onStop; a failure is reported, never thrown. */
  async stop(): Promise<void> {
    const onStop = this.strategy.onStop;
    if (onStop === undefined) return;
    const { strategy, ctx, turns } = this;
    const epoch = turns.epoch;
    turns.waitFor("onStop", undefined, turns.backtest);
    try {
      // Always in its turn's context (in a backtest), as init.
      await (turns.backtest ? turns.run(onStop, strategy, ctx, undefined) : onStop.call(strategy, ctx));
    } catch (error) {
      this.failed(error, undefined, "onStop");
    } finally {
      if (turns.epoch === epoch) turns.waited();
    }
  }

  /**
   * Reports a strategy failure (a throw or a rejection) through onStrategyError, naming the callback that failed (a
   * trader reading "failed on A bar" would look in onBar for a throw that came from onOrderUpdate); the engine goes on.
   * An ArgoError the engine threw at the strategy (a state value it refused, a bad indicator period) keeps its message
   * and details, and gains the callback and the bar. Nothing is reported once the run has ended (a callback a stop gave
   * up on that fails later): onEngineStop was the last callback.
   */
  failed(error: unknown, bar: Bar | undefined, callback: StrategyCallbackName = "onBar"): void {
    if (this.p.finished) return;
    const message = error instanceof Error ? error.message : String(error);
    const where = bar ? { callback, symbol: bar.symbol, openTime: bar.openTime } : { callback };
    this.report(new ArgoError("STRATEGY_ERROR", `strategy "${this.strategy.name}" ${callback} failed${bar ? ` on ${bar.symbol} bar ${new Date(bar.openTime).toISOString()}` : ""}: ${message}`, {
      cause: error,
      details: isArgoError(error) && error.details !== undefined ? { ...error.details, ...where } : where,
    }), bar);
  }

  /** Reports a strategy error the engine formed itself (a custom indicator's throw, a callback that never settled). */
  report(error: ArgoError, bar: Bar | undefined): void {
    this.p.counters.strategyErrors++;
    this.p.guard.call("onStrategyError", error, bar);
  }

  /**
   * Reports a strategy callback a stop gave up waiting for after `graceMs`: the run ends without it, since a promise
   * that never settles (a forgotten resolve, a fetch without a timeout) must not keep Ctrl-C from stopping the session.
   */
  notSettled(callback: AwaitedCallback, bar: Bar | undefined, graceMs: number): void {
    const at = bar ? ` on ${bar.symbol} bar ${isoTimeOrText(bar.openTime)}` : "";
    this.report(new ArgoError("STRATEGY_ERROR", `strategy "${this.strategy.name}" ${callback}${at} did not settle within ${graceMs} ms of the stop; stopping without it`, {
      details: { callback, ...(bar ? { symbol: bar.symbol, openTime: bar.openTime } : {}), graceMs },
    }), bar);
  }
}

/** Whether a callback's promise is still pending (a thenable that is no Promise is taken as pending). */
function isPending(result: PromiseLike<unknown>): boolean {
  return !(result instanceof Promise) || Bun.peek.status(result) === "pending";
}

/**
 * The promise of an async callback, or undefined when it has already settled: an `async onBar` that returned
 * without awaiting anything is fulfilled the moment it returns, and waiting for it would cost an async step
 * per bar (about 0.4 µs, more than the rest of a bar's pipeline). A rejection is reported through `failed`.
 */
function settledNow(result: PromiseLike<unknown>, failed: (error: unknown) => void): PromiseLike<unknown> | undefined {
  if (!(result instanceof Promise)) return result;
  const status = Bun.peek.status(result);
  if (status === "pending") return result;
  if (status === "rejected") {
    // Handled here: without a handler of its own the rejection would also surface as unhandled.
    result.then(undefined, () => undefined);
    failed(Bun.peek(result));
  }
  return undefined;
}
