import * as v from "valibot";
import { intervalSchema } from "../shared/interval-schema.ts";

/** The bar fields a file's columns (CSV) or keys (JSON lines) are mapped to. */
export const BAR_FIELDS = ["time", "open", "high", "low", "close", "volume"] as const;

/** One of {@link BAR_FIELDS}. */
export type BarField = (typeof BAR_FIELDS)[number];

/** How the time column is written. */
export const TIME_FORMATS = ["iso", "epoch-ms", "epoch-s"] as const;

/** File formats the replay provider reads. */
export const FILE_FORMATS = ["csv", "jsonl"] as const;

const nonEmpty = (description: string) =>
  v.pipe(v.string("must be a string"), v.nonEmpty("must not be empty"), v.description(description));

const columnName = (field: BarField) =>
  v.optional(v.pipe(v.string("must be a string"), v.description(`Column (CSV) or key (JSON lines) holding the ${field}.`)));

/** Column mapping; a field left out is found by its usual names, any case ("Close", "close"; the unnamed first column or "time"/"date" for time). */
export const columnsSchema = v.strictObject({
  time: columnName("time"),
  open: columnName("open"),
  high: columnName("high"),
  low: columnName("low"),
  close: columnName("close"),
  volume: columnName("volume"),
});

/** Format implied by a path's extension, if any. */
export function formatFromPath(path: string): (typeof FILE_FORMATS)[number] | undefined {
  const lower = path.toLowerCase();
  if (lower.endsWith(".csv")) return "csv";
  if (lower.endsWith(".jsonl") || lower.endsWith(".ndjson")) return "jsonl";
  return undefined;
}

/** One data file: which symbol and interval it holds and how to read it. */
export const replayFileSchema = v.pipe(
  v.strictObject({
    path: nonEmpty("Path of the file; relative paths resolve against baseDir."),
    symbol: nonEmpty("Symbol the file's bars belong to, e.g. \"GOOG\"."),
    interval: intervalSchema('Bar interval of the file, e.g. "1h" or "1d".'),
    format: v.optional(
      v.pipe(v.picklist(FILE_FORMATS, 'must be "csv" or "jsonl"'), v.description("File format; default from the extension (.csv, .jsonl, .ndjson).")),
    ),
    columns: v.optional(columnsSchema),
    timeFormat: v.optional(
      v.pipe(
        v.picklist(TIME_FORMATS, 'must be "iso", "epoch-ms" or "epoch-s"'),
        v.description("How times are written: ISO date or date-time (UTC when no zone is given), epoch milliseconds or epoch seconds."),
      ),
      "iso",
    ),
  }),
  v.forward(
    v.check((file) => file.format !== undefined || formatFromPath(file.path) !== undefined, 'is required when the path does not end in .csv, .jsonl or .ndjson'),
    ["format"],
  ),
);

/** Config of the replay provider. */
export const replayConfigSchema = v.strictObject({
  files: v.pipe(
    v.array(replayFileSchema, "must be a list of files"),
    v.minLength(1, "must list at least one file"),
    v.description("The files to replay, one per symbol and interval."),
  ),
  baseDir: v.optional(v.pipe(v.string("must be a string"), v.description("Directory relative file paths resolve against; default the working directory."))),
  speed: v.optional(
    v.pipe(
      v.number("must be a number"),
      v.finite("must be a finite number"),
      v.minValue(0, "must be 0 or more"),
      v.description("Pacing of stream(): 0 = as fast as possible, 1 = real time from the bar timestamps, 10 = ten times faster."),
    ),
    0,
  ),
});

/** The replay config as a user writes it. */
export type ReplayConfigInput = v.InferInput<typeof replayConfigSchema>;
/** The validated replay config, defaults applied. */
export type ReplayConfig = v.InferOutput<typeof replayConfigSchema>;
/** One validated file entry. */
export type ReplayFileConfig = ReplayConfig["files"][number];
