import type { Bar } from "@argo/core";

/** Read-only view of a symbol's recent bars, oldest first; the newest is the bar being processed. */
export interface BarHistory extends Iterable<Bar> {
  readonly length: number;
  /** Bar by position: 0 is the oldest kept, negative counts from the newest (-1). */
  at(index: number): Bar | undefined;
  /** The newest bar, or the one `ago` bars before it. */
  last(ago?: number): Bar | undefined;
  /** Close of the newest bar (or `ago` bars before it); NaN when there is none. */
  close(ago?: number): number;
  /** A copy, oldest first. */
  toArray(): Bar[];
  /** Closes as an array, oldest first. */
  closes(): number[];
}

/** A fixed-capacity ring buffer of bars: O(1) push, the oldest bar dropped when full. */
export class BarSeries implements BarHistory {
  private readonly buffer: Array<Bar | undefined>;
  private head = 0;
  private count = 0;
  /** Open time of the newest bar; -Infinity when empty. */
  lastOpenTime = Number.NEGATIVE_INFINITY;

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`cache size must be a positive integer, got ${capacity}`);
    this.buffer = new Array<Bar | undefined>(capacity);
  }

  get length(): number {
    return this.count;
  }

  push(bar: Bar): void {
    this.buffer[this.head] = bar;
    this.head = this.head + 1 === this.capacity ? 0 : this.head + 1;
    if (this.count < this.capacity) this.count++;
    this.lastOpenTime = bar.openTime;
  }

  at(index: number): Bar | undefined {
    const i = index < 0 ? index + this.count : index;
    if (i < 0 || i >= this.count) return undefined;
    let slot = this.head - this.count + i;
    if (slot < 0) slot += this.capacity;
    return this.buffer[slot];
  }

  last(ago = 0): Bar | undefined {
    return this.ago(ago);
  }

  close(ago = 0): number {
    const bar = this.ago(ago);
    return bar === undefined ? Number.NaN : bar.close;
  }

  /** The bar `ago` bars before the newest; undefined past the oldest kept (at() would read that index from the newest). */
  private ago(ago: number): Bar | undefined {
    const index = this.count - 1 - ago;
    return index < 0 ? undefined : this.at(index);
  }

  toArray(): Bar[] {
    const out = new Array<Bar>(this.count);
    for (let i = 0; i < this.count; i++) out[i] = this.at(i)!;
    return out;
  }

  closes(): number[] {
    const out = new Array<number>(this.count);
    for (let i = 0; i < this.count; i++) out[i] = this.at(i)!.close;
    return out;
  }

  *[Symbol.iterator](): Iterator<Bar> {
    for (let i = 0; i < this.count; i++) yield this.at(i)!;
  }
}
