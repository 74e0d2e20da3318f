import { ArgoError, type Bar, intervalToMs, type MarketDataProvider, type SimulatedVenue } from "@argo/core";
import { type BarPipeline, GAVE_UP } from "../engine/bar-pipeline.ts";
import { isAbortOf } from "../engine/is-abort-of.ts";
import { withStopGrace } from "../engine/stop-grace.ts";
import { DEFAULT_VENUE_CALL_TIMEOUT_MS } from "../engine/venue-deadline.ts";
import type { CloseAtEnd } from "./backtest-options.ts";
import { BarSource } from "./bar-source.ts";
import { historyFailure } from "./history-failure.ts";
import { isoTimeOrText } from "../report/iso-time.ts";
import { ProgressBar, type ProgressOptions } from "./progress-bar.ts";
import { stopOutOfMoney } from "./out-of-money.ts";
import { ReplayLoop } from "./replay-loop.ts";
import type { RunRecorder } from "./run-recorder.ts";
import { settleAtEnd } from "./settle-at-end.ts";

/** What the history driver replays and how it ends. */
export interface HistoryPlan {
  symbols: readonly string[];
  interval: string;
  /** First bar open time (inclusive); undefined: from the start of the history. */
  from: number | undefined;
  /** End of the range (exclusive); undefined: to the end of the history. */
  to: number | undefined;
  closeAtEnd: CloseAtEnd;
  progress: ProgressOptions | undefined;
  /**
   * How long a first read still pending when the signal aborts is waited for before the run gives up on it (the
   * session's venueCallTimeoutMs, as for a strategy callback in progress); default DEFAULT_VENUE_CALL_TIMEOUT_MS.
   */
  venueCallTimeoutMs?: number | undefined;
  /** Where a first read given up on is reported (the session's onError); without it, it is not. */
  onError?: ((error: ArgoError) => void) | undefined;
}

/**
 * Sources with a read the run gave up on: an async generator's return() waits for its pending next(), so closing one
 * is asked for but not waited for (a read that never settles would keep the run from ending).
 */
const givenUp = new WeakSet<BarSource>();

/** Every symbol's history, opened and at its first bar before the strategy's init. */
export interface OpenedHistory {
  readonly sources: readonly BarSource[];
  /** Open time of the earliest first bar, where the replay's virtual clock starts. */
  readonly startTime: number;
}

/**
 * Opens every symbol's history and reads its first bar, so the run starts on the data's clock rather than the wall
 * clock, and a symbol without a bar in the range is refused (INVALID_DATA) before the strategy runs anything. Aborted
 * while a first read is pending, the read gets plan.venueCallTimeoutMs to settle (a history answers the abort by
 * ending or rejecting); one that does not is reported (CONNECTION_LOST naming the provider and the symbol) and left,
 * and the run ends as aborted before its first bar.
 */
export async function openHistory(marketData: MarketDataProvider, signal: AbortSignal | undefined, plan: HistoryPlan): Promise<OpenedHistory> {
  const options = signal === undefined ? undefined : { signal };
  // history() takes a closed range of numbers: an open end is the widest one.
  const from = plan.from ?? Number.MIN_SAFE_INTEGER;
  const to = plan.to ?? Number.MAX_SAFE_INTEGER;
  const sources: BarSource[] = [];
  try {
    for (const [slot, symbol] of plan.symbols.entries()) {
      const failed = historyFailure(marketData.name, symbol, signal);
      let history: AsyncIterable<Bar>;
      try {
        history = marketData.history(symbol, plan.interval, from, to, options);
      } catch (error) {
        throw failed(error);
      }
      sources.push(new BarSource(symbol, slot, history, { from, to, interval: plan.interval, failed }));
    }
  } catch (error) {
    await closeHistory(sources);
    throw error;
  }
  try {
    let startTime = Number.POSITIVE_INFINITY;
    for (const source of sources) {
      // Aborted already: the next symbol's read would only add its own wait to the stop.
      if (signal?.aborted) throw abortedBeforeFirstBar();
      const pending = source.advance();
      if (pending !== undefined) source.receive(signal === undefined ? await pending : await firstRead(pending, source, marketData.name, signal, plan));
      if (source.head !== undefined && source.head.openTime < startTime) startTime = source.head.openTime;
    }
    // Aborted while opening: the strategy's init must not run for a replay that never starts (without a bar, on the wall clock).
    if (signal?.aborted) throw abortedBeforeFirstBar();
    // A symbol without a bar would be left out of the run silently: the strategy trades the others as if it were there.
    const empty = sources.filter((source) => source.head === undefined).map((source) => source.symbol);
    if (empty.length > 0) throw noBars(empty, plan);
    return { sources, startTime };
  } catch (error) {
    await closeHistory(sources);
    throw isAbortOf(signal, error) ? abortedBeforeFirstBar() : error;
  }
}

/**
 * The first read's answer; once `signal` has aborted, waited for only venueCallTimeoutMs more (the replay's reads get
 * the same through BarPipeline.graced): a provider that never answers must not keep a stop from stopping.
 */
async function firstRead(
  pending: Promise<IteratorResult<Bar>>,
  source: BarSource,
  provider: string,
  signal: AbortSignal,
  plan: HistoryPlan,
): Promise<IteratorResult<Bar>> {
  const graceMs = plan.venueCallTimeoutMs ?? DEFAULT_VENUE_CALL_TIMEOUT_MS;
  let answer: IteratorResult<Bar> | undefined;
  const answered = await withStopGrace(pending.then((next) => void (answer = next)), signal, graceMs);
  if (answered) return answer!;
  givenUp.add(source);
  plan.onError?.(new ArgoError("CONNECTION_LOST", `${provider} did not answer the first history read of ${source.symbol} within ${graceMs} ms of the stop; stopping without it`, {
    provider, details: { symbol: source.symbol, graceMs },
  }));
  throw abortedBeforeFirstBar();
}

/** INVALID_DATA for the symbols that have no bar in the plan's range, naming each of them and the range. */
function noBars(symbols: readonly string[], plan: HistoryPlan): ArgoError {
  const range = plan.from === undefined && plan.to === undefined
    ? "in the whole history"
    : `in the range [${plan.from === undefined ? "start" : isoTimeOrText(plan.from)}, ${plan.to === undefined ? "end" : isoTimeOrText(plan.to)})`;
  const which = symbols.length === plan.symbols.length ? "" : " (every symbol of a backtest needs at least one bar)";
  return new ArgoError("INVALID_DATA", `no bars for ${symbols.join(", ")} at ${plan.interval} ${range}${which}`, {
    details: { symbols: [...symbols], interval: plan.interval, from: plan.from, to: plan.to },
  });
}

/** The error of a run aborted before its first bar (the session reports it as an abort, not a failure). */
export function abortedBeforeFirstBar(): ArgoError {
  return new ArgoError("CONTEXT_CANCELLED", "the backtest was aborted before its first bar");
}

/** Ends every history early (a finished, stopped or failed run); never throws, nor waits for a history given up on. */
export async function closeHistory(sources: readonly BarSource[]): Promise<void> {
  await Promise.all(sources.map((source) => {
    const closing = source.close().catch(() => undefined);
    return givenUp.has(source) ? undefined : closing;
  }));
}

/**
 * Replays the opened history through the pipeline in virtual time: bars merged by open
 * time (ties in symbol order), each bar through the same pipeline the live engine uses (the
 * simulated venue sees it first, so orders fill at the next bar at the earliest), equity recorded
 * once per time step after all symbols of that time. Then the final broker pass (closeAtEnd), unless a step's equity
 * fell to 0 or below: trading stopped there (stopOutOfMoney) and the rest of the data was recorded at 0. Aborted while
 * a strategy callback hangs (a promise that never settles), the replay waits the grace of BarPipeline.graced for it,
 * then stops without it as after the bar in hand.
 * `venue` is the pipeline's trading provider, already checked to be a simulated venue. The caller closes the history.
 */
export async function driveHistory(
  pipeline: BarPipeline,
  venue: SimulatedVenue,
  history: OpenedHistory,
  signal: AbortSignal | undefined,
  plan: HistoryPlan,
  recorder: RunRecorder,
): Promise<void> {
  recorder.start(pipeline.mirror.account, pipeline.mirror.positions());
  const unsubscribe = venue.on(recorder.onEvent);
  const { sources } = history;
  reserveRecording(sources, recorder);
  const progress = plan.progress === undefined ? undefined : new ProgressBar(plan.progress);
  const stopTrading = () => stopOutOfMoney(pipeline, venue, recorder, intervalToMs(plan.interval));
  const loop = new ReplayLoop(pipeline, recorder, sources, progress, plan.to, stopTrading);
  // A flag set by the signal's listener is cheaper to test on every bar than the signal itself.
  loop.aborted = signal?.aborted === true;
  const onAbort = () => void (loop.aborted = true);
  signal?.addEventListener("abort", onAbort, { once: true });
  try {
    try {
      // One wait for the whole replay, not one per bar: its grace (a timer) exists only once the signal aborts.
      if ((await pipeline.graced(replay(loop))) === GAVE_UP) {
        loop.giveUp();
        // The wait given up on may be a read that never settles: closing the histories must not wait for it.
        for (const source of sources) if (source.awaiting) givenUp.add(source);
      }
    } catch (error) {
      // A history may answer the abort by rejecting (fetch does, with the signal's reason) rather than ending:
      // that is the abort, and the bars replayed so far are the result, the one in hand included.
      if (!isAbortOf(signal, error)) throw error;
      loop.abandon();
    }
    const { bars, stepTime, aborted } = loop;
    if (bars > 0) recorder.endStep(stepTime);
    if (recorder.outOfMoney !== undefined) {
      // The last step ran out of money (even in an aborted run: the bar in hand counts): closed at its closes instead.
      if (!loop.stopped) await stopTrading();
    } else if (!aborted) {
      await reachEndOfData(pipeline, venue);
      if (plan.closeAtEnd !== false) {
        await settleAtEnd(pipeline, venue, recorder, plan.closeAtEnd, intervalToMs(plan.interval));
        recorder.remarkLastStep();
      }
    }
    progress?.finish({ bars, fraction: aborted ? loop.fraction(stepTime) : 1 });
  } finally {
    progress?.end(); // after a failure: the error printed next must not continue the bar's line
    signal?.removeEventListener("abort", onAbort);
    unsubscribe();
  }
}

/** Runs the loop to its end: synchronously until it must wait, then again with what it waited for. */
async function replay(loop: ReplayLoop): Promise<void> {
  let wait = loop.run();
  while (wait !== undefined) {
    const awaited = await wait;
    // Given up on by a stop: the run has gone on without this bar's turn.
    if (loop.givenUp) return;
    wait = loop.run(awaited);
  }
}

/**
 * The data is over, so every symbol's time has reached the last bar's close, not only the symbols that had a bar
 * then: a DAY order of a symbol whose data ended earlier, and whose day has ended by now, must end EXPIRED rather
 * than stay open (or be cancelled at the end). The clock is set again and the venue asked something: a venue that
 * expires lazily (paper does, on its next call after setTime) then reports the expiry through its events.
 */
async function reachEndOfData(pipeline: BarPipeline, venue: SimulatedVenue): Promise<void> {
  venue.setTime(pipeline.time);
  await venue.getOpenOrders();
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
