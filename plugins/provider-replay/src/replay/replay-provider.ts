import { ArgoError, type Bar, type MarketDataProvider, type StreamItem, type StreamOptions } from "@argo/core";
import { findReplayFile } from "./find-replay-file.ts";
import { uniqueSymbols } from "../shared/unique-symbols.ts";
import { mergeByTime } from "./merge-by-time.ts";
import { createPacer } from "./pacer.ts";
import { readBarBatches, readBarItems } from "./read-bar-items.ts";
import { ReplayHistory } from "./replay-history.ts";
import { skipDelivered } from "./skip-delivered.ts";
import type { ReplayFile } from "./replay-file.ts";

/** Market data from CSV or JSON-lines files: history for backtests, a (optionally paced) stream for replays. */
export class ReplayProvider implements MarketDataProvider {
  readonly name = "replay";

  /** `files` must come from resolveReplayFiles; `speed` as in the config (0 = no pacing). */
  constructor(
    private readonly files: readonly ReplayFile[],
    private readonly speed: number,
  ) {}

  /** Bars of all symbols merged by openTime (ties in the order given), from after `after`; malformed rows become error items and the stream goes on. */
  async *stream(symbols: string[], interval: string, options: StreamOptions = {}): AsyncGenerator<StreamItem> {
    const { signal, after = Number.NEGATIVE_INFINITY, afterBySymbol } = options;
    const files = uniqueSymbols(symbols).map((symbol) => this.fileFor(symbol, interval));
    if (signal?.aborted || files.length === 0) return;
    const pace = this.speed > 0 ? createPacer(this.speed, signal) : undefined;
    // A resumed consumer already has the bars up to `after` (and the errors between them): skipped before the pacer, so
    // a restart neither waits through them nor reports a bad row again. Each symbol up to its own held bar, when told:
    // one that stopped early must not hold the others' held bars back in the pacer.
    const sources = files.map((file) => {
      const held = afterBySymbol?.[file.symbol] ?? after;
      return held === Number.NEGATIVE_INFINITY ? readBarItems(file) : skipDelivered(readBarItems(file), held);
    });
    for await (const item of mergeByTime(sources)) {
      if (signal?.aborted) return;
      if (pace !== undefined && item.type === "bar" && !(await pace(item.bar.openTime))) return;
      yield item;
    }
  }

  /** Bars of one symbol with from <= openTime < to, oldest first; a malformed row throws INVALID_DATA, since a backtest must not skip data. */
  history(symbol: string, interval: string, from: number, to: number, options: StreamOptions = {}): AsyncIterableIterator<Bar> {
    const { signal } = options;
    const open = () => {
      const file = this.fileFor(symbol, interval);
      return signal?.aborted || !(from < to) ? undefined : readBarBatches(file);
    };
    return new ReplayHistory(open, from, to, signal);
  }

  /** Symbols and intervals this provider has files for. */
  available(): { symbol: string; interval: string }[] {
    return this.files.map((file) => ({ symbol: file.symbol, interval: file.interval }));
  }

  private fileFor(symbol: string, interval: string): ReplayFile {
    const found = findReplayFile(this.files, symbol, interval);
    if (found instanceof ArgoError) throw found;
    return found;
  }
}
