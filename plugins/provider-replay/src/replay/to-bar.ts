import type { Bar } from "@argo/core";
import type { BarField } from "./replay-config.ts";
import type { ReplayFile } from "./replay-file.ts";
import { parseNumberField, parseTimeField } from "./parse-field.ts";
import { rowError } from "./row-error.ts";

/** Reads one field's raw value of the current row; undefined when the row lacks it. */
export type FieldReader = (field: BarField) => unknown;

/**
 * Builds a bar from a row's raw values and checks it is one a backtest can trust: every field a
 * finite decimal number, prices above 0, low <= open, close <= high, volume not negative. Throws INVALID_DATA otherwise.
 * `checkForm` false: the row was found to hold no hex, binary or octal text (see mayHoldNonDecimal).
 */
export function toBar(file: ReplayFile, line: number, read: FieldReader, checkForm = true): Bar {
  const openTime = parseTimeField(file, line, read("time"), checkForm);
  const open = parseNumberField(file, line, "open", read("open"), checkForm);
  const high = parseNumberField(file, line, "high", read("high"), checkForm);
  const low = parseNumberField(file, line, "low", read("low"), checkForm);
  const close = parseNumberField(file, line, "close", read("close"), checkForm);
  const volume = parseNumberField(file, line, "volume", read("volume"), checkForm);
  // low <= open, close <= high below, so a positive low makes every price positive: a 0 or negative price is no market's.
  if (!(low > 0)) throw rowError(file, line, "low", `expected a low above 0 (prices must be positive), got ${low}`);
  if (low > Math.min(open, close)) {
    throw rowError(file, line, "low", `expected a low no higher than open and close, got low ${low} with open ${open}, close ${close}`);
  }
  if (high < Math.max(open, close)) {
    throw rowError(file, line, "high", `expected a high no lower than open and close, got high ${high} with open ${open}, close ${close}`);
  }
  if (volume < 0) throw rowError(file, line, "volume", `expected a volume of 0 or more, got ${volume}`);
  return { symbol: file.symbol, interval: file.interval, openTime, open, high, low, close, volume };
}
