import { ignoreLate, withDeadline } from "./venue-deadline.ts";

/**
 * `fn()`'s answer, refused with CONNECTION_LOST once `ms` pass without one, or with the abort reason as soon as `signal`
 * aborts: a provider that never answers its connect, its account reads, a start-up order lookup or its disconnect must
 * neither keep a session from starting (or ending) with a clear error nor keep Ctrl-C from stopping it. These calls
 * place nothing, so a late answer is dropped.
 */
export function boundedVenueCall<T>(fn: () => Promise<T>, ms: number, venue: string, call: string, signal?: AbortSignal): Promise<T> {
  const bounded = withDeadline(new Promise<T>((resolve) => resolve(fn())), ms, venue, call, ignoreLate, "");
  if (signal === undefined) return bounded;
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    if (signal.aborted) return onAbort();
    signal.addEventListener("abort", onAbort, { once: true });
    bounded.then(
      (value) => (signal.removeEventListener("abort", onAbort), resolve(value)),
      (reason: unknown) => (signal.removeEventListener("abort", onAbort), reject(reason)),
    );
  });
}
