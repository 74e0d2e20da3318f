import { parseIsoTime } from "../shared/parse-iso-time.ts";
import type { BarField } from "./replay-config.ts";
import type { ReplayFile } from "./replay-file.ts";
import { rowError, showValue } from "./row-error.ts";

/** A price or volume cell as a finite number; throws INVALID_DATA naming the file, line and field. */
export function parseNumberField(file: ReplayFile, line: number, field: BarField, raw: unknown): number {
  if (typeof raw === "number" && Number.isFinite(raw)) return raw;
  if (typeof raw === "string") {
    const value = Number(raw);
    // Number("") and Number("  ") are 0: an empty cell must not become a price of zero (only a 0 needs the look).
    if (Number.isFinite(value) && (value !== 0 || raw.trim() !== "")) return value;
  }
  throw rowError(file, line, field, `expected a number, got ${showValue(raw)}`);
}

/** A time cell as epoch milliseconds in the file's time format; throws INVALID_DATA naming the file, line and field. */
export function parseTimeField(file: ReplayFile, line: number, raw: unknown): number {
  if (file.timeFormat === "iso") {
    const time = typeof raw === "string" ? parseIsoTime(raw) : undefined;
    if (time !== undefined) return time;
    const hint = typeof raw === "number" || (typeof raw === "string" && /^\s*\d+\s*$/.test(raw)) ? ' (set timeFormat to "epoch-ms" or "epoch-s" for epoch times)' : "";
    throw rowError(file, line, "time", `expected an ISO date or date-time such as 2024-01-31 or 2024-01-31T09:30:00Z, got ${showValue(raw)}${hint}`);
  }
  const value = typeof raw === "number" ? raw : typeof raw === "string" && raw.trim() !== "" ? Number(raw) : Number.NaN;
  if (!Number.isFinite(value)) {
    const unit = file.timeFormat === "epoch-ms" ? "epoch milliseconds" : "epoch seconds";
    throw rowError(file, line, "time", `expected ${unit}, got ${showValue(raw)}`);
  }
  return file.timeFormat === "epoch-s" ? Math.round(value * 1000) : value;
}
