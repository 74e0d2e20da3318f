import type { ConfigIssue } from "@argo/core";
import { type BacktestRange, missedSide, rangeText } from "../shared/backtest-range.ts";
import { readSliceLines, type SliceLines } from "./file-slice.ts";
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
      + `${missedSide(first, last, range)}: a backtest would have no bars; set backtest.from / backtest.to (argo backtest --from / --to) to meet the file's bars`,
  };
}

/** The open time of the file's last row that parses, read from its last {@link TAIL_BYTES}; undefined when none does. */
function lastRowTime(file: ReplayFile, head: HeadRows): number | undefined {
  let tail: SliceLines | undefined;
  try {
    tail = readSliceLines(file.path, TAIL_BYTES, "end");
  } catch {
    return undefined; // the head's read names a file that cannot be read
  }
  const lines = tail?.lines ?? [];
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i]!.endsWith("\r") ? lines[i]!.slice(0, -1) : lines[i]!;
    if (line.trim() === "") continue;
    try {
      return head.parse(line, 0).openTime;
    } catch {
      // A bad last row (or the header of a short file) is the reader's to name; a row before it tells where the bars end.
    }
  }
  return undefined;
}
