import type { Bar } from "@argo/core";
import { isoTimeOrText } from "../report/iso-time.ts";
import { shown } from "../strategy/shown-value.ts";

const PRICES = ["open", "high", "low", "close"] as const;

/**
 * Whether every consumer can use the bar: a finite open time, positive finite prices forming a candle (low <= open, close
 * <= high) and a finite volume of zero or more. Live streams and backtests refuse the same bars with it: a field the feed
 * could not parse would poison the cache, the indicators and the journal (SQLite stores NaN as NULL), and the paper venue
 * refuses a bar that is no candle, so the strategy would trade on a bar the venue never saw. Runs on every bar: the sound
 * case is a dozen plain tests.
 */
export function isSoundBar(bar: Bar): boolean {
  const { open, high, low, close, volume } = bar;
  // Number.isFinite first: comparisons alone would take a price the feed left as text ("100" <= 101).
  return Number.isFinite(open) && Number.isFinite(high) && Number.isFinite(low) && Number.isFinite(close) && Number.isFinite(volume)
    && Number.isFinite(bar.openTime) && low > 0 && low <= open && low <= close && high >= open && high >= close && volume >= 0;
}

/** What makes a bar unusable, naming the bar and every bad field (`bar BTCUSDT 2024-01-01T00:05:00.000Z: volume is NaN, not a finite number`), or undefined for a sound one. */
export function barProblem(bar: Bar): string | undefined {
  return isSoundBar(bar) ? undefined : `bar ${shownSymbol(bar.symbol)} ${timeText(bar.openTime)}: ${barFaults(bar).join("; ")}`;
}

/** Every rule of {@link isSoundBar} the bar breaks, each naming the field and its value. */
export function barFaults(bar: Bar): string[] {
  const faults: string[] = [];
  if (!Number.isFinite(bar.openTime)) faults.push(`openTime is ${shown(bar.openTime)}, not a finite number`);
  for (const field of PRICES) if (!Number.isFinite(bar[field])) faults.push(`${field} is ${shown(bar[field])}, not a finite number`);
  if (!Number.isFinite(bar.volume)) faults.push(`volume is ${shown(bar.volume)}, not a finite number`);
  else if (bar.volume < 0) faults.push(`volume is ${bar.volume}, below zero`);
  if (faults.length !== 0) return faults;
  const { open, high, low, close } = bar;
  if (!(low > 0)) faults.push(`low is ${low}: prices must be positive`);
  if (high < open || high < close) faults.push(`high ${high} is below the ${high < open ? "open" : "close"} ${high < open ? open : close}`);
  if (low > open || low > close) faults.push(`low ${low} is above the ${low > open ? "open" : "close"} ${low > open ? open : close}`);
  return faults;
}

function shownSymbol(symbol: unknown): string {
  return typeof symbol === "string" ? symbol : shown(symbol);
}

function timeText(time: unknown): string {
  return typeof time === "number" ? isoTimeOrText(time) : shown(time);
}
