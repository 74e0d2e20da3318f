import { barCloseTime } from "./bar-close-time.ts";
import { fixedIntervalMs } from "./fixed-interval-ms.ts";

/**
 * Close times of a stream of bars, for per-bar loops (a venue, an engine, a generator): each interval's fixed length is
 * worked out once and kept, so a bar costs a string comparison and an addition; calendar months ("1M") go through
 * `barCloseTime` bar by bar, as their lengths differ. Gives exactly what `barCloseTime` gives.
 */
export class BarCloser {
  private lastInterval = "";
  /** Length of `lastInterval`'s bars; NaN for a calendar interval (and before the first bar). */
  private lastMs = Number.NaN;
  private readonly lengths = new Map<string, number>();

  /** When a bar of `interval` that opened at `openTime` closes (epoch ms). A malformed interval is INVALID_CONFIGURATION, as in `barCloseTime`. */
  closeTime(openTime: number, interval: string): number {
    if (interval !== this.lastInterval) this.select(interval);
    const ms = this.lastMs;
    return ms === ms ? openTime + ms : barCloseTime(openTime, interval);
  }

  private select(interval: string): void {
    let ms = this.lengths.get(interval);
    if (ms === undefined) {
      // Throws for a malformed interval before anything is kept, so the next bar of it is refused too.
      ms = fixedIntervalMs(interval) ?? Number.NaN;
      this.lengths.set(interval, ms);
    }
    this.lastInterval = interval;
    this.lastMs = ms;
  }
}
