/** Longest delay setTimeout honours; longer ones fire at once, so long waits are taken in steps. */
const MAX_TIMER_MS = 2 ** 30;

/**
 * Waits `ms` milliseconds; resolves true when the time passed and false as soon as the signal
 * aborts (the timer is cleared then, so an aborted stream leaves nothing pending).
 */
export async function abortableSleep(ms: number, signal?: AbortSignal): Promise<boolean> {
  if (signal?.aborted) return false;
  let remaining = ms;
  while (remaining > 0) {
    const step = Math.min(remaining, MAX_TIMER_MS);
    if (!(await sleepOnce(step, signal))) return false;
    remaining -= step;
  }
  return true;
}

function sleepOnce(ms: number, signal?: AbortSignal): Promise<boolean> {
  return new Promise((resolve) => {
    const onAbort = () => {
      clearTimeout(timer);
      resolve(false);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve(true);
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
