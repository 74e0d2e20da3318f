import type { Bar } from "@argo/core";
import type { BarPipeline } from "../engine/bar-pipeline.ts";
import type { BarSource } from "./bar-source.ts";
import type { ProgressBar } from "./progress-bar.ts";
import type { RunRecorder } from "./run-recorder.ts";

// Progress and yielding cost more than a bar, so they happen every so many bars (powers of two: a mask test).
const PROGRESS_MASK = 4095;
const YIELD_MASK = 65_535;

/**
 * The replay's per-bar loop: sources merged by open time (ties in symbol order), each bar recorded
 * and run through the pipeline, equity recorded once per time step after all symbols of that time.
 * Once a step leaves the equity ≤ 0 the loop waits for `stopTrading` and then only records the bars left, at 0.
 *
 * `run()` is synchronous and goes on until it must wait (a bar the pipeline finishes asynchronously,
 * an async history, the periodic yield) or the replay is over. Most bars never wait, so they stay in
 * this plain loop; only a bar that must wait costs an await, in the caller, which then calls `run()`
 * again to resume that bar where it stopped.
 */
export class ReplayLoop {
  /** Bars processed so far. */
  bars = 0;
  /** Open time of the current time step; NaN before the first bar. */
  stepTime = Number.NaN;
  /** Open time of the first bar; NaN before it. */
  firstTime = Number.NaN;
  /** Set when the run must stop after the bar in hand. */
  aborted = false;
  /** Set once the account ran out of money: the bars after go to the recorder only, at equity 0, never to the pipeline. */
  stopped = false;
  /** Set when a stop gave up waiting for the loop (see giveUp): it must not go on once what it waited for settles. */
  givenUp = false;
  private readonly single: BarSource | undefined;
  /** The source whose head bar is being processed, between `processBar` and counting it. */
  private current: BarSource | undefined;
  private advanced = false;
  /** The source whose asynchronous `advance` the caller is awaiting. */
  private receiving: BarSource | undefined;

  constructor(
    private readonly pipeline: BarPipeline,
    private readonly recorder: RunRecorder,
    private readonly sources: readonly BarSource[],
    private readonly progress: ProgressBar | undefined,
    /** End of the replayed range (exclusive), for the progress fraction; undefined when the range is open. */
    private readonly to: number | undefined,
    /** Closes everything once a step ran the account out of money (the recorder says so); the loop waits for it. */
    private readonly stopTrading: () => Promise<void>,
  ) {
    this.single = sources.length === 1 ? sources[0] : undefined;
  }

  /**
   * Replays bars until one must be waited for or the end (undefined). The caller awaits what it
   * returns and calls again with the awaited value (a history's next result, when that was awaited).
   */
  run(awaited?: unknown): Promise<unknown> | undefined {
    if (this.receiving !== undefined) {
      const source = this.receiving;
      this.receiving = undefined;
      source.receive(awaited as IteratorResult<Bar>);
    }
    for (;;) {
      let next = this.current;
      if (next === undefined) {
        next = this.pick();
        if (next === undefined) return undefined;
        const bar = next.head!;
        if (bar.openTime !== this.stepTime) {
          if (this.bars === 0) this.firstTime = bar.openTime;
          else this.recorder.endStep(this.stepTime);
          this.stepTime = bar.openTime;
          // The step just ended left the equity ≤ 0: trading stops there, before this bar is recorded (the closes
          // are at that step's prices); the call after the wait resumes with this bar, in the step it opened.
          if (this.recorder.outOfMoney !== undefined && !this.stopped) {
            this.stopped = true;
            return this.stopTrading();
          }
        }
        this.recorder.bar(next.slot, bar);
        this.current = next;
        this.advanced = false;
        if (this.stopped) this.recorder.barsAfterStop++;
        else {
          const inBar = this.pipeline.processBar(bar);
          if (inBar !== undefined) return inBar;
        }
      }
      if (!this.advanced) {
        this.advanced = true;
        const advancing = next.advance();
        if (advancing !== undefined) {
          this.receiving = next;
          return advancing;
        }
      }
      this.current = undefined;
      const bars = ++this.bars;
      if (this.aborted) return undefined;
      if ((bars & PROGRESS_MASK) === 0) {
        this.progress?.update({ bars, fraction: this.fraction(this.stepTime) });
        // A replay that never waits would hold the event loop for its whole length: no timers, no aborts.
        if ((bars & YIELD_MASK) === 0) return new Promise<void>((resolve) => setImmediate(resolve));
      }
    }
  }

  /**
   * Stops the replay after a history failed on an abort: the bar whose successor was being read (awaited, or read
   * synchronously) has been through the pipeline already, so it counts; the caller then closes its step.
   */
  abandon(): void {
    if (this.current !== undefined && this.advanced) {
      this.receiving = undefined;
      this.current = undefined;
      this.bars++;
    }
    this.aborted = true;
  }

  /**
   * Stops the replay where a stop gave up waiting for it (a strategy callback that never settled): the bar in hand was
   * seen by the strategy, so it counts, as after any abort; the caller closes its step.
   */
  giveUp(): void {
    this.givenUp = true;
    if (this.current !== undefined) {
      this.receiving = undefined;
      this.current = undefined;
      this.bars++;
    }
    this.aborted = true;
  }

  /** Share of the range from the first bar to `to` that `time` has reached; undefined when the range is open. */
  fraction(time: number): number | undefined {
    const { to, firstTime } = this;
    return to !== undefined && to > firstTime ? (time - firstTime) / (to - firstTime) : undefined;
  }

  /** The source with the earliest next bar (the first of equal ones), undefined when all are exhausted. */
  private pick(): BarSource | undefined {
    const single = this.single;
    if (single !== undefined) return single.head === undefined ? undefined : single;
    let next: BarSource | undefined;
    const sources = this.sources;
    for (let i = 0; i < sources.length; i++) {
      const candidate = sources[i]!;
      if (candidate.head !== undefined && (next === undefined || candidate.head.openTime < next.head!.openTime)) next = candidate;
    }
    return next;
  }
}
