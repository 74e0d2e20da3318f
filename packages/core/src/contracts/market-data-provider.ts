import type { ArgoError } from "../errors/argo-error.ts";
import type { Bar } from "../domain/bar.ts";

/** One item of a market data stream: a closed bar, or a non-fatal error the stream survived. */
export type StreamItem = { type: "bar"; bar: Bar } | { type: "error"; error: ArgoError };

/** Options of a market data request. */
export interface StreamOptions {
  /** Ends the stream or history early. */
  signal?: AbortSignal;
  /**
   * stream() only: open time of the newest bar the consumer already holds for every symbol (a resumed session). A source
   * that replays fixed times (a file, a simulation) may skip bars opening at or before it instead of pacing through them;
   * the consumer drops such bars anyway, so a source that ignores this is still correct, only slower to catch up.
   */
  after?: number;
  /**
   * stream() only: per symbol, open time of the newest bar the consumer already holds of it (a resumed session whose
   * symbols stopped at different times). A source may skip each symbol's bars at or before its own time; a symbol not
   * named here goes by `after`. Ignoring it is correct too, only slower to catch up.
   */
  afterBySymbol?: Readonly<Record<string, number>>;
}

/** A source of bars: live as they close, or past ones for backfill and backtests. */
export interface MarketDataProvider {
  readonly name: string;
  /** Yields bars of all symbols as they close, in time order, and errors the stream survived. Ends when the source ends or the signal aborts. */
  stream(symbols: string[], interval: string, options?: StreamOptions): AsyncIterable<StreamItem>;
  /** Yields past bars of one symbol with `from <= openTime < to`, oldest first. */
  history(symbol: string, interval: string, from: number, to: number, options?: StreamOptions): AsyncIterable<Bar>;
  /** Releases connections and files. */
  close?(): Promise<void>;
}
