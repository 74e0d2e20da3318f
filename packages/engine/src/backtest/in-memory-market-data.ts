import { ArgoError, type Bar, type MarketDataProvider, type StreamItem, type StreamOptions } from "@argo/core";
import { BAR_RANGE, type BarRange } from "./bar-range.ts";

/** A history that is both async-iterable (the contract) and sync-iterable; the backtest reads its array directly. */
export type BarHistoryIterable = AsyncIterable<Bar> & Iterable<Bar> & { readonly [BAR_RANGE]: BarRange };

/**
 * A market data provider over bars already in memory (e.g. loaded once and backtested many times).
 * `history()` also iterates synchronously, which lets the backtest engine replay it without a promise
 * per bar; `stream()` yields every symbol's bars merged by open time.
 */
export class InMemoryMarketData implements MarketDataProvider {
  readonly name: string;
  private readonly bySymbol = new Map<string, Bar[]>();
  /** The interval every bar of a symbol has; absent when its bars mix intervals. */
  private readonly intervalOf = new Map<string, string>();

  /** `bars` of any symbols; each symbol's bars are sorted by open time (the input is not modified). */
  constructor(bars: Iterable<Bar>, name = "in-memory") {
    this.name = name;
    for (const bar of bars) {
      let list = this.bySymbol.get(bar.symbol);
      if (list === undefined) this.bySymbol.set(bar.symbol, (list = []));
      list.push(bar);
    }
    for (const [symbol, list] of this.bySymbol) {
      if (!isSorted(list)) list.sort((a, b) => a.openTime - b.openTime);
      const interval = list[0]!.interval;
      if (list.every((bar) => bar.interval === interval)) this.intervalOf.set(symbol, interval);
    }
  }

  /** Bars of one symbol with from <= openTime < to, oldest first; bars of another interval are an error. */
  history(symbol: string, interval: string, from: number, to: number, options: StreamOptions = {}): BarHistoryIterable {
    const all = this.bySymbol.get(symbol) ?? [];
    // Checked once per symbol at construction rather than over every bar of every run.
    const bad = all.length === 0 || this.intervalOf.get(symbol) === interval ? undefined : all.find((bar) => bar.interval !== interval);
    if (bad !== undefined) {
      throw new ArgoError("INVALID_CONFIGURATION", `${this.name} holds ${symbol} at interval ${bad.interval}, not ${interval}`, {
        provider: this.name, details: { symbol, interval },
      });
    }
    const start = lowerBound(all, from);
    const end = lowerBound(all, to);
    const signal = options.signal;
    return {
      [BAR_RANGE]: { bars: all, start, end, signal },
      [Symbol.iterator]: () => new ArrayCursor(all, start, end, signal),
      async *[Symbol.asyncIterator]() {
        yield* new ArrayCursor(all, start, end, signal);
      },
    };
  }

  /** Every symbol's bars merged by open time (ties in the order the symbols are given). */
  async *stream(symbols: string[], interval: string, options: StreamOptions = {}): AsyncGenerator<StreamItem> {
    const lists = symbols.map((symbol) => [...this.history(symbol, interval, Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY, options)]);
    const next = lists.map(() => 0);
    for (;;) {
      let pick = -1;
      for (let i = 0; i < lists.length; i++) {
        const bar = lists[i]![next[i]!];
        if (bar !== undefined && (pick < 0 || bar.openTime < lists[pick]![next[pick]!]!.openTime)) pick = i;
      }
      if (pick < 0 || options.signal?.aborted) return;
      yield { type: "bar", bar: lists[pick]![next[pick]!++]! };
    }
  }
}

/** Iterates bars[start, end) without a generator: the backtest's in-memory fast path. */
class ArrayCursor implements IterableIterator<Bar> {
  constructor(
    private readonly bars: readonly Bar[],
    private index: number,
    private readonly end: number,
    private readonly signal: AbortSignal | undefined,
  ) {}

  next(): IteratorResult<Bar> {
    if (this.index >= this.end || this.signal?.aborted === true) return { done: true, value: undefined };
    return { done: false, value: this.bars[this.index++]! };
  }

  return(): IteratorResult<Bar> {
    this.index = this.end;
    return { done: true, value: undefined };
  }

  [Symbol.iterator](): IterableIterator<Bar> {
    return this;
  }
}

function isSorted(bars: readonly Bar[]): boolean {
  for (let i = 1; i < bars.length; i++) if (bars[i]!.openTime < bars[i - 1]!.openTime) return false;
  return true;
}

/** First index whose open time is >= time. */
function lowerBound(bars: readonly Bar[], time: number): number {
  let lo = 0;
  let hi = bars.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (bars[mid]!.openTime < time) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
