import { computeStatistics } from "../stats/compute-statistics.ts";
import { GOOG_CSV } from "../test-fixtures/goog.ts";
import { runSmaCrossHandLoop } from "../test-fixtures/hand-loop.ts";
import { readOhlcCsv } from "../test-fixtures/read-ohlc-csv.ts";
import type { BacktestResults } from "./types.ts";

/** Results of the GOOG SMA 10/30 hand loop, for the report tests. */
export function googResults(symbol = "GOOG"): BacktestResults {
  const bars = readOhlcCsv(GOOG_CSV);
  const run = runSmaCrossHandLoop(bars);
  const statistics = computeStatistics({
    times: run.times, equity: run.equity, closes: run.closes, trades: run.trades, startingCash: 10_000, warmupBars: run.warmupBars,
  });
  return { symbol, statistics, trades: run.trades, times: run.times, equity: run.equity, candles: bars.map((b) => ({ time: b.openTime, open: b.open, high: b.high, low: b.low, close: b.close })) };
}
