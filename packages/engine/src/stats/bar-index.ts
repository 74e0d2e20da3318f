/** Index of the last bar whose time is at or before `time` (0 when it precedes every bar). */
export function barIndexAt(times: ArrayLike<number>, time: number): number {
  return lastAtOrBefore(times, time, 0, times.length - 1);
}

/**
 * `barIndexAt`, searching forward from `hint` (a previous answer) when the time is not before it:
 * times looked up in rising order cost O(log distance) each instead of a search of the whole curve.
 */
export function barIndexFrom(times: ArrayLike<number>, time: number, hint: number): number {
  const n = times.length;
  if (!(hint >= 0 && hint < n && times[hint]! <= time)) return barIndexAt(times, time);
  // The answer is at or after `hint`: gallop to a bar after `time`, then search the last stretch.
  let lo = hint;
  let step = 1;
  let hi = hint + 1;
  while (hi < n && times[hi]! <= time) {
    lo = hi;
    step *= 2;
    hi = lo + step;
  }
  return lastAtOrBefore(times, time, lo, Math.min(hi, n) - 1);
}

/** Binary search in [lo, hi] for the last index whose time is at or before `time` (lo when none is). */
function lastAtOrBefore(times: ArrayLike<number>, time: number, lo: number, hi: number): number {
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (times[mid]! <= time) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
