import { ArgoError, type Bar, type MarketDataProvider, type StreamItem, type StreamOptions } from "@argo/core";
import { abortableSleep } from "../shared/abortable-sleep.ts";
import { uniqueSymbols } from "../shared/unique-symbols.ts";
import { HistoryCursor } from "./history-cursor.ts";
import { PricePath } from "./price-path.ts";
import type { SimulatedConfig } from "./simulated-config.ts";

/**
 * Seeded generated market data: `bars` bars per symbol from `startTime`. stream() and history()
 * serve the same bars; only stream() is paced (barDelayMs), carries the injected error and skips the steps up to `after`.
 */
export class SimulatedProvider implements MarketDataProvider {
  readonly name = "simulated";

  constructor(private readonly config: SimulatedConfig) {}

  /** Bars of all symbols, one time step after another (symbols in the order given); an empty interval means the configured one. */
  async *stream(symbols: string[], interval: string, options: StreamOptions = {}): AsyncGenerator<StreamItem> {
    const { signal, after = Number.NEGATIVE_INFINITY } = options;
    const { bars, barDelayMs, errorAfterBars } = this.config;
    const paths = uniqueSymbols(symbols).map((symbol) => this.path(symbol, interval));
    let sent = 0;
    for (let step = 0; step < bars && paths.length > 0; step++) {
      if (signal?.aborted) return;
      // All symbols share the step's time, so the first bar tells whether a resumed consumer already has the step.
      const first = paths[0]!.next();
      if (first.openTime <= after) {
        // Skipped unpaced, so a restart catches up at once; the other paths still advance, so the bars after the
        // skipped steps are the ones a full run gives.
        for (let i = 1; i < paths.length; i++) paths[i]!.next();
        continue;
      }
      if (sent > 0 && barDelayMs > 0 && !(await abortableSleep(barDelayMs, signal))) return;
      for (let i = 0; i < paths.length; i++) {
        yield { type: "bar", bar: i === 0 ? first : paths[i]!.next() };
        if (++sent === errorAfterBars) yield { type: "error", error: this.disconnect(sent) };
        if (signal?.aborted) return;
      }
    }
  }

  /**
   * The bars stream() would give `symbol`, limited to from <= openTime < to. Generating needs no I/O, so the
   * history is also synchronously iterable: a backtest reads it without a promise per bar.
   */
  history(symbol: string, interval: string, from: number, to: number, options: StreamOptions = {}): AsyncIterable<Bar> & Iterable<Bar> {
    const { signal } = options;
    const count = this.config.bars;
    const cursor = () => new HistoryCursor(this.path(symbol, interval), count, from, to, signal);
    return {
      [Symbol.iterator]: cursor,
      async *[Symbol.asyncIterator]() {
        yield* cursor();
      },
    };
  }

  private path(symbol: string, interval: string): PricePath {
    const used = interval === "" ? this.config.interval : interval;
    return new PricePath(symbol, used, this.config);
  }

  private disconnect(afterBars: number): ArgoError {
    return new ArgoError("STREAM_DISCONNECTED", `simulated disconnect after ${afterBars} bars (errorAfterBars); the stream goes on`, {
      provider: this.name,
      details: { afterBars },
    });
  }
}
