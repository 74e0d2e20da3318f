import { type ArgoError, BarCloser, type ConfigIssue, isArgoError } from "@argo/core";
import { formatDuration } from "../shared/format-duration.ts";
import type { ReplayFile } from "./replay-file.ts";
import { type BacktestRange } from "../shared/backtest-range.ts";
import { replayRangeIssue } from "./replay-range-issue.ts";
import { readSliceLines, type SliceLines } from "./file-slice.ts";
import { fileErrorIssue } from "./replay-file-access.ts";
import { createCsvRowParser, createJsonlRowParser, type RowParser } from "./row-parser.ts";

/** Bytes read from the start of a file: a thousand rows or so, enough to see its spacing, read in well under a millisecond. */
const HEAD_BYTES = 64 * 1024;
/** Rows of the head judged at most. */
const SAMPLE_ROWS = 500;
/** Gaps needed before a file is judged coarser than its interval: a weekend or a holiday alone must not look like one. */
const MIN_GAPS_COARSE = 4;

/**
 * What a run of this file would stop at, judged from its first rows (and its last): the first issue of
 * - a header without a column the file's `columns` ask for, a head none of whose rows parse, or a file with no row at
 *   all (empty, or a header only): a run would stop there before its first bar;
 * - rows newest first;
 * - bars not spaced as the configured interval says: most come half an interval apart or less (hourly bars configured
 *   "1d": a run refuses all but about one a day), or no two come closer than twice the interval and most come at that
 *   smallest spacing (daily bars configured "1h": a run would take each as an hour). Gaps between are fine (weekends,
 *   holidays, missing data);
 * - with a backtest's `range`, no bar opening inside it (see replayRangeIssue).
 * A bad row among good ones is left to the reader, which names it.
 */
export function replayHeadIssue(file: ReplayFile, range?: BacktestRange): ConfigIssue | undefined {
  const head = headTimes(file);
  if (head === undefined || !("times" in head)) return head;
  return newestFirstIssue(file, head.read) ?? spacingIssue(file, head.times) ?? (range === undefined ? undefined : replayRangeIssue(file, head, range));
}

/**
 * Rows newest first (a common download order): most rows of the head come before the row above them. A run would stop
 * at the second row ("rows must be in ascending time order"); a few rows out of order among many are the reader's to
 * name.
 */
function newestFirstIssue(file: ReplayFile, read: readonly number[]): ConfigIssue | undefined {
  let backwards = 0;
  for (let i = 1; i < read.length; i++) if (read[i]! < read[i - 1]!) backwards++;
  if (read.length < 2 || backwards * 2 <= read.length - 1) return undefined;
  return {
    path: `files.${file.index}.path`,
    message: `"${file.label}" (${file.symbol}) has its rows newest first (${backwards} of its first ${read.length} rows come before the row above them): `
      + "a run needs them oldest first; sort the file by time, oldest first",
  };
}

/** Bars not spaced as the file's interval says, judged from the head's rows in order. */
function spacingIssue(file: ReplayFile, times: readonly number[]): ConfigIssue | undefined {
  if (times.length < 2) return undefined;
  const closer = new BarCloser();
  const gaps: { ms: number; ratio: number }[] = [];
  for (let i = 1; i < times.length; i++) {
    const ms = times[i]! - times[i - 1]!;
    // Against the length of the bar before the gap: a calendar month is 28 to 31 days.
    gaps.push({ ms, ratio: ms / (closer.closeTime(times[i - 1]!, file.interval) - times[i - 1]!) });
  }
  const byRatio = [...gaps].sort((a, b) => a.ratio - b.ratio);
  const median = byRatio[Math.floor((byRatio.length - 1) / 2)]!;
  const smallest = byRatio[0]!;
  const where = `"${file.label}" (${file.symbol})`;
  const fix = `set files.${file.index}.interval to the file's bar spacing`;
  // Exactly half is refused too: 30-minute bars configured "1h" would each be taken as an hour, though the reader lets a
  // single row half an interval on pass (an hourly session may open with a half-hour bar, 09:30 then 10:00).
  if (median.ratio <= 0.5) {
    return { path: `files.${file.index}.interval`, message: `${where} has bars about ${formatDuration(median.ms)} apart in its first ${times.length} rows, half its interval "${file.interval}" or less: ${fix}` };
  }
  // Coarser bars come mostly at their own spacing. A sparse file (an illiquid symbol's minutes without trades) has no
  // two bars adjacent either, but its gaps vary: it is not refused, as the interval it names is right.
  // "At" it within 31/28: calendar months (monthly bars configured "1d") are 28 to 31 days apart.
  const atSmallest = gaps.filter((gap) => gap.ms <= smallest.ms * (31 / 28)).length;
  if (gaps.length >= MIN_GAPS_COARSE && smallest.ratio >= 2 && atSmallest * 2 >= gaps.length) {
    return { path: `files.${file.index}.interval`, message: `${where} has no two bars closer than ${formatDuration(smallest.ms)} in its first ${times.length} rows, at least twice its interval "${file.interval}": ${fix}` };
  }
  return undefined;
}

/** The rows at the start of a file as the session check reads them. */
export interface HeadRows {
  /** Open times of the rows that parse, each after the one before (a row out of order is left out). */
  times: number[];
  /** Open times of every row that parses, in file order. */
  read: number[];
  /** True when `times` holds every row of the file. */
  whole: boolean;
  /** The file's row parser (for a CSV, built from its header). */
  parse: RowParser;
}

/**
 * Open times of the rows at the start of the file, in order. What a run would refuse before its first bar is an issue
 * instead: a file that cannot be read, a header that lacks a column the file's `columns` ask for, names one twice or
 * does not split (a stray quote), rows none of which parse (a `timeFormat` every row fails, say), as the first fails,
 * and a file holding no row at all (empty, or a header only: the run would stop with "no bars" after validate passed).
 */
function headTimes(file: ReplayFile): HeadRows | ConfigIssue | undefined {
  const head = headLines(file);
  if (!("lines" in head)) return head;
  const { lines } = head;
  let parse: RowParser | undefined = file.format === "jsonl" ? createJsonlRowParser(file) : undefined;
  const times: number[] = [];
  const read: number[] = [];
  let firstRowError: ArgoError | undefined;
  let rows = 0;
  for (let i = 0; i < lines.length && times.length < SAMPLE_ROWS; i++) {
    const line = lines[i]!.endsWith("\r") ? lines[i]!.slice(0, -1) : lines[i]!;
    if (line.trim() === "") continue;
    try {
      if (parse === undefined) {
        parse = createCsvRowParser(file, line, i + 1);
        continue;
      }
      rows++;
      const time = parse(line, i + 1).openTime;
      read.push(time);
      // A row out of order is the reader's to name; it says nothing about the spacing.
      if (times.length === 0 || time > times[times.length - 1]!) times.push(time);
    } catch (error) {
      if (isArgoError(error, "INVALID_CONFIGURATION")) return headerIssue(file, error);
      if (!isArgoError(error, "INVALID_DATA")) return undefined;
      // The header itself: a run stops there, and the next line is no header to try instead.
      if (parse === undefined) return { path: `files.${file.index}.path`, message: error.message };
      firstRowError ??= error;
    }
  }
  // Only a file read to its end can be said to hold no row: a head cut short may hold a header longer than it.
  if (rows === 0 && head.whole) return noBarsIssue(file, parse !== undefined && file.format !== "jsonl");
  if (times.length === 0 && firstRowError !== undefined) return rowsIssue(file, firstRowError, rows);
  return parse === undefined ? undefined : { times, read, whole: head.whole && times.length < SAMPLE_ROWS, parse };
}

/** A file without a single row: a run of its symbol would stop with "no bars" before its first one. */
function noBarsIssue(file: ReplayFile, headerOnly: boolean): ConfigIssue {
  const what = headerOnly ? "a header and no rows" : "is empty";
  return { path: `files.${file.index}.path`, message: `"${file.label}" (${file.symbol}) holds no bars: the file ${headerOnly ? "has " : ""}${what}` };
}

/** The header's missing column at the field that maps it (`files.0.columns.close`), as a run would refuse it. */
function headerIssue(file: ReplayFile, error: ArgoError): ConfigIssue {
  const field = typeof error.details?.field === "string" ? error.details.field : `files.${file.index}.columns`;
  return { path: field, message: error.message.replace(`invalid replay config: ${field}: `, "") };
}

/** Rows none of which parse: a run stops at the first. At `timeFormat` when it is the time that fails every row. */
function rowsIssue(file: ReplayFile, error: ArgoError, rows: number): ConfigIssue {
  const field = error.details?.field;
  const every = rows === 1 ? "so does the first row, the only one read" : `so do all of the first ${rows} rows`;
  if (field === "time") {
    return {
      path: `files.${file.index}.timeFormat`,
      message: `${error.message}; ${every}: set files.${file.index}.timeFormat to how the file writes times ("iso", "epoch-ms" or "epoch-s"), or files.${file.index}.columns.time to its time column`,
    };
  }
  const at = typeof field === "string" ? `files.${file.index}.columns.${field}` : `files.${file.index}.path`;
  return { path: at, message: `${error.message}; ${every}` };
}

/**
 * The whole lines in the first {@link HEAD_BYTES} of a file (`whole`: that was all of it; see readSliceLines), read
 * synchronously (a session check is synchronous). A file that cannot be read is an issue at its path.
 */
function headLines(file: ReplayFile): SliceLines | ConfigIssue {
  try {
    // Not a regular file: never read, left to replayFileIssues, which names it.
    return readSliceLines(file.path, HEAD_BYTES, "start") ?? { lines: [], whole: false };
  } catch (error) {
    return fileErrorIssue(file, error);
  }
}
