import type { Bar } from "@argo/core";
import type { MarketCache } from "../cache/market-cache.ts";

/** One symbol's indicator instance: takes a bar, returns the new value (null while warming up). */
export interface IndicatorFeed<T> {
  update(bar: Bar): T | null | undefined;
}

/** What a handle needs from the engine: the cache and the slot of the bar being processed. */
export interface IndicatorHost {
  readonly cache: MarketCache;
  readonly currentSlot: number;
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

  /** Catches up on bars already in the cache, so an indicator registered late (or after a restart) starts warm. */
  warm(): void {
    const { cache } = this.host;
    for (let slot = 0; slot < cache.series.length; slot++) {
      for (const bar of cache.series[slot]!) this.update(slot, bar);
    }
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
