import { type ConfigIssue, epochReadings, intervalToMs, looksLikeEpochSeconds, type ProviderSession } from "@argo/core";
import * as v from "valibot";
import { intervalSchema } from "../shared/interval-schema.ts";
import { parseIsoTime } from "../shared/parse-iso-time.ts";
import { simulatedBacktestRangeIssue } from "./backtest-range-issue.ts";

/** Price patterns the generator knows. */
export const PATTERNS = ["increasing", "decreasing", "volatile", "random_walk"] as const;

/** One of {@link PATTERNS}. */
export type Pattern = (typeof PATTERNS)[number];

/** 2024-01-01T00:00:00Z: a fixed default, so a config without startTime still gives the same bars every run. */
export const DEFAULT_START_TIME = Date.UTC(2024, 0, 1);

const number = (description: string) => v.pipe(v.number("must be a number"), v.finite("must be a finite number"), v.description(description));

/** The latest time a Date holds (the earliest is its negative): 8.64e15 ms, +275760-09-13. A run formats its bars' times. */
export const MAX_TIME_MS = 8.64e15;

const startTime = v.union(
  [
    v.pipe(
      v.number("must be a number"),
      v.integer("must be a whole number of epoch milliseconds"),
      v.minValue(-MAX_TIME_MS, "must be -8.64e15 or later (the earliest date a run can handle)"),
      v.maxValue(MAX_TIME_MS, "must be 8.64e15 or earlier (the latest date a run can handle)"),
      // Epoch seconds by mistake (2024-01-01 as 1704067200) would generate bars of January 1970 without a word.
      v.check(
        (time) => !looksLikeEpochSeconds(time),
        (issue) => `must be epoch milliseconds, not seconds: this is ${epochReadings(issue.input as number)}; multiply seconds by 1000 or write an ISO date (times of early 1970 are refused as this mistake)`,
      ),
    ),
    v.pipe(
      v.string("must be a string"),
      v.check((text) => parseIsoTime(text) !== undefined, "must be an ISO date or date-time such as 2024-01-01 or 2024-01-01T09:30:00Z"),
      v.transform((text) => parseIsoTime(text)!),
    ),
  ],
  "must be epoch milliseconds or an ISO date-time",
);

const fields = v.strictObject({
  pattern: v.optional(
    v.pipe(
      v.picklist(PATTERNS, 'must be one of "increasing", "decreasing", "volatile", "random_walk"'),
      v.description("Price movement: a steady rise or fall, a choppy sideways market, or a driftless random walk."),
    ),
    "random_walk",
  ),
  initialPrice: v.optional(v.pipe(number("Open of the first bar."), v.gtValue(0, "must be greater than 0")), 100),
  trendStrength: v.optional(
    v.pipe(number("Drift of increasing/decreasing per bar, as a fraction of volatility (0 to 1)."), v.minValue(0, "must be 0 or more"), v.maxValue(1, "must be 1 or less")),
    0.5,
  ),
  volatility: v.optional(
    v.pipe(number("Standard deviation of the per-bar log return (0.01 = 1%); volatile moves about three times as much."), v.gtValue(0, "must be greater than 0"), v.maxValue(1, "must be 1 or less")),
    0.01,
  ),
  maxDrawdown: v.optional(
    v.pipe(
      number("Largest fall below the running peak close, as a fraction (0.1 = 10%); no limit when left out."),
      v.gtValue(0, "must be greater than 0"),
      v.ltValue(1, "must be less than 1"),
    ),
  ),
  bars: v.optional(
    v.pipe(
      number("Bars per symbol that stream() and history() serve."),
      v.integer("must be a whole number"),
      // No bars pass `argo validate` only for a backtest or run to stop at its start ("no bars for X").
      v.minValue(1, (issue) => (issue.input === 0 ? "0 bars gives the session nothing to run: give 1 or more" : "must be 1 or more")),
    ),
    1000,
  ),
  interval: v.optional(intervalSchema('Bar interval used when a request gives none, e.g. "1m".'), "1m"),
  startTime: v.optional(v.pipe(startTime, v.description("Open time of the first bar: epoch milliseconds or an ISO date-time (UTC when no zone).")), DEFAULT_START_TIME),
  seed: v.optional(v.pipe(number("Seed of the generator: the same seed always gives the same bars."), v.integer("must be a whole number")), 1),
  barDelayMs: v.optional(v.pipe(number("Wait between bar times in stream(), in ms (0 = as fast as possible)."), v.minValue(0, "must be 0 or more")), 0),
  errorAfterBars: v.optional(
    v.pipe(
      number("Injects one STREAM_DISCONNECTED error item into stream() after this many bars (all symbols counted), then goes on."),
      v.integer("must be a whole number"),
      v.minValue(1, "must be 1 or more"),
    ),
  ),
});

/** Config of the simulated provider; the same settings apply to every symbol, each symbol gets its own seeded path. */
export const simulatedConfigSchema = v.pipe(
  fields,
  // At the interval used when a request gives none; the session check judges the session's own interval.
  v.forward(
    v.rawCheck(({ dataset, addIssue }) => {
      // A field refused already (an interval that is none) leaves the data typed in valibot: judged, it would throw.
      if (!dataset.typed || dataset.issues !== undefined) return;
      const issue = simulatedRangeIssue(dataset.value, dataset.value.interval);
      // The start is what is shown as received: the whole config would only read "Object".
      if (issue) addIssue({ message: issue.message, input: dataset.value.startTime });
    }),
    ["startTime"],
  ),
);

/** The simulated config as a user writes it. */
export type SimulatedConfigInput = v.InferInput<typeof simulatedConfigSchema>;
/** The validated simulated config, defaults applied. */
export type SimulatedConfig = v.InferOutput<typeof simulatedConfigSchema>;

/** Longest a bar of `interval` can be: a calendar month counted as 31 days. */
function longestBarMs(interval: string): number {
  const ms = intervalToMs(interval);
  return interval.endsWith("M") ? (ms / 30) * 31 : ms;
}

/**
 * The issue at `startTime` when `bars` bars of `interval` from it would run past the latest date a run can handle
 * ({@link MAX_TIME_MS}): the engine and the results would meet an "Invalid Date" there. Undefined when they fit.
 */
export function simulatedRangeIssue(config: { startTime: number; bars: number }, interval: string): ConfigIssue | undefined {
  const span = config.bars * longestBarMs(interval);
  if (config.startTime + span <= MAX_TIME_MS) return undefined;
  const latest = MAX_TIME_MS - span;
  const fix = latest >= -MAX_TIME_MS ? `start at ${latest} (${new Date(latest).toISOString()}) or earlier, or generate fewer bars` : "generate fewer bars";
  return {
    path: "startTime",
    message: `${config.bars} bars of ${interval} from this start would end after 8.64e15 ms (+275760-09-13), the latest date a run can handle: ${fix}`,
  };
}

/**
 * The simulated provider's session check: its bars at the session's interval stay within the dates a run can handle,
 * and one of them opens inside a backtest's range.
 */
export function checkSimulatedSession(config: SimulatedConfig, session: ProviderSession): ConfigIssue[] {
  const issue = simulatedRangeIssue(config, session.interval)
    ?? (session.range === undefined ? undefined : simulatedBacktestRangeIssue(config, session.interval, session.range));
  return issue ? [issue] : [];
}
