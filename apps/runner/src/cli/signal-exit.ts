/** Exit code of a process ended by a second SIGINT/SIGTERM (128 + SIGINT's number, as shells report it). */
export const SIGNAL_EXIT_CODE = 130;

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
 */
export function signalExit(exit: (code: number) => void, say: (text: string) => void): SignalExit {
  const stop = new AbortController();
  let writing = 0;
  let forced = false;
  return {
    signal: stop.signal,
    receive(name) {
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
