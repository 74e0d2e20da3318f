import { type ArgoError, BarCloser, isArgoError, type StreamItem } from "@argo/core";
import { formatDuration } from "../shared/format-duration.ts";
import { readLines } from "./read-lines.ts";
import { fileReadError, type ReplayFile } from "./replay-file.ts";
import { isFileSystemError } from "./replay-file-access.ts";
import { rowError } from "./row-error.ts";
import { createCsvRowParser, createJsonlRowParser, type RowParser } from "./row-parser.ts";

/**
 * Every row of a file in order, in batches (one per chunk read): a bar, or an INVALID_DATA error item
 * for a malformed or out-of-order row, or for one less than half the file's interval after the row
 * before it (the reader goes on with the next row; callers that must not skip data throw it). A
 * file that cannot be read (removed, a directory, unreadable, an I/O error) or an unmappable header
 * throws INVALID_CONFIGURATION naming the file and its field. Batches, because a backtest reads
 * millions of rows and one await per row would cost more than parsing it.
 */
export async function* readBarBatches(file: ReplayFile): AsyncGenerator<StreamItem[]> {
  const rows = new RowReader(file);
  for await (const lines of linesOf(file)) {
    const items = rows.read(lines);
    if (items.length > 0) yield items;
  }
}

/** The items of {@link readBarBatches} one by one. */
export async function* readBarItems(file: ReplayFile): AsyncGenerator<StreamItem> {
  for await (const batch of readBarBatches(file)) yield* batch;
}

/** Parses a file's lines in order, keeping what spans batches: the header's parser, line numbers, the last time. */
class RowReader {
  private parse: RowParser | undefined;
  private lineNumber = 0;
  private lastTime = Number.NEGATIVE_INFINITY;
  private lastLine = 0;
  /** The earliest open time the next row may have: half an interval after the last one (see {@link read}). */
  private earliest = Number.NEGATIVE_INFINITY;
  /** Bar close times of the file's interval (calendar months included). */
  private readonly closer = new BarCloser();

  constructor(private readonly file: ReplayFile) {
    if (file.format === "jsonl") this.parse = createJsonlRowParser(file);
  }

  read(lines: readonly string[]): StreamItem[] {
    const file = this.file;
    const items: StreamItem[] = [];
    for (const raw of lines) {
      const lineNumber = ++this.lineNumber;
      const line = raw.endsWith("\r") ? raw.slice(0, -1) : raw;
      if (line.trim() === "") continue;
      if (this.parse === undefined) {
        this.parse = createCsvRowParser(file, line, lineNumber);
        continue;
      }
      let bar;
      try {
        bar = this.parse(line, lineNumber);
      } catch (error) {
        if (!isArgoError(error, "INVALID_DATA")) throw error;
        items.push({ type: "error", error });
        continue;
      }
      const time = bar.openTime;
      // One comparison covers both a row out of order and one far closer than the interval (a file
      // configured with the wrong interval). Longer spacing is fine: weekends, holidays, missing data;
      // so is a little shorter, as with weekly or monthly bars dated on the first trading day.
      if (time < this.earliest) {
        items.push({ type: "error", error: this.refuse(time, lineNumber) });
        continue;
      }
      this.lastTime = time;
      this.lastLine = lineNumber;
      this.earliest = time + (this.closer.closeTime(time, file.interval) - time) / 2;
      items.push({ type: "bar", bar });
    }
    return items;
  }

  /** The error for a row at `time`, before {@link earliest}. */
  private refuse(time: number, lineNumber: number): ArgoError {
    const file = this.file;
    if (time <= this.lastTime) {
      const problem = `rows must be in ascending time order, but ${iso(time)} is not after ${iso(this.lastTime)} on line ${this.lastLine}`;
      return rowError(file, lineNumber, "time", problem, "order");
    }
    const problem =
      `${iso(time)} is ${formatDuration(time - this.lastTime)} after the row on line ${this.lastLine}, ` +
      `less than half the interval "${file.interval}" of files.${file.index}.interval: is the interval right?`;
    return rowError(file, lineNumber, "time", problem);
  }
}

// resolveReplayFiles checked the file is a readable regular file, so no check per read: one removed,
// made a directory or unreadable since fails the first read, and any file-system error gets the same
// error as creation would give, naming the file and field. Delegating per chunk costs next to nothing.
async function* linesOf(file: ReplayFile): AsyncGenerator<string[]> {
  try {
    yield* readLines(file.path);
  } catch (error) {
    throw isFileSystemError(error) ? fileReadError(file, error) : error;
  }
}

function iso(time: number): string {
  const date = new Date(time);
  return Number.isNaN(date.getTime()) ? String(time) : date.toISOString();
}
