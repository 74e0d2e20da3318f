import type { Bar } from "@argo/core";
import type { IndicatorFeed } from "./indicator-handle.ts";

/**
 * Simple moving average of closes in O(1) per bar: a running sum over a ring buffer of the last
 * `period` closes.
 *
 * Why not trading-signals: its SMA (8.3) pushes to an array, shifts it and re-sums the whole window
 * on every update, and 8.3 has no constant-time variant (no Faster* classes, no running-sum option).
 * Measured on the SMA-cross backtest (SMA 10 and 30, one million bars, same machine and run): its two
 * SMAs cost about 350 ms of the run, 175 ns per update; this class takes about 15 ns per update.
 *
 * A running sum drifts by float rounding, so the sum is rebuilt from the buffer every time the ring
 * wraps (once per `period` updates, amortised one addition per bar). The rebuild adds the closes
 * oldest first from 0, the same order a plain re-sum uses, so at those bars the value is the plain
 * mean bit for bit; between them the sum carries at most two roundings per bar since the rebuild
 * (fewer than `period` bars), each relative to the sums seen meanwhile: far inside the 1e-9 the
 * tests hold it to, even across jumps of the price level.
 */
export class RollingSma implements IndicatorFeed<number> {
  private readonly window: Float64Array;
  private next = 0;
  private count = 0;
  private sum = 0;

  constructor(readonly period: number) {
    this.window = new Float64Array(period);
  }

  update(bar: Bar): number | null {
    return this.add(bar.close);
  }

  /** Adds a value; the mean of the last `period` values, or null until there are that many. */
  add(value: number): number | null {
    const window = this.window;
    const period = this.period;
    const i = this.next;
    if (this.count < period) {
      this.count++;
      this.sum += value;
    } else {
      this.sum += value - window[i]!;
    }
    window[i] = value;
    if (i + 1 === period) {
      this.next = 0;
      // The buffer now runs oldest to newest from index 0: rebuild the sum in that order.
      let sum = 0;
      for (let k = 0; k < period; k++) sum += window[k]!;
      this.sum = sum;
    } else {
      this.next = i + 1;
    }
    return this.count === period ? this.sum / period : null;
  }
}
