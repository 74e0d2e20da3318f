import { ArgoError, type Bar } from "@argo/core";
import { type BarRange, barRangeOf } from "./bar-range.ts";
import { isoTimeOrText } from "../report/iso-time.ts";
import { BarIntervalCheck } from "../engine/bar-interval-check.ts";
import { barFaults, isSoundBar } from "../engine/bar-problem.ts";

/**
 * One symbol's history as a cursor: `head` is its next bar, undefined once it is exhausted.
 * A history backed by an array (bars already in memory) is read by index; one that is
 * synchronously iterable advances without a promise per bar; any other advances through its async
 * iterator, without waiting when its answer has already settled. Bars must come oldest first, inside the
 * range asked for, belong to the symbol and interval asked for and be valid candles: a backtest never skips, reorders,
 * half-processes or reaches beyond its range silently (INVALID_DATA ends the run instead).
 */
export class BarSource {
  head: Bar | undefined;
  /** Bars this history still holds when known up front (an array behind it), else undefined. */
  readonly size: number | undefined;
  private readonly range: BarRange | undefined;
  private index = 0;
  private readonly syncIterator: Iterator<Bar> | undefined;
  private readonly asyncIterator: AsyncIterator<Bar> | undefined;
  private previousTime = Number.NEGATIVE_INFINITY;
  private readonly from: number;
  private readonly to: number;
  private readonly intervals: BarIntervalCheck;
  private readonly failed: (error: unknown) => unknown;

  constructor(
    readonly symbol: string,
    readonly slot: number,
    history: AsyncIterable<Bar>,
    /**
     * The range asked of `history` (from inclusive, to exclusive): a bar outside it is refused, not replayed. And the
     * interval asked for: a bar labelled with another is refused; without it, one labelled other than the first bar is.
     */
    bounds?: {
      readonly from: number;
      readonly to: number;
      readonly interval?: string;
      /** What a failure of the history's own reads is thrown as (see historyFailure); as it is when not given. */
      readonly failed?: (error: unknown) => unknown;
    },
  ) {
    this.failed = bounds?.failed ?? ((error) => error);
    this.from = bounds?.from ?? Number.NEGATIVE_INFINITY;
    this.to = bounds?.to ?? Number.POSITIVE_INFINITY;
    this.intervals = bounds?.interval === undefined
      ? new BarIntervalCheck(undefined, "the interval of the history's first bar")
      : new BarIntervalCheck(bounds.interval, "the backtest's interval");
    this.range = barRangeOf(history);
    if (this.range !== undefined) {
      this.index = this.range.start;
      this.size = Math.max(0, this.range.end - this.range.start);
      return;
    }
    const sync = (history as Partial<Iterable<Bar>>)[Symbol.iterator];
    try {
      if (typeof sync === "function") this.syncIterator = sync.call(history);
      else this.asyncIterator = history[Symbol.asyncIterator]();
    } catch (error) {
      throw this.failed(error);
    }
  }

  /** True while a read handed out by {@link advance} has not been received: a run given up on may leave it pending. */
  awaiting = false;

  /** True when advancing never waits. */
  get synchronous(): boolean {
    return this.range !== undefined || this.syncIterator !== undefined;
  }

  /**
   * Moves to the next bar. An asynchronous history returns its iterator's promise instead: the
   * caller awaits it and hands the result to `receive` (no extra promise chained per bar).
   */
  advance(): Promise<IteratorResult<Bar>> | undefined {
    const range = this.range;
    if (range !== undefined) {
      if (this.index < range.end && range.signal?.aborted !== true) this.check(range.bars[this.index++]!);
      else this.head = undefined;
      return undefined;
    }
    if (this.syncIterator !== undefined) {
      this.receive(this.read(this.syncIterator));
      return undefined;
    }
    const next = this.read(this.asyncIterator!);
    // A history that reads ahead (replay files, a chunk at a time) answers most calls with a settled promise:
    // taken at once, the bar costs no turn of the event loop. Only a pending or rejected answer is awaited.
    if (next instanceof Promise && Bun.peek.status(next) === "fulfilled") {
      this.receive(Bun.peek(next) as IteratorResult<Bar>);
      return undefined;
    }
    this.awaiting = true;
    return Promise.resolve(next).catch((error: unknown) => Promise.reject(this.failed(error)));
  }

  /** The iterator's next answer; its failure thrown as `failed` says (a bar's own faults are judged apart: see check). */
  private read<T>(iterator: { next(): T }): T {
    try {
      return iterator.next();
    } catch (error) {
      throw this.failed(error);
    }
  }

  /** Ends the underlying iterator early (a stopped or failed run). */
  async close(): Promise<void> {
    this.head = undefined;
    if (this.range !== undefined) this.index = this.range.end;
    else if (this.syncIterator !== undefined) this.syncIterator.return?.();
    else await this.asyncIterator!.return?.();
  }

  /** Takes the iterator's next result as the new head (undefined once done). */
  receive(next: IteratorResult<Bar>): void {
    this.awaiting = false;
    if (next.done === true) this.head = undefined;
    else this.check(next.value);
  }

  /** Makes `bar` the head after checking it belongs here, comes in order and is a valid candle. */
  private check(bar: Bar): void {
    if (bar.symbol !== this.symbol) {
      throw new ArgoError("INVALID_DATA", `history of ${this.symbol} yielded a bar of ${String(bar.symbol)}`, {
        details: { symbol: this.symbol, openTime: bar.openTime },
      });
    }
    if (!(bar.openTime > this.previousTime)) {
      throw new ArgoError(
        "INVALID_DATA",
        `history of ${this.symbol} is not in time order: bar at ${isoTimeOrText(bar.openTime)} follows ${isoTimeOrText(this.previousTime)}; a backtest needs each symbol's bars oldest first, without duplicates`,
        { details: { symbol: this.symbol, openTime: bar.openTime, previousOpenTime: this.previousTime } },
      );
    }
    // The same bars a live stream refuses (see isSoundBar); a backtest must not skip data, so the run ends on one.
    if (!isSoundBar(bar)) {
      const { open, high, low, close, volume } = bar;
      throw new ArgoError(
        "INVALID_DATA",
        `history of ${this.symbol} has an invalid bar at ${isoTimeOrText(bar.openTime)}: open ${open}, high ${high}, low ${low}, close ${close}, volume ${volume} (${barFaults(bar).join("; ")})`,
        { details: { symbol: this.symbol, openTime: bar.openTime } },
      );
    }
    // The pipeline and the venue take the bar's close time from its label: another interval's would move the clocks by its length.
    const wrongInterval = this.intervals.fault(bar);
    if (wrongInterval !== undefined) {
      throw new ArgoError("INVALID_DATA", `history of ${this.symbol} has an invalid bar at ${isoTimeOrText(bar.openTime)}: ${wrongInterval}`, {
        details: { symbol: this.symbol, openTime: bar.openTime, interval: bar.interval },
      });
    }
    // A provider that ignores the range would replay the bars the range excludes: a hold-out period, the future.
    if (!(bar.openTime >= this.from && bar.openTime < this.to)) {
      throw new ArgoError(
        "INVALID_DATA",
        `history of ${this.symbol} yielded a bar at ${isoTimeOrText(bar.openTime)}, outside the range [${isoTimeOrText(this.from)}, ${isoTimeOrText(this.to)}) it was asked for`,
        { details: { symbol: this.symbol, openTime: bar.openTime, from: this.from, to: this.to } },
      );
    }
    this.previousTime = bar.openTime;
    this.head = bar;
  }
}
