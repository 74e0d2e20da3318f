import { utcDayEnd, utcDayNumber } from "./utc-calendar.ts";

/**
 * Where the runs of consecutive bars on one UTC day begin, followed by the bar count: [0, b1, …, n]
 * ([0] without bars). A bar whose time has no day (NaN) is a run of its own, as NaN equals no day.
 * Calendar buckets (days, weeks, months, years) are whole days, so the statistics work per run.
 */
export function utcDayRuns(times: ArrayLike<number>): number[] {
  const n = times.length;
  const starts: number[] = [];
  let day = Number.NaN;
  let from = Number.NaN;
  let end = Number.NaN;
  for (let i = 0; i < n; i++) {
    const time = times[i]!;
    // Written for speed: a bar within the checked rest of the run's first day (utcDayEnd) costs two
    // comparisons instead of the day arithmetic. On 1,000,000 minute bars annualisation and period returns
    // took 2-8 ms each, bar by bar; now both together about 1.5 ms, as they share one pass.
    if (time >= from && time < end) continue;
    const d = utcDayNumber(time);
    if (d === day) continue;
    starts.push(i);
    day = d;
    from = time;
    end = utcDayEnd(time);
  }
  starts.push(n);
  return starts;
}
