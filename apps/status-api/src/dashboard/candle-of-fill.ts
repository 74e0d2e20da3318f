// Which candle a fill's marker sits on, as browser source: the page script embeds it and the tests evaluate the same
// text (see format-amount.ts). Plain ES2020, no template literals (see dashboard-script.ts).

/**
 * Browser source defining `candleOfFill(times, t)`: the time of the last candle opened at or before `t` (seconds, both
 * ascending), or undefined when `t` is before the first candle. The chart holds only the recent bars, and a fill from
 * before them has no candle: put on the first one it would show a trade there that did not happen there.
 */
export const CANDLE_OF_FILL_SCRIPT = String.raw`
function candleOfFill(times, t) {
  if (!times.length || t < times[0]) return undefined;
  let lo = 0, hi = times.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (times[mid] <= t) lo = mid; else hi = mid - 1;
  }
  return times[lo];
}`;
