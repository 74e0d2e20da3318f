import { ArgoError, type Bar, type MarketDataProvider, type StreamItem, toArgoError } from "@argo/core";
import { BarIntervalCheck } from "./bar-interval-check.ts";
import { barProblem } from "./bar-problem.ts";
import type { BarPipeline } from "./bar-pipeline.ts";
import type { EngineCallbacks } from "./callbacks.ts";
import type { EngineCounters } from "./engine-counters.ts";
import type { LiveEngineOptions } from "./engine-options.ts";
import type { EngineRunResult, EngineStatus } from "./engine-result.ts";
import { EngineSession, type LoadedStrategy } from "./engine-session.ts";
import { OverrunWatch } from "./overrun-watch.ts";
import { isoTimeOrText } from "../report/iso-time.ts";

/** Longest run of bar processing (ms) before the event loop gets a turn. */
const YIELD_SLICE_MS = 2;
/** Bars between clock reads; reading the clock on every bar would cost more than it saves. */
const YIELD_CHECK_EVERY = 16;

/**
 * The live engine: streams bars from a market data provider through the pipeline to the strategy
 * and a trading provider. Paper and live differ only in the trading provider.
 */
export class LiveEngine {
  private readonly session: EngineSession;
  /** The running pipeline's own counters (not a copy), from when the stream starts. */
  private streamCounters: EngineCounters | undefined;

  constructor(readonly options: LiveEngineOptions) {
    this.session = new EngineSession(options);
  }

  /** Loads the strategy and validates its config before the run; gives the config's JSON Schema. */
  load(): Promise<LoadedStrategy> {
    return this.session.load();
  }

  /**
   * Runs until the stream ends or `signal` aborts. Resolves with the result (status "aborted" and the
   * signal's reason when aborted); rejects with the fatal ArgoError after onEngineStop otherwise.
   */
  run(signal?: AbortSignal, callbacks: EngineCallbacks = {}): Promise<EngineRunResult> {
    return this.session.execute(signal, callbacks, { drive: (pipeline, marketData, abort) => this.stream(pipeline, marketData, abort) });
  }

  /** A snapshot for status displays. */
  status(): EngineStatus {
    return this.session.status();
  }

  /** Stream errors so far (error items and refused bars): a cheap read per error, where status() copies positions and orders. */
  get streamErrors(): number {
    return this.streamCounters?.streamErrors ?? 0;
  }

  /** The newest `limit` cached bars of a symbol, oldest first. */
  recentBars(symbol: string, limit: number): Bar[] {
    return this.session.recentBars(symbol, limit);
  }

  /**
   * Pulls the stream into the pipeline. An abort ends the run even if the provider keeps the stream
   * waiting (it should end it, but a hung socket must not hang shutdown): the bar being processed
   * is finished, then the run stops without waiting for the stream's next item. A strategy callback that never settles
   * gets the grace of BarPipeline.graced, then the run stops without it; one that runs past the deadline while the
   * stream waits for it is reported once (OverrunWatch).
   */
  private async stream(pipeline: BarPipeline, marketData: MarketDataProvider, signal: AbortSignal | undefined): Promise<void> {
    const { symbols, interval } = this.options;
    this.streamCounters = pipeline.counters;
    // A resumed session already holds the journal's bars: a replaying source may skip them instead of pacing through them.
    const options = { ...(signal ? { signal } : {}), ...pipeline.cache.resumePoint(symbols) };
    const iterator = marketData.stream(symbols, interval, options)[Symbol.asyncIterator]();
    const asked = new Set(symbols);
    const strangers = new Set<string>();
    const intervals = new BarIntervalCheck(interval);
    const overrun = new OverrunWatch(pipeline);
    let inBar: Promise<void> | undefined;
    let sliceStart = performance.now();
    let sinceCheck = 0;
    const loop = (async () => {
      for (;;) {
        const next = await nextItem(iterator, marketData.name, signal);
        if (next.done) return;
        if (signal?.aborted) break;
        const item = next.value;
        // A bar with a field the feed could not parse, or that is no candle, is refused before the cache, the journal or the
        // venue hold it (a backtest's BarSource refuses the same bars, ending the run, since a backtest must not skip data).
        const problem = item.type === "bar" ? barProblem(item.bar) : undefined;
        if (problem !== undefined) {
          pipeline.streamError(new ArgoError("INVALID_DATA", problem));
        } else if (item.type === "bar" && !asked.has(item.bar.symbol)) {
          // A symbol the session never asked for would reach the strategy as if configured, and count as one more
          // symbol every time step waits for: ignored, said once per symbol.
          if (!strangers.has(item.bar.symbol)) {
            strangers.add(item.bar.symbol);
            pipeline.streamError(new ArgoError("INVALID_DATA", `${marketData.name} streamed bars for ${JSON.stringify(item.bar.symbol)}, which this session does not trade (${symbols.join(", ")}); they are ignored`));
          }
        } else if (item.type === "bar") {
          // A bar labelled with another interval than the session's would move the clocks by its own length (see
          // BarIntervalCheck): refused like a bad candle, as is a malformed label, which would otherwise end the session.
          const wrongInterval = intervals.fault(item.bar);
          if (wrongInterval !== undefined) {
            pipeline.streamError(intervalError(item.bar, wrongInterval, interval));
          } else {
            inBar = pipeline.processBar(item.bar);
            if (inBar !== undefined) await overrun.wait(inBar);
            inBar = undefined;
          }
        } else {
          pipeline.streamError(item.error);
        }
        if (signal?.aborted) break;
        // A source that is never idle (unpaced replay or simulation) would keep this loop in microtasks only:
        // timers, signals and the status API's sockets would wait for the stream's end. Give them a turn per slice.
        if (++sinceCheck >= YIELD_CHECK_EVERY) {
          sinceCheck = 0;
          if (performance.now() - sliceStart >= YIELD_SLICE_MS) {
            await new Promise<void>((resolve) => setImmediate(resolve));
            sliceStart = performance.now();
          }
        }
      }
      await iterator.return?.();
    })();
    if (signal === undefined) return loop;
    let onAbort: (() => void) | undefined;
    const aborted = new Promise<void>((resolve) => {
      onAbort = () => resolve();
      signal.addEventListener("abort", onAbort, { once: true });
    });
    try {
      await Promise.race([loop, aborted]);
    } finally {
      signal.removeEventListener("abort", onAbort!);
    }
    if (!signal.aborted) return loop;
    loop.catch(() => undefined); // a stream failing after the abort is no longer the run's concern
    if (inBar !== undefined) await pipeline.graced(inBar);
  }
}

/**
 * The stream's next item. A stream that throws ends the session: its error says which provider's stream failed (a bare
 * "socket hang up" names nothing), keeping an ArgoError's code and details.
 */
async function nextItem(iterator: AsyncIterator<StreamItem>, provider: string, signal: AbortSignal | undefined): Promise<IteratorResult<StreamItem>> {
  try {
    return await iterator.next();
  } catch (error) {
    // A stream answering the stop by rejecting (fetch does, with the signal's reason) is the stop, as it was.
    if (signal?.aborted) throw error;
    const failure = toArgoError(error, "STREAM_DISCONNECTED", provider);
    throw new ArgoError(failure.code, `the ${provider} market data stream failed: ${failure.message}`, { cause: error, provider, ...(failure.details ? { details: failure.details } : {}) });
  }
}

/** The stream error of a bar whose interval label is not the session's (`fault` from BarIntervalCheck). */
function intervalError(bar: Bar, fault: string, sessionInterval: string): ArgoError {
  return new ArgoError("INVALID_DATA", `bar ${bar.symbol} ${isoTimeOrText(bar.openTime)}: ${fault}; the bar is refused`, {
    details: { symbol: bar.symbol, openTime: bar.openTime, interval: bar.interval, sessionInterval },
  });
}
