/** The process surroundings a command uses, injectable so commands are tested in-process. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
  env: Record<string, string | undefined>;
  cwd: string;
  /** True when a person is at the terminal (prompts and progress bars are allowed). */
  interactive: boolean;
  /** True when `err` writes to a terminal (a backtest's progress bar may hold its last line open). */
  errIsTerminal?: boolean;
  /** Reads one line typed at the terminal (for the live-trading confirmation). */
  prompt(question: string): Promise<string | null>;
  /** Resolves when SIGINT or SIGTERM arrives; the run command stops the session then. */
  signal: AbortSignal;
  /**
   * Runs `work` (results being written) so that a second SIGINT/SIGTERM does not cut it short; without it, `work` just
   * runs (an in-process caller has no process to exit).
   */
  uninterrupted?<T>(work: () => Promise<T>): Promise<T>;
}

/** The real process as an {@link Io}. */
export function processIo(signal: AbortSignal, uninterrupted?: Io["uninterrupted"]): Io {
  return {
    out: (text) => process.stdout.write(text.endsWith("\n") ? text : `${text}\n`),
    err: (text) => process.stderr.write(text.endsWith("\n") ? text : `${text}\n`),
    env: process.env,
    cwd: process.cwd(),
    interactive: Boolean(process.stdin.isTTY && process.stdout.isTTY),
    errIsTerminal: process.stderr.isTTY === true,
    prompt: async (question) => {
      process.stdout.write(question);
      for await (const line of console) return line;
      return null;
    },
    signal,
    ...(uninterrupted ? { uninterrupted } : {}),
  };
}
