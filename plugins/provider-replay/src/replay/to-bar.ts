import type { Bar } from "@argo/core";
import type { BarField } from "./replay-config.ts";
import type { ReplayFile } from "./replay-file.ts";
import { parseNumberField, parseTimeField } from "./parse-field.ts";
import { rowError } from "./row-error.ts";

/** Reads one field's raw value of the current row; undefined when the row lacks it. */
export type FieldReader = (field: BarField) => unknown;

/**
 * Builds a bar from a row's raw values and checks it is one a backtest can trust: every field a
 * finite number, low <= open, close <= high, volume not negative. Throws INVALID_DATA otherwise.
 */
export function toBar(file: ReplayFile, line: number, read: FieldReader): Bar {
  const openTime = parseTimeField(file, line, read("time"));
  const open = parseNumberField(file, line, "open", read("open"));
  const high = parseNumberField(file, line, "high", read("high"));
  const low = parseNumberField(file, line, "low", read("low"));
  const close = parseNumberField(file, line, "close", read("close"));
  const volume = parseNumberField(file, line, "volume", read("volume"));
  if (low > Math.min(open, close)) {
    throw rowError(file, line, "low", `expected a low no higher than open and close, got low ${low} with open ${open}, close ${close}`);
  }
  if (high < Math.max(open, close)) {
    throw rowError(file, line, "high", `expected a high no lower than open and close, got high ${high} with open ${open}, close ${close}`);
  }
  if (volume < 0) throw rowError(file, line, "volume", `expected a volume of 0 or more, got ${volume}`);
  return { symbol: file.symbol, interval: file.interval, openTime, open, high, low, close, volume };
}
