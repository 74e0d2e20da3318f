import type { Bar, StreamItem } from "@argo/core";
import { isOutOfOrder } from "./row-error.ts";

const DONE: IteratorResult<Bar> = Object.freeze({ done: true, value: undefined });

/**
 * `history()` of one file: the bars with from <= openTime < to, oldest first; a malformed row rejects
 * with its INVALID_DATA error (a backtest must not skip data). Rows are read a chunk at a time, and a
 * bar already read is handed out in an already-settled promise: a reader that looks before it awaits
 * (the backtest engine does, with Bun.peek) waits once per chunk rather than once per bar. Ending
 * early (break, return, the range's end, an abort) cancels the file read. At the range's end it looks
 * at one more row: rows are only checked against the row before them, so a date mistyped into the
 * future, or a newest-first file, would otherwise end the range silently instead of failing on the
 * row after it.
 */
export class ReplayHistory implements AsyncIterableIterator<Bar> {
  private batches: AsyncIterator<StreamItem[]> | undefined;
  private batch: readonly StreamItem[] = [];
  private index = 0;
  private done = false;
  /** The chunk being read: a second `next()` meanwhile waits for it instead of reading another. */
  private reading: Promise<IteratorResult<Bar>> | undefined;

  constructor(
    /** Opens the file's batches; called at the first `next()`, so a bad symbol rejects there, as a generator would. */
    private readonly open: () => AsyncIterator<StreamItem[]> | undefined,
    private readonly from: number,
    private readonly to: number,
    private readonly signal: AbortSignal | undefined,
  ) {}

  next(): Promise<IteratorResult<Bar>> {
    // Like a generator's queued calls: after the read in flight, whether it gave bars or failed (then this one is done).
    const reading = this.reading;
    if (reading !== undefined) return reading.then(() => this.next(), () => this.next());
    try {
      return this.step();
    } catch (error) {
      return this.finish().then(() => Promise.reject(error));
    }
  }

  return(): Promise<IteratorResult<Bar>> {
    return this.finish();
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<Bar> {
    return this;
  }

  private step(): Promise<IteratorResult<Bar>> {
    if (this.batches === undefined && !this.done) {
      this.batches = this.open();
      if (this.batches === undefined) this.done = true;
    }
    if (this.done || this.signal?.aborted === true) return this.finish();
    const batch = this.batch;
    while (this.index < batch.length) {
      const item = batch[this.index++]!;
      if (item.type === "error") return this.finish().then(() => Promise.reject(item.error));
      const time = item.bar.openTime;
      // Rows are checked to be ascending, so nothing later can fall inside the range, unless the row
      // after this one says they are not.
      if (time >= this.to) return this.endAfterNextItem();
      if (time >= this.from) return Promise.resolve({ done: false, value: item.bar });
    }
    return this.readBatch(() => this.next());
  }

  /**
   * Ends the range after one look at the next item (the end of the file is fine): rejects when it is
   * out of order, since then the row that ended the range is suspect; any other item ends it quietly.
   */
  private endAfterNextItem(): Promise<IteratorResult<Bar>> {
    if (this.index >= this.batch.length) return this.readBatch(() => this.endAfterNextItem());
    const item = this.batch[this.index]!;
    if (item.type === "error" && isOutOfOrder(item.error)) return this.finish().then(() => Promise.reject(item.error));
    return this.finish();
  }

  /** Reads the next batch, then goes on with `then`; the end of the file ends the iteration, a read error rejects. */
  private readBatch(then: () => Promise<IteratorResult<Bar>>): Promise<IteratorResult<Bar>> {
    const reading = this.batches!.next().then(
      (result) => {
        this.reading = undefined;
        if (result.done === true) return this.finish();
        this.batch = result.value;
        this.index = 0;
        return then();
      },
      (error: unknown) => {
        this.reading = undefined;
        return this.finish().then(() => Promise.reject(error));
      },
    );
    this.reading = reading;
    return reading;
  }

  /** Ends the iteration and closes the file read (once). */
  private finish(): Promise<IteratorResult<Bar>> {
    this.done = true;
    this.batch = [];
    this.index = 0;
    const batches = this.batches;
    this.batches = undefined;
    if (batches?.return === undefined) return Promise.resolve(DONE);
    return batches.return().then(() => DONE, () => DONE);
  }
}
