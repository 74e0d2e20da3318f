import { Writable } from "node:stream";
import type { Io } from "../cli/io.ts";

/**
 * A writable stream that hands every log line to `io.err`, so the log follows the command's Io (stderr in the
 * real process, a capture in tests) instead of going to the process's stderr behind its back.
 */
export function ioDestination(io: Io): Writable {
  return new Writable({
    decodeStrings: false,
    write(chunk: string | Uint8Array, _encoding, done) {
      io.err(typeof chunk === "string" ? chunk : new TextDecoder().decode(chunk));
      done();
    },
  });
}
