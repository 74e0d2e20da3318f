import type { Bar } from "@argo/core";
import { isoTimeOrText } from "../report/iso-time.ts";

const PRICES = ["open", "high", "low", "close"] as const;

/**
 * What makes a bar unusable, or undefined for a sound one: an open time or a price that is not a finite number, or a
 * volume that is not a finite number of zero or more. Such a bar (a field the feed could not parse) would poison the cache,
 * the indicators and the journal (SQLite stores NaN as NULL). Runs on every bar, so the sound case is six plain tests.
 */
export function barProblem(bar: Bar): string | undefined {
  if (
    Number.isFinite(bar.openTime) && Number.isFinite(bar.open) && Number.isFinite(bar.high) && Number.isFinite(bar.low)
    && Number.isFinite(bar.close) && Number.isFinite(bar.volume) && bar.volume >= 0
  ) return undefined;
  return describeBarProblem(bar);
}

/** The message naming the bar and every bad field: `bar BTCUSDT 2024-01-01T00:05:00.000Z: volume is NaN, not a finite number`. */
function describeBarProblem(bar: Bar): string {
  const problems: string[] = [];
  if (!Number.isFinite(bar.openTime)) problems.push(`openTime is ${shown(bar.openTime)}, not a finite number`);
  for (const field of PRICES) if (!Number.isFinite(bar[field])) problems.push(`${field} is ${shown(bar[field])}, not a finite number`);
  if (!Number.isFinite(bar.volume)) problems.push(`volume is ${shown(bar.volume)}, not a finite number`);
  else if (bar.volume < 0) problems.push(`volume is ${bar.volume}, below zero`);
  return `bar ${shownSymbol(bar.symbol)} ${timeText(bar.openTime)}: ${problems.join("; ")}`;
}

function shownSymbol(symbol: unknown): string {
  return typeof symbol === "string" ? symbol : shown(symbol);
}

function timeText(time: unknown): string {
  return typeof time === "number" ? isoTimeOrText(time) : shown(time);
}

/** A number as JavaScript prints it (NaN, Infinity); a string (a field the feed left unparsed) quoted and marked as one. */
function shown(value: unknown): string {
  if (typeof value === "number") return String(value);
  if (typeof value === "string") return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  if (typeof value === "object" && value !== null) return "an object";
  return String(value);
}
