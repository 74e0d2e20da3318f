/** Two consecutive time steps of a replay, and the time between them. */
export interface TimeGap {
  /** Open time of the step before the gap. */
  from: number;
  /** Open time of the step after it. */
  to: number;
}

/** The longest time between consecutive steps (open times, ascending); undefined with fewer than two. */
export function largestGap(times: ArrayLike<number>): TimeGap | undefined {
  let at = -1;
  let longest = -1;
  for (let i = 1; i < times.length; i++) {
    const gap = times[i]! - times[i - 1]!;
    if (gap > longest) {
      longest = gap;
      at = i;
    }
  }
  return at < 0 ? undefined : { from: times[at - 1]!, to: times[at]! };
}
