import { epochReadings, looksLikeEpochSeconds } from "@argo/core";
import * as v from "valibot";
import type { LiveEngineOptions } from "../engine/engine-options.ts";
import type { ProgressOptions } from "./progress-bar.ts";

/**
 * What happens to positions still open after the last bar: closed at the last bar's open
 * (backtesting.py's final broker pass, the parity default), at its close, or left open.
 */
export type CloseAtEnd = "last-open" | "last-close" | false;

/**
 * A range end in epoch milliseconds. Epoch seconds given by mistake (2010-01-01 as 1262304000) would read as January 1970:
 * `from` would replay all history and `to` none, with no error, so times of 1970-01-02 to 1970-03-26 are refused naming both readings.
 */
function epochMs() {
  return v.pipe(
    v.number("must be epoch milliseconds"),
    v.integer("must be whole epoch milliseconds"),
    v.check(
      (time: number) => !looksLikeEpochSeconds(time),
      // The issue's "received" shows the number itself.
      (issue) => `must be epoch milliseconds, not seconds: this is ${epochReadings(issue.input as number)}; multiply seconds by 1000 (times of early 1970 are refused as this mistake)`,
    ),
  );
}

/** Plain-data backtest settings beyond the engine's; validated with {@link backtestSettingsSchema}. */
export const backtestSettingsSchema = v.strictObject({
  from: v.optional(v.pipe(epochMs(), v.description("First bar open time (inclusive), epoch ms."))),
  to: v.optional(v.pipe(epochMs(), v.description("End of the range (exclusive), epoch ms."))),
  closeAtEnd: v.optional(
    v.pipe(
      v.union([v.literal("last-open"), v.literal("last-close"), v.literal(false)], 'must be "last-open", "last-close" or false'),
      v.description("Close positions still open after the last bar at its open (backtesting.py), at its close, or not at all."),
    ),
    "last-open",
  ),
  benchmarkSymbol: v.optional(v.pipe(v.string(), v.nonEmpty("must not be empty"), v.description("Symbol of buy & hold, beta and the report chart; default the first symbol."))),
  warmupBars: v.optional(
    v.pipe(v.number(), v.integer("must be a whole number"), v.minValue(0, "must be 0 or more"), v.description("Bars before the strategy can trade; default from its indicators.")),
  ),
  riskFreeRate: v.optional(
    v.pipe(v.number(), v.gtValue(-1, "must be above -1"), v.ltValue(1, "must be below 1"), v.description("Annual risk-free rate as a fraction, for Sharpe, Sortino and alpha.")),
    0,
  ),
});

/** Validated backtest settings. */
export type BacktestSettings = v.InferOutput<typeof backtestSettingsSchema>;

/** Validated settings of one run: the backtest's own, the symbols, and the benchmark with its default applied. */
export type RunSettings = BacktestSettings & { symbols: string[]; benchmarkSymbol: string };

/**
 * Everything a backtest is built from; the strategy is the same file that runs live. The shared fields mean what they
 * mean for the live engine, except: `marketData` is read through `history(symbol, interval, from, to)`, merged in time
 * order; `trading` must be a simulated venue (anything else is refused: a backtest never trades for real), an instance of it for one run only; there is no
 * journal unless `sessionDir` is given, and then it must not hold an earlier session's journal; generated order ids start with "bt-".
 */
export interface BacktestOptions extends Omit<LiveEngineOptions, "mode" | "cancelOpenOrdersOnStop"> {
  /** First bar open time (inclusive), epoch ms; default: all history. */
  from?: number;
  /** End of the range (exclusive), epoch ms; default: all history. */
  to?: number;
  /** Default "last-open" (backtesting.py parity). */
  closeAtEnd?: CloseAtEnd;
  /** Symbol of buy & hold, beta and the report chart; default symbols[0]. */
  benchmarkSymbol?: string;
  /** Bars before the strategy can trade (buy & hold starts there); default: what its slowest indicator needs − 1. */
  warmupBars?: number;
  /** Annual risk-free rate as a fraction; default 0. */
  riskFreeRate?: number;
  /** A progress bar on stderr: true, "auto" (only on a terminal), or options; default off. Never changes results. */
  progress?: boolean | "auto" | ProgressOptions;
}
