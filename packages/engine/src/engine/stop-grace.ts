/** How many more graces a stop waits while venue calls are on their way: ten calls in a row, each within its deadline. */
const MAX_RENEWALS = 10;

/**
 * Waits for `work`; once `signal` has aborted (before or during the wait), for at most `graceMs` more. Resolves true
 * when `work` fulfilled, false when the grace ran out first; rejects as `work` does. Without a signal it is a plain wait:
 * nothing can stop the run, so there is nothing to give up for. No timer exists until the abort. While `waitsOnVenue()`
 * says a venue call is on its way the grace starts again, up to {@link MAX_RENEWALS} times: such a call has a deadline
 * of its own, and a stop that gave up during one (an onStop placing orders one after another) would leave an order
 * landing after the run; a callback placing orders without end must still not keep the stop waiting for ever.
 */
export function withStopGrace(
  work: PromiseLike<unknown>,
  signal: AbortSignal | undefined,
  graceMs: number,
  waitsOnVenue: () => boolean = () => false,
): Promise<boolean> {
  if (signal === undefined) return Promise.resolve(work).then(() => true);
  return new Promise<boolean>((resolve, reject) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let renewals = 0;
    const startGrace = () => {
      timer = setTimeout(() => (waitsOnVenue() && renewals++ < MAX_RENEWALS ? startGrace() : resolve(false)), graceMs);
    };
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener("abort", startGrace);
    };
    if (signal.aborted) startGrace();
    else signal.addEventListener("abort", startGrace, { once: true });
    Promise.resolve(work).then(
      () => (done(), resolve(true)),
      (error: unknown) => (done(), reject(error)),
    );
  });
}
