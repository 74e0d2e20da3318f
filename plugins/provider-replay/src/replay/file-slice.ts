import { closeSync, constants, fstatSync, openSync, readSync } from "node:fs";
import { lineSeparator } from "./read-lines.ts";

/** The whole lines of a slice of a file, and whether the slice was all of it. */
export interface SliceLines {
  lines: string[];
  whole: boolean;
}

/**
 * The whole lines in the first or last `bytes` of the file at `path` (a session check reads a file's head and tail, not
 * all of it), decoded and split as the reader does (a byte-order mark dropped, lone "\r" line endings read as such); a
 * line the slice cuts is left out. Undefined for a path that is not a regular file, never read: opened without waiting (a
 * named pipe would block until a writer came), then let go. A file-system error is thrown.
 */
export function readSliceLines(path: string, bytes: number, at: "start" | "end"): SliceLines | undefined {
  const fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) return undefined;
    const from = at === "start" ? 0 : Math.max(0, stat.size - bytes);
    const buffer = Buffer.alloc(at === "start" ? bytes : stat.size - from);
    const size = readSync(fd, buffer, 0, buffer.length, from);
    const text = new TextDecoder().decode(buffer.subarray(0, size));
    const lines = text.split(lineSeparator(text) ?? (text.endsWith("\r") ? "\r" : "\n"));
    const whole = at === "start" ? size < bytes : from === 0;
    // A slice short of the file most likely cut a line at its edge (and perhaps a character in it).
    if (!whole) {
      if (at === "start") lines.pop();
      else lines.shift();
    }
    return { lines, whole };
  } finally {
    closeSync(fd);
  }
}
