import { isArgoError } from "@argo/core";

/** Longest end reason recorded: a short code and a message; a venue's error may quote a whole response body. */
export const END_REASON_MAX_LENGTH = 1000;

/**
 * The text the sessions table's `end_reason` records for why a session ended, from what ended it: the abort signal's
 * reason or the fatal error. A text is kept as it is (the runner stops with the signal's name, "SIGINT", or "log output
 * lost: …" when its log's reader is gone); an error becomes `<code>: <message>`, its code the ArgoError's, else the
 * system's (`EPIPE`), else its name (`AbortError`, `TimeoutError`), so a Ctrl-C reads apart from a crash. Undefined for
 * nothing (a session that completed). Whole: the journal scrubs it of secrets, then cuts it (cutEndReason).
 */
export function sessionEndReason(reason: unknown): string | undefined {
  if (reason === undefined || reason === null) return undefined;
  return describe(reason);
}

function describe(reason: unknown): string {
  if (typeof reason === "string") return reason;
  if (isArgoError(reason)) return `${reason.code}: ${reason.message}`;
  if (reason instanceof Error || isErrorLike(reason)) {
    const { code, name, message } = reason as { code?: unknown; name?: unknown; message?: unknown };
    const label = typeof code === "string" && code !== "" ? code : typeof name === "string" && name !== "" ? name : "Error";
    return typeof message === "string" && message !== "" ? `${label}: ${message}` : label;
  }
  try {
    return JSON.stringify(reason) ?? String(reason);
  } catch {
    return String(reason);
  }
}

/** A DOMException (AbortSignal's default reason) is an Error in Bun, but not necessarily in every runtime. */
function isErrorLike(value: unknown): boolean {
  return typeof value === "object" && value !== null && typeof (value as { message?: unknown }).message === "string" && typeof (value as { name?: unknown }).name === "string";
}

/**
 * An end reason cut to END_REASON_MAX_LENGTH, after it was scrubbed of secrets: cut first, a secret split at the cut would
 * no longer match the scrubber and its first part be stored.
 */
export function cutEndReason(text: string): string {
  return text.length <= END_REASON_MAX_LENGTH ? text : `${text.slice(0, END_REASON_MAX_LENGTH - 1)}…`;
}
