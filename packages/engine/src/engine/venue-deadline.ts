import { ArgoError } from "@argo/core";

/** How long the engine waits for a venue's answer to an order call before treating it as lost; default 30 s. */
export const DEFAULT_VENUE_CALL_TIMEOUT_MS = 30_000;

/** Marks the error of a call the venue did not answer in time: the request may still reach it. */
const TIMED_OUT = "timed-out";

/** Whether `error` is a venue call that went unanswered past its deadline (see {@link withDeadline}). */
export function isTimedOut(error: ArgoError): boolean {
  return error.details?.outcome === TIMED_OUT;
}

/**
 * Whether a failed placement's request may still reach the venue, so its not being there when asked right away proves
 * nothing: the engine's deadline passed (see {@link isTimedOut}), or the provider said so (`details.outcome: "unknown"`,
 * docs/plugins.md: Binance's -1007, an HTTP timeout after the request was written).
 */
export function mayStillLand(error: ArgoError): boolean {
  return isTimedOut(error) || error.details?.outcome === "unknown";
}

/**
 * `answer`, or CONNECTION_LOST once `ms` pass without one: a venue that never answers (a hung HTTP request, a broker
 * gateway that stopped replying) must not stall the engine, which waits for its order calls before the next bar.
 * `late` sees the answer if it comes after the deadline, so what the venue did is still recorded; `consequence` ends the message.
 */
export function withDeadline<T>(
  answer: Promise<T>,
  ms: number,
  venue: string,
  call: string,
  late: (outcome: PromiseSettledResult<T>) => void,
  consequence = "its outcome is unknown",
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let expired = false;
    const timer = setTimeout(() => {
      expired = true;
      reject(new ArgoError("CONNECTION_LOST", `${venue} did not answer the ${call} within ${ms / 1000} s${consequence ? `; ${consequence}` : ""}`, {
        provider: venue,
        details: { outcome: TIMED_OUT },
      }));
    }, ms);
    answer.then(
      (value) => {
        clearTimeout(timer);
        if (expired) late({ status: "fulfilled", value });
        else resolve(value);
      },
      (reason: unknown) => {
        clearTimeout(timer);
        if (expired) late({ status: "rejected", reason });
        else reject(reason);
      },
    );
  });
}

/** For calls whose late answer changes nothing (a read, a cancel or lookup whose events report what the venue did). */
export function ignoreLate(): void {}
