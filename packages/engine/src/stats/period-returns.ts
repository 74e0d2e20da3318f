import type { Annualisation } from "./data-period.ts";
import { utcDayNumber, utcYear, utcYearMonth } from "./utc-calendar.ts";

function bucketKey(time: number, bucket: Annualisation["bucket"]): number {
  if (bucket === "D") return utcDayNumber(time);
  // 1970-01-01 was a Thursday: shifting by 3 days makes weeks run Monday to Sunday.
  if (bucket === "W") return Math.floor((utcDayNumber(time) + 3) / 7);
  return bucket === "M" ? utcYearMonth(time) : utcYear(time);
}

/**
 * Simple returns between the last equity values of consecutive non-empty calendar buckets (UTC),
 * like pandas' `resample(...).last().dropna().pct_change()` without the leading NaN.
 */
export function periodReturns(
  times: ArrayLike<number>,
  equity: ArrayLike<number>,
  bucket: Annualisation["bucket"],
): number[] {
  const lasts: number[] = [];
  let currentKey = Number.NaN;
  for (let i = 0; i < times.length; i++) {
    const key = bucketKey(times[i]!, bucket);
    if (key === currentKey) lasts[lasts.length - 1] = equity[i]!;
    else {
      lasts.push(equity[i]!);
      currentKey = key;
    }
  }
  const returns: number[] = new Array(Math.max(0, lasts.length - 1));
  for (let i = 1; i < lasts.length; i++) returns[i - 1] = lasts[i]! / lasts[i - 1]! - 1;
  return returns;
}
