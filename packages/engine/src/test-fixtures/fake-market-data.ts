import { ArgoError, type Bar, type MarketDataProvider, type StreamItem, type StreamOptions } from "@argo/core";

/** Options of the fake feed: error injection after N bars (yielded, the stream goes on) or a throw after N bars. */
export interface FakeMarketDataOptions {
  errorAfter?: number;
  errorMessage?: string;
  throwAfter?: number;
  /** Ends the stream after the injected error instead of going on. */
  endAfterError?: boolean;
}

/** A market data provider over fixed bars, merged by open time (ties in the order the symbols were asked for). */
export class FakeMarketData implements MarketDataProvider {
  readonly name = "fake-data";
  closed = false;
  /** The options of the last stream() call; like a live feed, the fake ignores `after` (the engine drops old bars itself). */
  streamOptions: StreamOptions | undefined;

  constructor(private readonly bars: readonly Bar[], private readonly options: FakeMarketDataOptions = {}) {}

  async *stream(symbols: string[], _interval: string, options?: StreamOptions): AsyncIterable<StreamItem> {
    this.streamOptions = options;
    const rank = new Map(symbols.map((s, i) => [s, i]));
    const merged = this.bars.filter((b) => rank.has(b.symbol)).sort((a, b) => a.openTime - b.openTime || rank.get(a.symbol)! - rank.get(b.symbol)!);
    let count = 0;
    for (const bar of merged) {
      if (options?.signal?.aborted) return;
      if (this.options.throwAfter !== undefined && count === this.options.throwAfter) throw new Error("feed exploded");
      if (this.options.errorAfter !== undefined && count === this.options.errorAfter) {
        yield { type: "error", error: new ArgoError("STREAM_DISCONNECTED", this.options.errorMessage ?? "simulated connection lost") };
        if (this.options.endAfterError) return;
      }
      count++;
      yield { type: "bar", bar };
    }
  }

  async *history(symbol: string, _interval: string, from: number, to: number): AsyncIterable<Bar> {
    for (const bar of this.bars) if (bar.symbol === symbol && bar.openTime >= from && bar.openTime < to) yield bar;
  }

  async close(): Promise<void> {
    this.closed = true;
  }
}
