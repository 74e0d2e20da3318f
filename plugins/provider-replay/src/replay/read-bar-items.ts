import { isArgoError, type StreamItem } from "@argo/core";
import { readLines } from "./read-lines.ts";
import { fileNotFound, type ReplayFile } from "./replay-file.ts";
import { rowError } from "./row-error.ts";
import { createCsvRowParser, createJsonlRowParser, type RowParser } from "./row-parser.ts";

/**
 * Every row of a file in order: a bar, or an INVALID_DATA error item for a malformed or
 * out-of-order row (the reader goes on with the next row; callers that must not skip data throw
 * it). A missing file or unmappable header throws INVALID_CONFIGURATION.
 */
export async function* readBarItems(file: ReplayFile): AsyncGenerator<StreamItem> {
  let parse: RowParser | undefined = file.format === "jsonl" ? createJsonlRowParser(file) : undefined;
  let lineNumber = 0;
  let lastTime = Number.NEGATIVE_INFINITY;
  let lastLine = 0;
  for await (const lines of linesOf(file)) {
    for (const raw of lines) {
      lineNumber++;
      const line = raw.endsWith("\r") ? raw.slice(0, -1) : raw;
      if (line.trim() === "") continue;
      if (parse === undefined) {
        parse = createCsvRowParser(file, line, lineNumber);
        continue;
      }
      let bar;
      try {
        bar = parse(line, lineNumber);
      } catch (error) {
        if (!isArgoError(error, "INVALID_DATA")) throw error;
        yield { type: "error", error };
        continue;
      }
      if (bar.openTime <= lastTime) {
        const problem = `rows must be in ascending time order, but ${iso(bar.openTime)} is not after ${iso(lastTime)} on line ${lastLine}`;
        yield { type: "error", error: rowError(file, lineNumber, "time", problem) };
        continue;
      }
      lastTime = bar.openTime;
      lastLine = lineNumber;
      yield { type: "bar", bar };
    }
  }
}

// resolveReplayFiles checked the file exists, so no check per read: a file removed since fails the
// first read, and gets the same error. Delegating per chunk, not per row, costs next to nothing.
async function* linesOf(file: ReplayFile): AsyncGenerator<string[]> {
  try {
    yield* readLines(file.path);
  } catch (error) {
    throw (error as { code?: unknown } | null)?.code === "ENOENT" ? fileNotFound(file) : error;
  }
}

function iso(time: number): string {
  const date = new Date(time);
  return Number.isNaN(date.getTime()) ? String(time) : date.toISOString();
}
