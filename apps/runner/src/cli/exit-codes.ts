/** Exit codes scripts can rely on. */
export const EXIT = {
  /** Done, or stopped cleanly by SIGINT/SIGTERM. */
  OK: 0,
  /** The session failed while running. */
  FAILURE: 1,
  /** The command line was wrong (unknown command or flag, missing argument). */
  USAGE: 2,
  /** The configuration is invalid; nothing was started. */
  INVALID_CONFIG: 3,
  /** Live trading was asked for but not confirmed; nothing was started. */
  LIVE_NOT_CONFIRMED: 4,
} as const;

/** One of the {@link EXIT} codes. */
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];
