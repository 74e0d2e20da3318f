import { main } from "../main.ts";
import { type CaptureIoOptions, type CapturedIo, captureIo } from "./capture-io.ts";

/** A `main(["run", …])` running in-process. */
export interface InProcessRun {
  c: CapturedIo;
  /** The exit code, once the command returns. */
  exit: Promise<number>;
  /** Stops the session (as SIGTERM) and resolves with the exit code. */
  stop(): Promise<number>;
}

/** Starts `argo run` in-process; use {@link statusUrl} to wait for its status API. */
export function startRun(args: string[], options: CaptureIoOptions = {}): InProcessRun {
  const c = captureIo(options);
  const exit = main(["run", ...args], c.io);
  return {
    c,
    exit,
    async stop() {
      c.stop();
      return exit;
    },
  };
}

/** The status API's URL from the "listening" log line; rejects if the run ends first or takes too long. */
export async function statusUrl(run: InProcessRun): Promise<string> {
  const ended = run.exit.then((code) => {
    throw new Error(`run ended with exit ${code} before listening:\n${run.c.stderr()}`);
  });
  const match = await Promise.race([run.c.waitForErr(/"url":"(http:\/\/127\.0\.0\.1:\d+)".*"msg":"status API and dashboard listening"/), ended]);
  return match[1]!;
}

/** Polls `probe` until it returns a value other than undefined/false; rejects after `limitMs` (a failure, not a timing check). */
export async function until<T>(probe: () => Promise<T | undefined | false> | T | undefined | false, limitMs = 10_000, what = "condition"): Promise<T> {
  const deadline = Date.now() + limitMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}`);
    await Bun.sleep(20);
  }
}
