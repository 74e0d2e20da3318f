import { ArgoError } from "@argo/core";

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
  /**
   * Aborts when stdout or stderr can no longer be written (whoever read it closed the pipe: EPIPE, `argo run | head`,
   * a log shipper that died); its reason is an ArgoError naming the stream. The run command then stops the session as
   * a failure: it must not trade on with no log. Writes to a lost stream are dropped, never thrown.
   */
  outputLost?: AbortSignal;
}

/** The real process as an {@link Io}. */
export function processIo(signal: AbortSignal, uninterrupted?: Io["uninterrupted"]): Io {
  const output = watchOutput();
  return {
    out: (text) => output.write("stdout", text.endsWith("\n") ? text : `${text}\n`),
    err: (text) => output.write("stderr", text.endsWith("\n") ? text : `${text}\n`),
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
    outputLost: output.lost,
  };
}

/**
 * Writes to the process's stdout and stderr, watching both for a write error. Without an "error" listener the EPIPE of
 * a closed pipe would be an unhandled error event; with one, each stream is given up at its first error (later writes
 * dropped: there is nobody to read them) and `lost` aborts, its reason naming the stream.
 */
function watchOutput(): { write(name: "stdout" | "stderr", text: string): void; lost: AbortSignal } {
  const controller = new AbortController();
  const gone = new Set<string>();
  for (const name of ["stdout", "stderr"] as const) {
    process[name].on("error", (error: NodeJS.ErrnoException) => {
      gone.add(name);
      if (!controller.signal.aborted) controller.abort(outputLostError(name, error));
    });
  }
  return {
    write(name, text) {
      if (!gone.has(name)) process[name].write(text);
    },
    lost: controller.signal,
  };
}

/** The reason {@link Io.outputLost} aborts with: which stream, and the system's code (EPIPE for a closed pipe). */
export function outputLostError(name: "stdout" | "stderr", error: { code?: string; message?: string }): ArgoError {
  const why = error.code ?? error.message ?? "write failed";
  return new ArgoError("CONNECTION_LOST", `${name} can no longer be written (${why}): whoever read it closed it`, { details: { stream: name, ...(error.code ? { errno: error.code } : {}) } });
}
