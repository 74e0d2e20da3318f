import type { Bar } from "@argo/core";
import { readFileSync } from "node:fs";
import { join } from "node:path";

/** Path of the reference GOOG daily bars (the shared folder sits beside the repository). */
export const GOOG_CSV = join(import.meta.dir, "../../../../../shared/reference/data/GOOG.csv");

/** The first `limit` GOOG daily bars, read with a tiny CSV reader (header `,Open,High,Low,Close,Volume`). */
export function googBars(limit = Number.POSITIVE_INFINITY): Bar[] {
  const lines = readFileSync(GOOG_CSV, "utf8").trim().split("\n").slice(1);
  return lines.slice(0, limit).map((line) => {
    const [date, open, high, low, close, volume] = line.split(",");
    return {
      symbol: "GOOG", interval: "1d", openTime: Date.parse(`${date}T00:00:00Z`),
      open: Number(open), high: Number(high), low: Number(low), close: Number(close), volume: Number(volume),
    };
  });
}
