import { main } from "../main.ts";
import { type CaptureIoOptions, type CapturedIo, captureIo, LISTENING_LINE } from "./capture-io.ts";

/** A `main(["run", …])` running in-process; `c.stop()` stops it as SIGTERM would. */
export interface InProcessRun {
  c: CapturedIo;
  /** The exit code, once the command returns. */
  exit: Promise<number>;
}

/** Starts `argo run` in-process; use {@link statusUrl} to wait for its status API. */
export function startRun(args: string[], options: CaptureIoOptions = {}): InProcessRun {
  const c = captureIo(options);
  return { c, exit: main(["run", ...args], c.io) };
}

/** The status API's URL from the "listening" log line; rejects if the run ends first or takes too long. */
export async function statusUrl(run: InProcessRun): Promise<string> {
  const ended = run.exit.then((code) => {
    throw new Error(`run ended with exit ${code} before listening:\n${run.c.stderr()}`);
  });
  const match = await Promise.race([run.c.waitForErr(LISTENING_LINE), ended]);
  return match[1]!;
}
