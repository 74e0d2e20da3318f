import { Writable } from "node:stream";
import type { Io } from "../cli/io.ts";

// Return to the line's start and clear it: a backtest's progress bar redraws its line in place without ending it.
const CLEAR_LINE = "\r\x1b[K";

/**
 * A writable stream that hands every log line to `io.err`, so the log follows the command's Io (stderr in the
 * real process, a capture in tests) instead of going to the process's stderr behind its back. On a terminal each line
 * first clears the line it starts on, so a progress bar drawn there is replaced rather than continued (it redraws below).
 */
export function ioDestination(io: Io): Writable {
  const prefix = io.errIsTerminal === true ? CLEAR_LINE : "";
  return new Writable({
    decodeStrings: false,
    write(chunk: string | Uint8Array, _encoding, done) {
      io.err(prefix + (typeof chunk === "string" ? chunk : new TextDecoder().decode(chunk)));
      done();
    },
  });
}
