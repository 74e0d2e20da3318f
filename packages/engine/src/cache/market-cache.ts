import type { Bar, StreamOptions } from "@argo/core";
import { BarSeries } from "./bar-series.ts";

/** Default number of bars kept per symbol. */
export const DEFAULT_CACHE_SIZE = 1000;

/**
 * The sliding-window cache of every symbol. Each symbol gets a small integer slot the first time it
 * is seen, so per-bar work (indicators, marks) indexes arrays instead of hashing the symbol again.
 */
export class MarketCache {
  private readonly slots = new Map<string, number>();
  /** Series by slot. */
  readonly series: BarSeries[] = [];
  /** Symbols by slot. */
  readonly symbols: string[] = [];
  private readonly empty: BarSeries;
  // The symbol looked up last and its slot: with one symbol (or runs of one) lookups skip the Map.
  private lastSymbol: string | undefined;
  private lastSlot = -1;

  constructor(readonly capacity: number = DEFAULT_CACHE_SIZE) {
    this.empty = new BarSeries(capacity);
  }

  /** The slot of a symbol, created on first use. */
  slotOf(symbol: string): number {
    if (symbol === this.lastSymbol) return this.lastSlot;
    let slot = this.slots.get(symbol);
    if (slot === undefined) {
      slot = this.symbols.length;
      this.slots.set(symbol, slot);
      this.symbols.push(symbol);
      this.series.push(new BarSeries(this.capacity));
    }
    this.lastSymbol = symbol;
    this.lastSlot = slot;
    return slot;
  }

  /** The slot of a symbol, or -1 when it was never seen. */
  findSlot(symbol: string): number {
    return this.slots.get(symbol) ?? -1;
  }

  /** A symbol's series; an empty one when the symbol was never seen. */
  history(symbol: string): BarSeries {
    const slot = this.slots.get(symbol);
    return slot === undefined ? this.empty : this.series[slot]!;
  }

  /** Last close of a symbol, NaN when unknown. */
  lastClose(symbol: string): number {
    const slot = symbol === this.lastSymbol ? this.lastSlot : this.slots.get(symbol);
    return slot === undefined ? Number.NaN : this.series[slot]!.close();
  }

  /**
   * Where a resumed stream goes on (see StreamOptions): each held symbol's newest open time, and `after`, the oldest of
   * them, when every one of `symbols` has one (a symbol with none needs the feed from its start). Empty when none is held.
   */
  resumePoint(symbols: readonly string[]): Pick<StreamOptions, "after" | "afterBySymbol"> {
    const afterBySymbol: Record<string, number> = {};
    let after = Number.POSITIVE_INFINITY;
    let every = true;
    for (const symbol of symbols) {
      const last = this.history(symbol).lastOpenTime;
      if (!Number.isFinite(last)) every = false;
      else {
        afterBySymbol[symbol] = last;
        if (last < after) after = last;
      }
    }
    if (!Number.isFinite(after)) return {};
    return every ? { after, afterBySymbol } : { afterBySymbol };
  }

  /** Adds bars (oldest first) without any of the per-bar pipeline; used to warm the cache from a journal. */
  warm(bars: readonly Bar[]): void {
    for (const bar of bars) {
      const series = this.series[this.slotOf(bar.symbol)]!;
      if (bar.openTime > series.lastOpenTime) series.push(bar);
    }
  }
}
