import { ArgoError } from "@argo/core";
import { isoTimeOrText } from "../report/iso-time.ts";
import type { BarPipeline } from "./bar-pipeline.ts";

/**
 * Tells, once per session through onError, of a strategy callback still running venueCallTimeoutMs after its bar's
 * turn began, while the live stream waits for it: no bar reaches the strategy, the venue or the risk checks until it
 * settles, and a trader watching the session would otherwise see nothing wrong. Only turns that went asynchronous are
 * watched (one timer each, cleared when they end), and none after the report.
 */
export class OverrunWatch {
  private reported = false;

  constructor(private readonly p: BarPipeline) {}

  /**
   * `inBar` itself, watched: reported (once) if a strategy callback is still in progress past the deadline. The caller
   * awaits the turn as before, so the watch adds no step between a turn's end and the next bar.
   */
  wait(inBar: Promise<void>): Promise<void> {
    if (this.reported) return inBar;
    const timer = setTimeout(() => this.check(), this.p.options.venueCallTimeoutMs);
    const clear = () => clearTimeout(timer);
    inBar.then(clear, clear);
    return inBar;
  }

  /** At the deadline: a venue call in progress has a deadline of its own (and is reported when it passes), so only a callback is told. */
  private check(): void {
    const { callback, bar } = this.p.turns;
    if (callback === undefined || this.reported) return;
    this.reported = true;
    const ms = this.p.options.venueCallTimeoutMs;
    const at = bar ? ` on ${bar.symbol} bar ${isoTimeOrText(bar.openTime)}` : "";
    this.p.reportError(new ArgoError("STRATEGY_ERROR", `strategy "${this.p.strategyName}" ${callback}${at} has not settled after ${ms} ms; the bars after it wait for it (no bar reaches the strategy, the venue or the risk checks until it does)`, {
      details: { callback, ...(bar ? { symbol: bar.symbol, openTime: bar.openTime } : {}), deadlineMs: ms },
    }));
  }
}
