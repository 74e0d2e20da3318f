import { ArgoError, intervalToMs, isSimulatedVenue, type MarketDataProvider } from "@argo/core";
import type { BarPipeline } from "../engine/bar-pipeline.ts";
import type { CloseAtEnd } from "./backtest-options.ts";
import { BarSource } from "./bar-source.ts";
import { ProgressBar, type ProgressOptions } from "./progress-bar.ts";
import { ReplayLoop } from "./replay-loop.ts";
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
  const options = signal === undefined ? undefined : { signal };
  const sources = plan.symbols.map((symbol, slot) => new BarSource(symbol, slot, marketData.history(symbol, plan.interval, plan.from, plan.to, options)));
  reserveRecording(sources, recorder);
  const progress = plan.progress === undefined ? undefined : new ProgressBar(plan.progress);
  const loop = new ReplayLoop(pipeline, recorder, sources, progress, plan.to);
  // A flag set by the signal's listener is cheaper to test on every bar than the signal itself.
  loop.aborted = signal?.aborted === true;
  const onAbort = () => void (loop.aborted = true);
  signal?.addEventListener("abort", onAbort, { once: true });
  try {
    for (const source of sources) {
      const pending = source.advance();
      if (pending !== undefined) source.receive(await pending);
    }
    // The loop runs synchronously until it must wait; it gets back what it waited for.
    let wait = loop.run();
    while (wait !== undefined) wait = loop.run(await wait);
    const { bars, stepTime, aborted } = loop;
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
    progress?.finish({ bars, fraction: aborted ? loop.fraction(stepTime) : 1 });
    return aborted;
  } finally {
    signal?.removeEventListener("abort", onAbort);
    unsubscribe();
    await Promise.all(sources.map((source) => source.close().catch(() => undefined)));
  }
}

/** Histories of known length (arrays in memory) size the recorder once instead of growing it while replaying. */
function reserveRecording(sources: readonly BarSource[], recorder: RunRecorder): void {
  const sizes: number[] = [];
  for (const source of sources) {
    if (source.size === undefined) return;
    sizes[source.slot] = source.size;
  }
  recorder.reserve(sizes);
}
