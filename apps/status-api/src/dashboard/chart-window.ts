// How much the chart keeps, as browser source: the page script embeds it and the tests evaluate the same text (see
// candle-of-fill.ts). Plain ES2020, no template literals (see dashboard-script.ts).

/**
 * Browser source defining `trimChart(bars, fills)`: the chart's bars (times in seconds, oldest first) and fills (times
 * in ms) cut back to the newest CHART_BARS bars once they pass twice that, and to the fills from the first kept bar on,
 * the newest CHART_FILLS at most; `null` while nothing needs cutting. A tab left open on a live session for weeks kept
 * every bar and fill it was sent, and rebuilt the markers of all of them on each fill, slower with every one: the chart
 * starts from the newest 500 bars (`/bars`), and holds about that many.
 */
export const CHART_WINDOW_SCRIPT = String.raw`
const CHART_BARS = 500, CHART_FILLS = 2000;
function trimChart(bars, fills) {
  if (bars.length <= 2 * CHART_BARS && fills.length <= 2 * CHART_FILLS) return null;
  const keptBars = bars.length > CHART_BARS ? bars.slice(bars.length - CHART_BARS) : bars;
  const since = keptBars.length ? keptBars[0].time * 1000 : -Infinity;
  const recent = fills.filter((f) => f.time >= since);
  return { bars: keptBars, fills: recent.length > CHART_FILLS ? recent.slice(recent.length - CHART_FILLS) : recent };
}`;
