import { ArgoError, isArgoError } from "@argo/core";
import type { BarField } from "./replay-config.ts";
import type { ReplayFile } from "./replay-file.ts";

/** Why a row was refused, when a reader must tell one kind from the rest: "order" for a row not after the one before it. */
export type RowErrorReason = "order";

/**
 * INVALID_DATA naming the file, the line and (when known) the field: `GOOG.csv line 17, field "close": expected a number, got "abc"`.
 * A `reason` goes into `details.reason`, so code can tell the kind apart without reading the message.
 */
export function rowError(file: ReplayFile, line: number, field: BarField | undefined, problem: string, reason?: RowErrorReason): ArgoError {
  const where = field === undefined ? `${file.label} line ${line}` : `${file.label} line ${line}, field "${field}"`;
  return new ArgoError("INVALID_DATA", `${where}: ${problem}`, {
    provider: "replay",
    details: { file: file.label, path: file.path, line, ...(field === undefined ? {} : { field }), ...(reason === undefined ? {} : { reason }) },
  });
}

/** True for the error of a row whose time is not after the previous row's (see {@link rowError}'s "order" reason). */
export function isOutOfOrder(error: unknown): boolean {
  return isArgoError(error, "INVALID_DATA") && error.details?.reason === "order";
}

/** How a received value is shown in a message: strings quoted, long ones cut. */
export function showValue(value: unknown): string {
  const text = typeof value === "string" ? JSON.stringify(value) : value === undefined ? "nothing" : JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
