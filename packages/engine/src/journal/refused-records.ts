import { ArgoError } from "@argo/core";
import { isoTimeOrText } from "../report/iso-time.ts";

/** A buffered record SQLite would not store: what it is (kind and key, already scrubbed) and SQLite's reason. */
export interface RefusedRecord {
  record: string;
  reason: string;
}

/** How many refused records a message names; the rest are counted. */
const LISTED = 10;

/**
 * Whether a write failed because of the record itself, so it fails the same way however often it is retried: a constraint
 * (bun:sqlite throws code SQLITE_CONSTRAINT_NOTNULL for a NaN, which SQLite stores as NULL, in a NOT NULL column) or a
 * value bun:sqlite cannot bind (a TypeError). A busy, locked, full or failing disk is not: that batch is kept and retried.
 */
export function isRecordRefusal(error: unknown): boolean {
  if (error instanceof TypeError) return true;
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && code.startsWith("SQLITE_CONSTRAINT");
}

/** The error `flush` throws once it wrote every record but these: INVALID_DATA naming each (the first ten) and why. */
export function refusedRecordsError(refused: readonly RefusedRecord[]): ArgoError {
  const listed = refused.slice(0, LISTED).map((r) => `${r.record} (${r.reason})`).join("; ");
  const more = refused.length > LISTED ? `; and ${refused.length - LISTED} more` : "";
  const count = refused.length === 1 ? "1 record" : `${refused.length} records`;
  return new ArgoError("INVALID_DATA", `session journal refused ${count} and wrote the rest of the batch: ${listed}${more}`);
}

/** A bar's key as a message shows it: symbol, interval and open time (ISO when it is a date at all). */
export function barKey(symbol: string, interval: string, openTime: number): string {
  return `bar ${symbol} ${interval} ${isoTimeOrText(openTime)}`;
}
