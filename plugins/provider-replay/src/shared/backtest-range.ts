import type { ProviderSession } from "@argo/core";

/** A backtest's range as the session gives it: bars opening in [from, to), epoch ms, open ends infinite. */
export type BacktestRange = NonNullable<ProviderSession["range"]>;

const DAY_MS = 86_400_000;

/** A range end as a user wrote it: the day alone at midnight UTC (backtest dates are UTC days), else the full time. */
function timeText(ms: number): string {
  const iso = new Date(ms).toISOString();
  return ms % DAY_MS === 0 ? iso.slice(0, 10) : iso;
}

/** The range as `[2025-01-01, 2025-02-01)`, an open end shown as `start` or `end`. */
export function rangeText(range: BacktestRange): string {
  return `[${Number.isFinite(range.from) ? timeText(range.from) : "start"}, ${Number.isFinite(range.to) ? timeText(range.to) : "end"})`;
}

/**
 * Why bars opening from `first` to `last`, none inside `range`, miss it: all before it, all after it, or between two of
 * them (a range shorter than the bars' spacing).
 */
export function missedSide(first: number, last: number, range: BacktestRange): string {
  if (last < range.from) return `all before ${timeText(range.from)}`;
  if (first >= range.to) return `all from ${timeText(range.to)} on`;
  return "none opening within it (it falls between two bars)";
}
