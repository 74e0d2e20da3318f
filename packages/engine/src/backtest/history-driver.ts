import { ArgoError, intervalToMs, isSimulatedVenue, type MarketDataProvider } from "@argo/core";
import type { BarPipeline } from "../engine/bar-pipeline.ts";
import type { CloseAtEnd } from "./backtest-options.ts";
import { BarSource } from "./bar-source.ts";
import { ProgressBar, type ProgressOptions } from "./progress-bar.ts";
import type { RunRecorder } from "./run-recorder.ts";
import { settleAtEnd } from "./settle-at-end.ts";

/** What the history driver replays and how it ends. */
export interface HistoryPlan {
  symbols: readonly string[];
  interval: string;
  from: number;
  to: number;
  closeAtEnd: CloseAtEnd;
  progress: ProgressOptions | undefined;
}

// Progress and yielding cost more than a bar, so they happen every so many bars (powers of two: a mask test).
const PROGRESS_MASK = 4095;
const YIELD_MASK = 65_535;

/**
 * Replays history through the pipeline in virtual time: every symbol's `history()` merged by open
 * time (ties in symbol order), each bar through the same pipeline the live engine uses (the
 * simulated venue sees it first, so orders fill at the next bar at the earliest), equity recorded
 * once per time step after all symbols of that time. Then the final broker pass (closeAtEnd).
 * Returns true when the signal stopped the replay early.
 */
export async function driveHistory(
  pipeline: BarPipeline,
  marketData: MarketDataProvider,
  signal: AbortSignal | undefined,
  plan: HistoryPlan,
  recorder: RunRecorder,
): Promise<boolean> {
  const venue = pipeline.trading;
  if (!isSimulatedVenue(venue)) {
    throw new ArgoError("INVALID_CONFIGURATION", `trading provider "${venue.name}" is not a simulated venue; a backtest only trades on one (e.g. "paper")`);
  }
  recorder.start(pipeline.mirror.account, pipeline.mirror.positions());
  const unsubscribe = venue.on(recorder.onEvent);
  // A flag set by the signal's listener is cheaper to test on every bar than the signal itself.
  let aborted = signal?.aborted === true;
  const onAbort = () => void (aborted = true);
  signal?.addEventListener("abort", onAbort, { once: true });
  const options = signal === undefined ? undefined : { signal };
  const sources = plan.symbols.map((symbol, slot) => new BarSource(symbol, slot, marketData.history(symbol, plan.interval, plan.from, plan.to, options)));
  const progress = plan.progress === undefined ? undefined : new ProgressBar(plan.progress);
  let bars = 0;
  let stepTime = Number.NaN;
  let firstTime = Number.NaN;
  const fraction = (time: number) => (Number.isFinite(plan.to) && plan.to < Number.MAX_SAFE_INTEGER && plan.to > firstTime ? (time - firstTime) / (plan.to - firstTime) : undefined);
  try {
    for (const source of sources) {
      const pending = source.advance();
      if (pending !== undefined) await pending;
    }
    const single = sources.length === 1 ? sources[0]! : undefined;
    for (;;) {
      let next = single;
      if (next === undefined) {
        for (let i = 0; i < sources.length; i++) {
          const candidate = sources[i]!;
          if (candidate.head !== undefined && (next === undefined || candidate.head.openTime < next.head!.openTime)) next = candidate;
        }
        if (next === undefined) break;
      }
      const bar = next.head;
      if (bar === undefined) break;
      if (bar.openTime !== stepTime) {
        if (bars === 0) firstTime = bar.openTime;
        else recorder.endStep(stepTime);
        stepTime = bar.openTime;
      }
      recorder.bar(next.slot, bar);
      const inBar = pipeline.processBar(bar);
      if (inBar !== undefined) await inBar;
      const advancing = next.advance();
      if (advancing !== undefined) await advancing;
      bars++;
      if (aborted) break;
      if ((bars & PROGRESS_MASK) === 0) {
        progress?.update({ bars, fraction: fraction(stepTime) });
        // A replay that never waits would hold the event loop for its whole length: no timers, no aborts.
        if ((bars & YIELD_MASK) === 0) await new Promise<void>((resolve) => setImmediate(resolve));
      }
    }
    if (bars === 0 && !aborted) {
      throw new ArgoError("INVALID_DATA", `no bars for ${plan.symbols.join(", ")} at ${plan.interval} in the range [${plan.from}, ${plan.to})`, {
        details: { symbols: [...plan.symbols], interval: plan.interval, from: plan.from, to: plan.to },
      });
    }
    if (bars > 0) recorder.endStep(stepTime);
    if (!aborted && plan.closeAtEnd !== false) {
      await settleAtEnd(pipeline, venue, recorder, plan.closeAtEnd, intervalToMs(plan.interval));
      recorder.remarkLastStep();
    }
    progress?.finish({ bars, fraction: aborted ? fraction(stepTime) : 1 });
    return aborted;
  } finally {
    signal?.removeEventListener("abort", onAbort);
    unsubscribe();
    await Promise.all(sources.map((source) => source.close().catch(() => undefined)));
  }
}
