/** Exit codes scripts can rely on. */
export const EXIT = {
  /** Done, or an `argo run` session stopped cleanly by SIGINT/SIGTERM. */
  OK: 0,
  /**
   * The session failed while running (an `argo run` whose log could no longer be written, EPIPE, is stopped as one), or a backtest was stopped by SIGINT/SIGTERM before its end: its results folder
   * holds the partial run (run.json says aborted), which a script must not take for a finished one.
   */
  FAILURE: 1,
  /** The command line was wrong (unknown command or flag, missing argument). */
  USAGE: 2,
  /** The configuration is invalid, or the engine refused it before trading (see cli/config-refusal.ts); nothing traded. */
  INVALID_CONFIG: 3,
  /** Live trading was asked for but not confirmed; nothing was started. */
  LIVE_NOT_CONFIRMED: 4,
} as const;

/** One of the {@link EXIT} codes. */
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];
