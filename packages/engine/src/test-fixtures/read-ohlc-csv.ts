import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { HandLoopBar } from "./hand-loop.ts";

/** The folder of the reference market data (GOOG, EURUSD, BTCUSD); the shared folder sits beside the repository. */
export const REFERENCE_DATA = join(import.meta.dir, "../../../../../shared/reference/data");

/** One row of a reference OHLC file. */
export interface OhlcRow extends HandLoopBar {
  volume: number;
}

/**
 * Reads a reference OHLC file (`,Open,High,Low,Close,Volume` with an ISO date first, as in
 * shared/reference/data) into bars timed at UTC midnight of each date. For tests and benchmarks.
 */
export function readOhlcCsv(path: string): OhlcRow[] {
  const lines = readFileSync(path, "utf8").trim().split(/\r?\n/);
  return lines.slice(1).map((line) => {
    const [date, open, high, low, close, volume] = line.split(",");
    const openTime = Date.parse(date!.length === 10 ? `${date}T00:00:00Z` : `${date!.replace(" ", "T")}Z`);
    return { openTime, open: Number(open), high: Number(high), low: Number(low), close: Number(close), volume: Number(volume) };
  });
}
