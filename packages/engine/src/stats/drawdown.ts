/**
 * Equity this close below its running peak (relative) is at the peak: float noise of marking (cash + q × close against
 * cash' + q' × open at the same price) is not a loss, and counted as one it opened periods, joined real ones and gave a
 * Calmar ratio of 1e15 for a curve that never fell. A real drawdown of a trillionth is no figure anyone reads.
 */
const AT_PEAK = 1e-12;

/** Drawdown of `value` below the running `peak` as a fraction, 0 within {@link AT_PEAK} of it. */
export function drawdownAt(value: number, peak: number): number {
  const dd = 1 - value / peak;
  return dd < AT_PEAK ? 0 : dd;
}

/** The drawdown periods of an equity curve, as backtesting.py measures them. */
export interface DrawdownSummary {
  /** Deepest drawdown as a fraction of the running peak (0.25 = 25 % below the peak); 0 without one. */
  maxDrawdown: number;
  /** Deepest drawdown of each period, as a fraction. */
  peaks: number[];
  /** Length of each period in ms, from the bar of the peak to the bar of recovery (or the last bar). */
  durations: number[];
}

/**
 * Splits the curve into drawdown periods in one pass. A period runs from a bar at its running peak
 * (drawdown 0, see {@link drawdownAt}) to the next such bar, or to the last bar while still under water, and
 * counts only when at least one bar in between is under water. `startingCash`, when given, is the equity before the
 * first bar: a point at its peak at the first bar's time (its open), so a first bar already under it (a fill on the
 * first bar that lost money) opens a period there. backtesting.py's first equity is always the cash: there it changes nothing.
 */
export function computeDrawdowns(
  times: ArrayLike<number>,
  equity: ArrayLike<number>,
  startingCash = Number.NEGATIVE_INFINITY,
): DrawdownSummary {
  const n = equity.length;
  const peaks: number[] = [];
  const durations: number[] = [];
  const fromCash = startingCash > Number.NEGATIVE_INFINITY;
  let maxDrawdown = 0;
  let runningPeak = startingCash;
  // The last point at its running peak: -1 is the starting cash, before the first bar at its time.
  let prevZero = -1;
  let prevZeroTime = fromCash ? times[0]! : Number.NaN;
  let hasPeak = fromCash;
  let deepest = 0;
  for (let i = 0; i < n; i++) {
    const value = equity[i]!;
    if (value > runningPeak) runningPeak = value;
    const dd = drawdownAt(value, runningPeak);
    if (dd > maxDrawdown) maxDrawdown = dd;
    if (dd > deepest) deepest = dd;
    const closesPeriod = dd === 0 || i === n - 1;
    if (!closesPeriod) continue;
    if (hasPeak && i > prevZero + 1) {
      peaks.push(deepest);
      durations.push(times[i]! - prevZeroTime);
    }
    if (dd === 0) {
      prevZero = i;
      prevZeroTime = times[i]!;
      hasPeak = true;
      deepest = 0;
    }
  }
  // backtesting.py finds no period when only the last point is under water and then reports the
  // raw drawdown in place of a duration; we report that one-step period instead (from the cash: 0 long).
  if (peaks.length === 0 && (n >= 2 || (n === 1 && fromCash))) {
    const last = drawdownAt(equity[n - 1]!, runningPeak);
    if (last > 0) {
      peaks.push(last);
      durations.push(times[n - 1]! - times[Math.max(0, n - 2)]!);
    }
  }
  return { maxDrawdown, peaks, durations };
}
