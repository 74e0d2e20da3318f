import type { Annualisation } from "./data-period.ts";
import { utcDayNumber, utcYear, utcYearMonth } from "./utc-calendar.ts";
import { utcDayRuns } from "./utc-day-runs.ts";

function bucketKey(time: number, bucket: Annualisation["bucket"]): number {
  if (bucket === "D") return utcDayNumber(time);
  // 1970-01-01 was a Thursday: shifting by 3 days makes weeks run Monday to Sunday.
  if (bucket === "W") return Math.floor((utcDayNumber(time) + 3) / 7);
  return bucket === "M" ? utcYearMonth(time) : utcYear(time);
}

/**
 * Simple returns between the last equity values of consecutive non-empty calendar buckets (UTC),
 * like pandas' `resample(...).last().dropna().pct_change()` without the leading NaN. `runs` are the bars'
 * {@link utcDayRuns}, when already known. When the first equity differs from `startingCash` (a fill on the first bar),
 * the first period has a return too, counted from the cash: backtesting.py's first equity is always the cash, so
 * there the first period has nothing to count.
 */
export function periodReturns(
  times: ArrayLike<number>,
  equity: ArrayLike<number>,
  bucket: Annualisation["bucket"],
  runs: readonly number[] = utcDayRuns(times),
  startingCash?: number,
): number[] {
  const lasts: number[] = [];
  if (startingCash !== undefined && equity.length > 0 && equity[0] !== startingCash) lasts.push(startingCash);
  let currentKey = Number.NaN;
  // Every bucket is made of whole days, so its key is looked up once per run of bars of one day.
  for (let r = 0; r + 1 < runs.length; r++) {
    const key = bucketKey(times[runs[r]!]!, bucket);
    const last = equity[runs[r + 1]! - 1]!;
    if (key === currentKey) lasts[lasts.length - 1] = last;
    else {
      lasts.push(last);
      currentKey = key;
    }
  }
  const returns: number[] = new Array(Math.max(0, lasts.length - 1));
  for (let i = 1; i < lasts.length; i++) returns[i - 1] = lasts[i]! / lasts[i - 1]! - 1;
  return returns;
}
