/** Exit code of a process ended by a second SIGINT/SIGTERM (128 + SIGINT's number, as shells report it). */
export const SIGNAL_EXIT_CODE = 130;

/**
 * A signal this soon after the last one counted is the same keypress, not a second one. One Ctrl-C under a wrapper
 * (`bun run`, `npm run`, a shell script) arrives twice within a millisecond or so: the terminal signals the whole
 * process group and the wrapper forwards its own copy. Half a second is far above that gap (a busy wrapper included)
 * and short enough that a deliberate second Ctrl-C is rarely swallowed, and one that is can simply be pressed again.
 */
export const SAME_SIGNAL_WINDOW_MS = 500;

/** What SIGINT and SIGTERM do to the `argo` process. */
export interface SignalExit {
  /** Aborted by the first signal: the command stops cleanly. */
  signal: AbortSignal;
  /** Handles one SIGINT or SIGTERM. */
  receive(name: string): void;
  /** Runs `work` (results being written) so that no signal cuts it short: a second signal exits once it is done. */
  uninterrupted<T>(work: () => Promise<T>): Promise<T>;
}

/**
 * The first signal aborts {@link SignalExit.signal}; a second one means "now" and exits, except while results are being
 * written: a folder half written would lose what the run had already recorded, so that exit waits for the writing.
 * A signal within {@link SAME_SIGNAL_WINDOW_MS} of the last one counted is a copy of it and ignored. `now` is a
 * monotonic clock in milliseconds (injectable for tests).
 */
export function signalExit(exit: (code: number) => void, say: (text: string) => void, now: () => number = () => performance.now()): SignalExit {
  const stop = new AbortController();
  let writing = 0;
  let forced = false;
  let lastCounted = Number.NEGATIVE_INFINITY;
  return {
    signal: stop.signal,
    receive(name) {
      const at = now();
      if (at - lastCounted < SAME_SIGNAL_WINDOW_MS) return;
      lastCounted = at;
      const second = stop.signal.aborted;
      if (!second) stop.abort(name);
      if (writing > 0) {
        forced ||= second;
        say(second ? "argo: results are being written; exiting once they are" : "argo: results are being written; stopping once they are");
      } else if (second) exit(SIGNAL_EXIT_CODE);
    },
    async uninterrupted(work) {
      writing++;
      let result: Awaited<ReturnType<typeof work>>;
      try {
        result = await work();
      } finally {
        writing--;
      }
      // Only after success: a write that failed has its error printed, and the command exits with its own code.
      if (writing === 0 && forced) exit(SIGNAL_EXIT_CODE);
      return result;
    },
  };
}
