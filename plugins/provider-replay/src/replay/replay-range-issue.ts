import type { ConfigIssue } from "@argo/core";
import { closeSync, constants, fstatSync, openSync, readSync } from "node:fs";
import { type BacktestRange, missedSide, rangeText } from "../shared/backtest-range.ts";
import { lineSeparator } from "./read-lines.ts";
import type { ReplayFile } from "./replay-file.ts";
import type { HeadRows } from "./replay-head-issue.ts";

/** Bytes read from the end of a file for its last row: rows are far shorter. */
const TAIL_BYTES = 16 * 1024;

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * The issue at the file's path when none of its bars opens inside the backtest's range: validate would pass it, then
 * the backtest stop with "no bars". Judged from the first row and the last (rows come oldest first); a file read whole
 * is judged bar by bar, so a range between two of its bars is found too. Undefined when a bar may fall in it, or the
 * last row cannot be read (the reader names what is wrong with it).
 */
export function replayRangeIssue(file: ReplayFile, head: HeadRows, range: BacktestRange): ConfigIssue | undefined {
  const { times } = head;
  if (times.length === 0) return undefined;
  const first = times[0]!;
  const last = head.whole ? times[times.length - 1]! : lastRowTime(file, head);
  if (last === undefined) return undefined;
  const inside = head.whole ? times.some((time) => time >= range.from && time < range.to) : !(last < range.from || first >= range.to);
  if (inside) return undefined;
  return {
    path: `files.${file.index}.path`,
    message: `"${file.label}" (${file.symbol}) holds bars opening ${iso(first)} to ${iso(last)}, outside the backtest range ${rangeText(range)}, `
      + `${missedSide(first, last, range)}: a backtest would have no bars; set backtest.from / backtest.to to meet the file's bars`,
  };
}

/** The open time of the file's last row that parses, read from its last {@link TAIL_BYTES}; undefined when none does. */
function lastRowTime(file: ReplayFile, head: HeadRows): number | undefined {
  const text = tailText(file.path);
  if (text === undefined) return undefined;
  const lines = text.split(lineSeparator(text) ?? (text.endsWith("\r") ? "\r" : "\n"));
  // The first line of a tail read is most likely cut (and its first character perhaps split).
  for (let i = lines.length - 1; i >= 1; i--) {
    const line = lines[i]!.endsWith("\r") ? lines[i]!.slice(0, -1) : lines[i]!;
    if (line.trim() === "") continue;
    try {
      return head.parse(line, 0).openTime;
    } catch {
      // A bad last row is the reader's to name; a row before it still tells where the bars end.
    }
  }
  return undefined;
}

/** The last {@link TAIL_BYTES} of a regular file, decoded; undefined when it cannot be read. */
function tailText(path: string): string | undefined {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch {
    return undefined;
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) return undefined;
    const start = Math.max(0, stat.size - TAIL_BYTES);
    const buffer = Buffer.alloc(stat.size - start);
    const size = readSync(fd, buffer, 0, buffer.length, start);
    return new TextDecoder().decode(buffer.subarray(0, size));
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
}
