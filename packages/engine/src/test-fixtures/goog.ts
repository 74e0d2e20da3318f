import type { Bar } from "@argo/core";
import { join } from "node:path";
import { REFERENCE_DATA, readOhlcCsv } from "./read-ohlc-csv.ts";

/** Path of the reference GOOG daily bars. */
export const GOOG_CSV = join(REFERENCE_DATA, "GOOG.csv");

/** The first `limit` GOOG daily bars as engine bars (symbol GOOG, interval 1d). */
export function googBars(limit = Number.POSITIVE_INFINITY): Bar[] {
  return readOhlcCsv(GOOG_CSV).slice(0, limit).map((row) => ({ symbol: "GOOG", interval: "1d", ...row }));
}
