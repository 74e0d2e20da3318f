import { ArgoError, type Bar, isArgoError, type Order } from "@argo/core";
import type { AnyStrategy } from "../strategy/define-strategy.ts";
import type { Logger } from "../strategy/logger.ts";
import type { BarPipeline } from "./bar-pipeline.ts";
import type { EngineContext } from "./engine-context.ts";
import { frozenCopy } from "./frozen-copy.ts";
import { isPromiseLike } from "./is-promise-like.ts";

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
  readonly wantsUpdates: boolean;
  readonly log: Logger;
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
  }

  /** Runs init; a failure is fatal for the run. */
  async init(): Promise<void> {
    if (this.strategy.init === undefined) return;
    try {
      await this.strategy.init(this.ctx);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      throw new ArgoError("STRATEGY_INIT_FAILED", `strategy "${this.strategy.name}" init failed: ${message}`, { cause: error });
    }
  }

  /**
   * Calls onBar; returns a promise only when the strategy returned one. That promise is the
   * strategy's own: whoever awaits it reports a rejection with `failed` (no wrapper promise per bar).
   */
  onBar(bar: Bar): PromiseLike<unknown> | undefined {
    let result: unknown;
    try {
      result = this.strategy.onBar(bar, this.ctx);
    } catch (error) {
      this.failed(error, bar);
      return undefined;
    }
    return isPromiseLike(result) ? settledNow(result, (error) => this.failed(error, bar)) : undefined;
  }

  /**
   * Hands queued order updates to onOrderUpdate, in venue order. Updates that keep triggering new orders within one turn
   * are cut off past the turn's budget, the same for every venue: a simulator queues the next update inside the
   * placement, so this loop, not the settle loop, is where such a chain goes round.
   */
  async deliverUpdates(): Promise<void> {
    const handler = this.strategy.onOrderUpdate;
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
        try {
          // A frozen copy: the queued order is the engine's record (or the venue's own object).
          const result = handler.call(this.strategy, frozenCopy(order), this.ctx) as unknown;
          if (isPromiseLike(result)) await result;
        } catch (error) {
          this.failed(error, this.p.currentBar, "onOrderUpdate");
        }
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
    if (this.strategy.onStop === undefined) return;
    try {
      await this.strategy.onStop(this.ctx);
    } catch (error) {
      this.failed(error, this.p.currentBar, "onStop");
    }
  }

  /**
   * Reports a strategy failure (a throw or a rejection) through onStrategyError, naming the callback that failed (a
   * trader reading "failed on A bar" would look in onBar for a throw that came from onOrderUpdate); the engine goes on.
   */
  failed(error: unknown, bar: Bar | undefined, callback: StrategyCallbackName = "onBar"): void {
    this.p.counters.strategyErrors++;
    const message = error instanceof Error ? error.message : String(error);
    const argo = isArgoError(error, "STRATEGY_ERROR")
      ? error
      : new ArgoError("STRATEGY_ERROR", `strategy "${this.strategy.name}" ${callback} failed${bar ? ` on ${bar.symbol} bar ${new Date(bar.openTime).toISOString()}` : ""}: ${message}`, {
          cause: error,
          details: bar ? { callback, symbol: bar.symbol, openTime: bar.openTime } : { callback },
        });
    this.p.guard.call("onStrategyError", argo, bar);
  }
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
