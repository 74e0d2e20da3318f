import { ArgoError, type Bar } from "@argo/core";

/**
 * One symbol's history as a cursor: `head` is its next bar, undefined once it is exhausted.
 * A history that is also synchronously iterable (bars already in memory) advances without a
 * promise per bar; any other advances through its async iterator. Bars must come oldest first,
 * belong to the symbol asked for and be valid candles: a backtest never skips, reorders or
 * half-processes data silently (INVALID_DATA ends the run instead).
 */
export class BarSource {
  head: Bar | undefined;
  private readonly syncIterator: Iterator<Bar> | undefined;
  private readonly asyncIterator: AsyncIterator<Bar> | undefined;
  private previousTime = Number.NEGATIVE_INFINITY;

  constructor(
    readonly symbol: string,
    readonly slot: number,
    history: AsyncIterable<Bar>,
  ) {
    const sync = (history as Partial<Iterable<Bar>>)[Symbol.iterator];
    if (typeof sync === "function") this.syncIterator = sync.call(history);
    else this.asyncIterator = history[Symbol.asyncIterator]();
  }

  /** True when advancing never waits. */
  get synchronous(): boolean {
    return this.syncIterator !== undefined;
  }

  /** Moves to the next bar; returns a promise only for asynchronous histories. */
  advance(): Promise<void> | undefined {
    if (this.syncIterator !== undefined) {
      const next = this.syncIterator.next();
      this.accept(next);
      return undefined;
    }
    return this.asyncIterator!.next().then(this.accept);
  }

  /** Ends the underlying iterator early (a stopped or failed run). */
  async close(): Promise<void> {
    this.head = undefined;
    if (this.syncIterator !== undefined) this.syncIterator.return?.();
    else await this.asyncIterator!.return?.();
  }

  private readonly accept = (next: IteratorResult<Bar>): void => {
    if (next.done === true) {
      this.head = undefined;
      return;
    }
    const bar = next.value;
    if (bar.symbol !== this.symbol) {
      throw new ArgoError("INVALID_DATA", `history of ${this.symbol} yielded a bar of ${String(bar.symbol)}`, {
        details: { symbol: this.symbol, openTime: bar.openTime },
      });
    }
    if (!(bar.openTime > this.previousTime)) {
      throw new ArgoError(
        "INVALID_DATA",
        `history of ${this.symbol} is not in time order: bar at ${bar.openTime} follows ${this.previousTime}; a backtest needs each symbol's bars oldest first, without duplicates`,
        { details: { symbol: this.symbol, openTime: bar.openTime, previousOpenTime: this.previousTime } },
      );
    }
    const { open, high, low, close } = bar;
    // The venue refuses such a bar and the strategy would trade on a bar the venue never saw.
    if (!(low > 0 && low <= open && low <= close && high >= open && high >= close && high < Number.POSITIVE_INFINITY) || !(bar.volume >= 0)) {
      throw new ArgoError(
        "INVALID_DATA",
        `history of ${this.symbol} has an invalid bar at ${bar.openTime}: open ${open}, high ${high}, low ${low}, close ${close}, volume ${bar.volume} (prices must be positive with low <= open, close <= high, volume >= 0)`,
        { details: { symbol: this.symbol, openTime: bar.openTime } },
      );
    }
    this.previousTime = bar.openTime;
    this.head = bar;
  };
}
