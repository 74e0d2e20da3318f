import { epochReadings, looksLikeEpochSeconds } from "@argo/core";
import { parseIsoTime } from "../shared/parse-iso-time.ts";
import { parseDecimal } from "./decimal-number.ts";
import type { BarField } from "./replay-config.ts";
import type { ReplayFile } from "./replay-file.ts";
import { rowError, showValue } from "./row-error.ts";

// Bars before 1800 or from 2200 on are no market's: such a time is most often epoch milliseconds read as seconds (year
// ~56000), and a backtest over it would run on an absurd calendar.
const EARLIEST = Date.UTC(1800, 0, 1);
const LATEST = Date.UTC(2200, 0, 1);
// The reverse mistake, epoch seconds read as milliseconds, lands inside that window (1970-01-02 to 1970-03-26, see
// core's looksLikeEpochSeconds): refused in epoch-ms with the fix named, as runBacktest's from/to and the simulated startTime are.

/**
 * A price or volume cell as a finite decimal number; throws INVALID_DATA naming the file, line and field.
 * `checkForm` false: the row holds no hex, binary or octal text (see mayHoldNonDecimal), so Number() suffices.
 */
export function parseNumberField(file: ReplayFile, line: number, field: BarField, raw: unknown, checkForm = true): number {
  if (typeof raw === "number" && Number.isFinite(raw)) return raw;
  if (typeof raw === "string") {
    const value = parseDecimal(raw, checkForm);
    if (!Number.isNaN(value)) return value;
  }
  throw rowError(file, line, field, `expected a number, got ${showValue(raw)}`);
}

/**
 * A time cell as epoch milliseconds in the file's time format; throws INVALID_DATA naming the file, line and field.
 * Any time must lie in [1800, 2200); an epoch time must be a decimal number (`checkForm` as for {@link parseNumberField}).
 */
export function parseTimeField(file: ReplayFile, line: number, raw: unknown, checkForm = true): number {
  if (file.timeFormat === "iso") {
    const time = typeof raw === "string" ? parseIsoTime(raw) : undefined;
    // The epoch window holds for dates too: a year mistyped far out (3014 for 2014) is refused rather than replayed.
    if (time !== undefined && !(time >= EARLIEST && time < LATEST)) {
      throw rowError(file, line, "time", `expected a date from 1800-01-01 to before 2200-01-01, got ${showValue(raw)}: is the year mistyped?`);
    }
    if (time !== undefined) return time;
    throw rowError(file, line, "time", `expected an ISO date or date-time such as 2024-01-31, 20240131 or 2024-01-31T09:30:00Z, got ${showValue(raw)}${isoHint(raw)}`);
  }
  const value = typeof raw === "number" ? raw : typeof raw === "string" ? parseDecimal(raw, checkForm) : Number.NaN;
  const unit = file.timeFormat === "epoch-ms" ? "epoch milliseconds" : "epoch seconds";
  if (!Number.isFinite(value)) throw rowError(file, line, "time", `expected ${unit}, got ${showValue(raw)}`);
  const time = file.timeFormat === "epoch-s" ? Math.round(value * 1000) : value;
  if (!(time >= EARLIEST && time < LATEST)) throw rowError(file, line, "time", implausibleEpoch(file, unit, value, raw));
  if (file.timeFormat === "epoch-ms" && looksLikeEpochSeconds(time)) {
    throw rowError(file, line, "time", secondsAsMilliseconds(value, raw));
  }
  // A bar's time is a whole millisecond everywhere else (ISO and epoch-s times are rounded to one); a fraction here is
  // no time a market gives, and a fractional openTime would not equal the same bar's time from any other source.
  if (!Number.isInteger(time)) {
    throw rowError(file, line, "time", `a time in epoch milliseconds must be a whole number, got ${showValue(raw)}`);
  }
  return time;
}

/**
 * What an unreadable ISO time may be instead. Digits alone are most often an epoch time, but eight of them most likely a
 * compact date that is no date (20241301): read as epoch seconds or milliseconds they are a time of 1970, no help.
 */
function isoHint(raw: unknown): string {
  const digits = typeof raw === "string" ? /^\s*(\d+)\s*$/.exec(raw)?.[1] : undefined;
  if (digits?.length === 8) return " (a compact date is YYYYMMDD: month 01 to 12, a day the month has)";
  return typeof raw === "number" || digits !== undefined ? ' (set timeFormat to "epoch-ms" or "epoch-s" for epoch times)' : "";
}

/** The problem of an epoch-ms time of early 1970 that reads as a plausible time in epoch seconds. */
function secondsAsMilliseconds(value: number, raw: unknown): string {
  return `got ${showValue(raw)}, which is ${epochReadings(value)}: set timeFormat to "epoch-s" ` +
    "(bars of early 1970 in milliseconds are refused as this mistake; write such times as ISO dates)";
}

/** The problem of an epoch time outside [1800-01-01, 2200-01-01), with the timeFormat to check (and what fits, when one does). */
function implausibleEpoch(file: ReplayFile, unit: string, value: number, raw: unknown): string {
  const other = file.timeFormat === "epoch-s" ? { format: "epoch-ms", time: value } : { format: "epoch-s", time: value * 1000 };
  const fits = other.time >= EARLIEST && other.time < LATEST ? `; read as ${other.format} it is ${new Date(other.time).toISOString()}` : "";
  return `expected ${unit} of a time from 1800-01-01 to before 2200-01-01, got ${showValue(raw)}: check timeFormat ("epoch-ms" for milliseconds, "epoch-s" for seconds)${fits}`;
}
