import type { ArgoError, Bar } from "@argo/core";
import type { MarketCache } from "../cache/market-cache.ts";
import { isPromiseLike } from "../engine/is-promise-like.ts";

/** One symbol's indicator instance: takes a bar, returns the new value (null while warming up). */
export interface IndicatorFeed<T> {
  update(bar: Bar): T | null | undefined;
}

/** Where a throw of the strategy's own code is reported: the engine's strategy runner (onStrategyError). */
export interface StrategyErrorSink {
  /** Reports a strategy error formed in full (naming the indicator, the symbol and the bar) as it is. */
  report(error: ArgoError, bar: Bar | undefined): void;
}

/** Key prefix of the strategy's own indicators (`ctx.indicators.custom`). */
export const CUSTOM_PREFIX = "custom:";

/** What a handle needs from the engine: the cache, the slot of the bar being processed, and where strategy errors go. */
export interface IndicatorHost {
  readonly cache: MarketCache;
  /** The slot a read without a symbol is for (the bar being processed, or a one-symbol session's symbol); -1: none. */
  readonly defaultSlot: number;
  /** The strategy's name, for the message of a custom indicator that threw. */
  readonly strategyName: string;
  /** Reports a custom indicator that threw, the way a throw in onBar is reported (the bar pipeline's StrategyRunner). */
  readonly runner: StrategyErrorSink;
}

/** A registered indicator: one instance per symbol, updated once per bar; values read by symbol (default: the current bar's). */
export class IndicatorHandle<T> {
  private readonly feeds: Array<IndicatorFeed<T> | undefined> = [];
  private readonly counts: number[] = [];
  private readonly values: Array<T | undefined> = [];
  private readonly previousValues: Array<T | undefined> = [];

  /** The strategy's own feed (`ctx.indicators.custom`), whose throw is the strategy's error rather than the engine's. */
  readonly custom: boolean;

  /** `requiredInputs` is the number of bars after which the value is defined (stable). */
  constructor(
    readonly key: string,
    private readonly create: () => IndicatorFeed<T>,
    readonly requiredInputs: number,
    private readonly host: IndicatorHost,
  ) {
    this.custom = key.startsWith(CUSTOM_PREFIX);
  }

  /** Feeds one bar of the symbol in `slot`. */
  update(slot: number, bar: Bar): void {
    let feed = this.feeds[slot];
    if (feed === undefined) {
      feed = this.create();
      this.feeds[slot] = feed;
      this.counts[slot] = 0;
    }
    const result = feed.update(bar);
    // The strategy's own feed may hand back what no strategy can use: thrown, so it is reported like its other failures.
    if (this.custom && result !== null && result !== undefined) checkCustomResult(result);
    const count = ++this.counts[slot]!;
    this.previousValues[slot] = this.values[slot];
    this.values[slot] = count >= this.requiredInputs && result !== null ? result : undefined;
  }

  /**
   * Records a bar whose update threw: no value for it, and the bar still counts towards the warm-up (the feed saw it, and
   * is fed the next bars as usual: a throw on one odd bar, a zero range say, must not silence the indicator for good).
   */
  missed(slot: number): void {
    this.counts[slot] = (this.counts[slot] ?? 0) + 1;
    this.previousValues[slot] = this.values[slot];
    this.values[slot] = undefined;
  }

  /** The value after the newest bar, or undefined while the indicator is warming up. */
  value(symbol?: string): T | undefined {
    const slot = symbol === undefined ? this.host.defaultSlot : this.host.cache.findSlot(symbol);
    return slot < 0 ? undefined : this.values[slot];
  }

  /** The value before the newest bar (for crosses), or undefined. */
  previous(symbol?: string): T | undefined {
    const slot = symbol === undefined ? this.host.defaultSlot : this.host.cache.findSlot(symbol);
    return slot < 0 ? undefined : this.previousValues[slot];
  }

  /** True once the value is defined. */
  isReady(symbol?: string): boolean {
    return this.value(symbol) !== undefined;
  }
}

/**
 * Throws for a custom feed's value no strategy can use, rather than count it as ready: a non-finite number (what
 * trading-signals' closes-based indicators compute when handed the whole Bar, and NaN compares false with everything, so
 * no cross would ever fire), or a promise (the value would be the promise, not what it resolves to).
 */
function checkCustomResult(result: unknown): void {
  if (typeof result === "number") {
    if (Number.isFinite(result)) return;
    throw new TypeError(
      `update returned ${result}, not a finite number (an indicator of closes, as trading-signals' SMA, EMA or WMA, handed ` +
        "the whole Bar gives NaN: feed it the close, as { update: (bar) => ind.update(bar.close, false) })",
    );
  }
  if (isPromiseLike(result)) {
    // Reported here; its rejection, if any, is not reported again as an unhandled one.
    try {
      result.then(undefined, () => undefined);
    } catch {
      // A thenable whose then throws: what matters is reported below.
    }
    throw new TypeError("update returned a promise; an indicator's update must be synchronous and return its value (or null while warming up)");
  }
}
