import { AsyncLocalStorage } from "node:async_hooks";
import type { Bar } from "@argo/core";

/**
 * The turn a strategy call belongs to, carried through its awaits, timers and promises. One store serves every engine
 * of the process: each pipeline compares it with tokens of its own.
 */
const turnOf = new AsyncLocalStorage<object>();

const AsyncFunction = (async () => {}).constructor;

/** A strategy callback whose promise the engine awaits (named when one does not settle). */
export type AwaitedCallback = "init" | "onBar" | "onOrderUpdate" | "onStop";

/**
 * Which turn of the strategy runs, which strategy callback the engine is waiting for, and (in a backtest) whether an
 * order call belongs to that turn.
 *
 * A backtest replays without waiting between bars, so only a callback that awaits something really asynchronous (an
 * HTTP call, a timer) lets other work run in the middle of a turn: a timer set in init, a promise left over from an
 * earlier bar. Their order calls come while a turn runs, but not from it, and would land at a bar that depends on the
 * wall clock. Calls of async callbacks run in their turn's async context (AsyncLocalStorage), and a call carrying
 * another turn's is refused. A wrap costs about 40 ns a call (6% of the SMA-cross benchmark's 670 ns bar, 25% of a
 * no-op `async onBar`'s), so init and onStop are wrapped (once per run), and onBar and onOrderUpdate when declared `async`
 * from the first time they really wait (return a promise still pending): one that awaits nothing costs nothing. A call
 * without a context is accepted unless the engine is waiting for a wrapped callback, when only that callback's own calls
 * can be legitimate. So work that carries no context (begun by a callback not wrapped at the time) can pass only while
 * the engine waits for an unwrapped callback: one not declared `async`, or an async one's first real wait. A Worker or
 * MessagePort handler runs without a context (Bun): one that places orders is bound to the turn (AsyncResource.bind).
 */
export class StrategyTurns {
  /** The turn running now: its bar on a bar's turn, a fresh object for init, a drain or the stop. */
  token: object = {};
  /** The strategy callback whose promise the engine is waiting for, undefined while it waits for none. */
  callback: AwaitedCallback | undefined;
  /** The bar of that callback's turn, if any. */
  bar: Bar | undefined;
  /** Whether the callback waited for runs in its turn's context. */
  private tagged = false;
  /** Bumped when a stop gives up waiting (see BarPipeline.graced): work of the turn given up stops at its next await. */
  epoch = 0;

  /** `backtest`: only a backtest checks order calls against the turn, so only it wraps callbacks. */
  constructor(readonly backtest: boolean) {}

  /** Starts a turn that has no bar (init, a drain, the stop). */
  begin(): void {
    this.token = {};
  }

  /** Whether calls of `fn` may run in their turn's context: a backtest's callbacks declared `async`. */
  taggable(fn: unknown): boolean {
    return this.backtest && fn instanceof AsyncFunction;
  }

  /**
   * Calls `fn` (with `self` as `this`) in the current turn's context. The closure lives here, not in the callers: one in
   * a function that runs on every bar would cost that function an allocation per call, wrapped or not.
   */
  run<A, B, R>(fn: (this: unknown, a: A, b: B) => R, self: unknown, a: A, b: B): R {
    return turnOf.run(this.token, () => fn.call(self, a, b));
  }

  /** Notes the strategy callback the engine now waits for (`tagged`: called through {@link run}). */
  waitFor(callback: AwaitedCallback, bar: Bar | undefined, tagged: boolean): void {
    this.callback = callback;
    this.bar = bar;
    this.tagged = tagged;
  }

  /** The wait noted by {@link waitFor} is over. */
  waited(): void {
    this.callback = undefined;
    this.bar = undefined;
    this.tagged = false;
  }

  /**
   * Whether an order call made now belongs to the running turn: its context is that turn's, or it has none and the
   * engine is not waiting for a wrapped callback (so the call is synchronous in the turn, or an unwrapped callback's).
   */
  owns(): boolean {
    const store = turnOf.getStore();
    // None while the engine waits for a wrapped callback: a leftover of an unwrapped turn (a non-async onBar's timer).
    // A Worker or MessagePort handler runs without one in Bun: bound with AsyncResource.bind, it carries the turn's.
    return store === undefined ? !this.tagged : store === this.token;
  }
}
