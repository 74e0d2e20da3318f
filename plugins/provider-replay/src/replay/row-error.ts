import { ArgoError } from "@argo/core";
import type { BarField } from "./replay-config.ts";
import type { ReplayFile } from "./replay-file.ts";

/** INVALID_DATA naming the file, the line and (when known) the field: `GOOG.csv line 17, field "close": expected a number, got "abc"`. */
export function rowError(file: ReplayFile, line: number, field: BarField | undefined, problem: string): ArgoError {
  const where = field === undefined ? `${file.label} line ${line}` : `${file.label} line ${line}, field "${field}"`;
  return new ArgoError("INVALID_DATA", `${where}: ${problem}`, {
    provider: "replay",
    details: { file: file.label, path: file.path, line, ...(field === undefined ? {} : { field }) },
  });
}

/** How a received value is shown in a message: strings quoted, long ones cut. */
export function showValue(value: unknown): string {
  const text = typeof value === "string" ? JSON.stringify(value) : value === undefined ? "nothing" : JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
