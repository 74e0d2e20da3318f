import type { Bar } from "@argo/core";
import type { MarketCache } from "../cache/market-cache.ts";

/** One symbol's indicator instance: takes a bar, returns the new value (null while warming up). */
export interface IndicatorFeed<T> {
  update(bar: Bar): T | null | undefined;
}

/** Where a throw of the strategy's own code is reported: the engine's strategy runner (onStrategyError). */
export interface StrategyErrorSink {
  failed(error: unknown, bar: Bar | undefined): void;
}

/** What a handle needs from the engine: the cache, the slot of the bar being processed, and where strategy errors go. */
/** Key prefix of the strategy's own indicators (`ctx.indicators.custom`). */
export const CUSTOM_PREFIX = "custom:";

export interface IndicatorHost {
  readonly cache: MarketCache;
  readonly currentSlot: number;
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

  /** `requiredInputs` is the number of bars after which the value is defined (stable). */
  constructor(
    readonly key: string,
    private readonly create: () => IndicatorFeed<T>,
    readonly requiredInputs: number,
    private readonly host: IndicatorHost,
  ) {}

  /** The strategy's own feed (`ctx.indicators.custom`), whose throw is the strategy's error rather than the engine's. */
  get custom(): boolean {
    return this.key.startsWith(CUSTOM_PREFIX);
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
    const slot = symbol === undefined ? this.host.currentSlot : this.host.cache.findSlot(symbol);
    return slot < 0 ? undefined : this.values[slot];
  }

  /** The value before the newest bar (for crosses), or undefined. */
  previous(symbol?: string): T | undefined {
    const slot = symbol === undefined ? this.host.currentSlot : this.host.cache.findSlot(symbol);
    return slot < 0 ? undefined : this.previousValues[slot];
  }

  /** True once the value is defined. */
  isReady(symbol?: string): boolean {
    return this.value(symbol) !== undefined;
  }
}
