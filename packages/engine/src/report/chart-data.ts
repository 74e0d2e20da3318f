import { barIndexAt } from "../stats/bar-index.ts";
import { formatPlain } from "./format-statistic.ts";
import type { BacktestResults } from "./types.ts";

/** A trade marker as lightweight-charts takes it (time in UTC seconds). */
export interface ChartMarker {
  time: number;
  position: "aboveBar" | "belowBar";
  shape: "arrowUp" | "arrowDown";
  color: string;
  text: string;
}

/** The data the report's script draws: candles, equity line and one marker per entry and exit. */
export interface ChartData {
  candles: { time: number; open: number; high: number; low: number; close: number }[];
  equity: { time: number; value: number }[];
  markers: ChartMarker[];
}

const BUY = "#26a69a";
const SELL = "#ef5350";
const seconds = (ms: number) => Math.floor(ms / 1000);
// Beyond this many trades, marker labels overlap into noise; the trades table has the details.
const LABELLED_TRADES = 30;
// A label's significant digits: every digit a venue quotes, not the float tail of a volume-weighted mean (the trades table keeps them all).
const LABEL_DIGITS = 10;

/** A price or size for a marker label: never in exponent form (1e-8 reads 0.00000001), float noise rounded off. */
function labelNumber(value: number): string {
  return formatPlain(Number.isFinite(value) ? Number(value.toPrecision(LABEL_DIGITS)) : value);
}

/**
 * Converts results to chart series; markers are the charted symbol's trades (those without a symbol count as its),
 * snapped to the candle each fill happened in, sorted by time, labelled up to 30 trades.
 */
export function toChartData(results: BacktestResults): ChartData {
  const candleTimes = results.candles.map((c) => c.time);
  const at = (time: number) => (candleTimes.length ? seconds(candleTimes[barIndexAt(candleTimes, time)]!) : seconds(time));
  // Another symbol's fills on these candles would mark prices that never traded there.
  const trades = results.trades.filter((t) => t.symbol === undefined || t.symbol === results.symbol);
  const labelled = trades.length <= LABELLED_TRADES;
  const marker = (time: number, buy: boolean, text: string): ChartMarker => ({
    time: at(time),
    position: buy ? "belowBar" : "aboveBar",
    shape: buy ? "arrowUp" : "arrowDown",
    color: buy ? BUY : SELL,
    text: labelled ? text : "",
  });
  const markers: ChartMarker[] = [];
  for (const t of trades) {
    const long = t.size > 0;
    markers.push(marker(t.entryTime, long, `${long ? "Buy" : "Sell"} ${labelNumber(Math.abs(t.size))} @ ${labelNumber(t.entryPrice)}`));
    markers.push(marker(t.exitTime, !long, `${long ? "Sell" : "Buy"} @ ${labelNumber(t.exitPrice)} (${t.returnPct.toFixed(2)}%)`));
  }
  markers.sort((a, b) => a.time - b.time);
  const equity: ChartData["equity"] = [];
  for (let i = 0; i < results.times.length; i++) equity.push({ time: seconds(results.times[i]!), value: results.equity[i]! });
  return {
    candles: results.candles.map((c) => ({ time: seconds(c.time), open: c.open, high: c.high, low: c.low, close: c.close })),
    equity,
    markers,
  };
}
