import type { Bar } from "@argo/core";
import type { PricePath } from "./price-path.ts";

/**
 * Walks a fresh price path for `history()`: every bar is generated (each depends on the ones before it),
 * those with from <= openTime < to are yielded, and the walk ends at `to`, after `count` bars or on abort.
 * A plain iterator rather than a generator: a backtest reads a million bars through it.
 */
export class HistoryCursor implements IterableIterator<Bar> {
  private generated = 0;
  private done = false;

  constructor(
    private readonly path: PricePath,
    private readonly count: number,
    private readonly from: number,
    private readonly to: number,
    private readonly signal: AbortSignal | undefined,
  ) {}

  next(): IteratorResult<Bar> {
    while (!this.done && this.generated < this.count && this.signal?.aborted !== true) {
      this.generated++;
      const bar = this.path.next();
      if (bar.openTime >= this.to) break;
      if (bar.openTime >= this.from) return { done: false, value: bar };
    }
    return this.return();
  }

  return(): IteratorResult<Bar> {
    this.done = true;
    return { done: true, value: undefined };
  }

  [Symbol.iterator](): IterableIterator<Bar> {
    return this;
  }
}
