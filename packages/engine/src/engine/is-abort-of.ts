import { isArgoError } from "@argo/core";

/**
 * Whether `error` is `signal`'s abort itself rather than a failure: once the signal has aborted, its reason (fetch
 * rejects with it), an AbortError or TimeoutError, or CONTEXT_CANCELLED. A run stopped that way ends as aborted.
 */
export function isAbortOf(signal: AbortSignal | undefined, error: unknown): boolean {
  if (signal?.aborted !== true) return false;
  if (error === signal.reason) return true;
  if (isArgoError(error)) return error.code === "CONTEXT_CANCELLED";
  return error instanceof Error && (error.name === "AbortError" || error.name === "TimeoutError");
}
