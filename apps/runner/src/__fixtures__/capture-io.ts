import type { Io } from "../cli/io.ts";

/** An {@link Io} whose output is collected, with a stop button standing in for SIGTERM. */
export interface CapturedIo {
  io: Io;
  /** Everything written to stdout so far. */
  stdout(): string;
  /** Everything written to stderr so far (log lines included). */
  stderr(): string;
  /** Both streams, for "never printed anywhere" checks. */
  all(): string;
  /** Aborts the signal, as SIGTERM does in the real process. */
  stop(reason?: string): void;
  /** Resolves with the first match of `pattern` on stderr; rejects after `limitMs` so a broken run fails, not hangs. */
  waitForErr(pattern: RegExp, limitMs?: number): Promise<RegExpMatchArray>;
  /** The questions the prompt was asked. */
  prompts: string[];
}

/** Options of {@link captureIo}. */
export interface CaptureIoOptions {
  env?: Record<string, string | undefined>;
  cwd?: string;
  interactive?: boolean;
  /** What the person at the terminal types at each prompt. */
  answers?: string[];
}

/** A captured Io for running `main(argv, io)` in-process. */
export function captureIo(options: CaptureIoOptions = {}): CapturedIo {
  const out: string[] = [];
  const err: string[] = [];
  const prompts: string[] = [];
  const answers = [...(options.answers ?? [])];
  const controller = new AbortController();
  const io: Io = {
    out: (text) => void out.push(text.endsWith("\n") ? text : `${text}\n`),
    err: (text) => void err.push(text.endsWith("\n") ? text : `${text}\n`),
    env: options.env ?? {},
    cwd: options.cwd ?? process.cwd(),
    interactive: options.interactive ?? false,
    prompt: async (question) => {
      prompts.push(question);
      return answers.shift() ?? null;
    },
    signal: controller.signal,
  };
  const stderr = () => err.join("");
  return {
    io,
    stdout: () => out.join(""),
    stderr,
    all: () => out.join("") + err.join(""),
    stop: (reason = "SIGTERM") => controller.abort(reason),
    prompts,
    async waitForErr(pattern, limitMs = 10_000) {
      const deadline = Date.now() + limitMs;
      for (;;) {
        const match = stderr().match(pattern);
        if (match) return match;
        if (Date.now() > deadline) throw new Error(`stderr never matched ${pattern}; it was:\n${stderr()}`);
        await Bun.sleep(10);
      }
    },
  };
}

/** Parses the JSON log lines of captured stderr (other lines are skipped). */
export function logLines(stderr: string): Array<Record<string, unknown> & { msg?: string }> {
  return stderr
    .split("\n")
    .filter((line) => line.startsWith("{"))
    .map((line) => JSON.parse(line) as Record<string, unknown> & { msg?: string });
}

/** The log line of a started status API; its first group is the URL (127.0.0.1, the port it got). */
export const LISTENING_LINE = /"url":"(http:\/\/127\.0\.0\.1:\d+)".*"msg":"status API and dashboard listening"/;
