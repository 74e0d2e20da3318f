/**
 * Waits for `work`; once `signal` has aborted (before or during the wait), for at most `graceMs` more. Resolves true
 * when `work` fulfilled, false when the grace ran out first; rejects as `work` does. Without a signal it is a plain wait:
 * nothing can stop the run, so there is nothing to give up for. No timer exists until the abort.
 */
export function withStopGrace(work: PromiseLike<unknown>, signal: AbortSignal | undefined, graceMs: number): Promise<boolean> {
  if (signal === undefined) return Promise.resolve(work).then(() => true);
  return new Promise<boolean>((resolve, reject) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const startGrace = () => {
      timer = setTimeout(() => resolve(false), graceMs);
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
