import { ArgoError, type Bar } from "@argo/core";
import { describeLookup, findColumns } from "./column-lookup.ts";
import { mayHoldNonDecimal } from "./decimal-number.ts";
import { BAR_FIELDS, type BarField } from "./replay-config.ts";
import type { ReplayFile } from "./replay-file.ts";
import { rowError, showValue } from "./row-error.ts";
import { splitCsvLine } from "./split-csv-line.ts";
import { toBar } from "./to-bar.ts";

/** Turns one data line into a bar, or throws INVALID_DATA naming the file, line and field. */
export type RowParser = (line: string, lineNumber: number) => Bar;

/**
 * A parser for the CSV rows under `header`; INVALID_CONFIGURATION when a field has no column or more than one (a name
 * repeated), INVALID_DATA naming the header's line when it does not split (an unterminated quote).
 */
export function createCsvRowParser(file: ReplayFile, header: string, headerLine: number): RowParser {
  const names = splitCsvLine(header.replace(/^\uFEFF/, ""));
  // A header that does not split is refused as a row is: nothing under it could be read right.
  if (!Array.isArray(names)) throw rowError(file, headerLine, undefined, names.problem);
  const index = {} as Record<BarField, number>;
  for (const field of BAR_FIELDS) {
    const found = findColumns(names, field, file.columns[field]);
    if (found.length === 0) throw missingColumn(file, field, header, headerLine);
    if (found.length > 1) throw repeatedColumn(file, field, names, found, headerLine);
    index[field] = found[0]!;
  }
  // One reader over the row in hand, not a closure per row: a backtest parses millions of them.
  let cells: string[] = [];
  const read = (field: BarField) => cells[index[field]];
  const width = names.length;
  return (line, lineNumber) => {
    const split = splitCsvLine(line);
    if (!Array.isArray(split)) throw rowError(file, lineNumber, undefined, split.problem);
    cells = split;
    if (cells.length > width) checkExtraCells(file, lineNumber, cells, width);
    return toBar(file, lineNumber, read, mayHoldNonDecimal(line));
  };
}

/**
 * Cells past the header's are allowed only blank ("...,100,,"): anything else means the row was
 * shifted, most often by an unquoted thousands separator ("1,500" read as 1 and 500).
 */
function checkExtraCells(file: ReplayFile, lineNumber: number, cells: readonly string[], width: number): void {
  for (let i = width; i < cells.length; i++) {
    if (cells[i]!.trim() !== "") {
      const problem = `has ${cells.length} cells, the header has ${width}: quote a value that holds a comma, and write numbers without thousands separators (1500, not 1,500)`;
      throw rowError(file, lineNumber, undefined, problem);
    }
  }
}

/** A parser for JSON-lines rows (one object per line); keys are found on the first row that has them. */
export function createJsonlRowParser(file: ReplayFile): RowParser {
  const keys: Partial<Record<BarField, string>> = {};
  return (line, lineNumber) => {
    let row: unknown;
    try {
      row = JSON.parse(line);
    } catch (cause) {
      throw rowError(file, lineNumber, undefined, `not valid JSON (${(cause as Error).message}): ${showValue(line)}`);
    }
    if (typeof row !== "object" || row === null || Array.isArray(row)) {
      throw rowError(file, lineNumber, undefined, `expected a JSON object, got ${showValue(line)}`);
    }
    const record = row as Record<string, unknown>;
    return toBar(file, lineNumber, (field) => {
      let key = keys[field];
      if (key === undefined) {
        const names = Object.keys(record);
        const found = findColumns(names, field, file.columns[field]);
        if (found.length === 0) throw rowError(file, lineNumber, field, `missing: no key ${describeLookup(field, file.columns[field])}`);
        // "Close" and "close" in one row, as in a CSV header: which the file means is unclear (JSON keeps exact repeats once).
        if (found.length > 1) throw repeatedKey(file, field, found.map((i) => names[i]!), lineNumber);
        key = names[found[0]!]!;
        keys[field] = key;
      }
      return record[key];
    });
  };
}

/** The error for a field found in several columns: which one the file means is unknown, so none is guessed. */
function repeatedColumn(file: ReplayFile, field: BarField, names: readonly string[], found: readonly number[], headerLine: number): ArgoError {
  const at = `files.${file.index}.columns.${field}`;
  const written = found.map((i) => names[i]!.trim());
  const distinct = new Set(written).size;
  const list = (items: readonly string[]) => `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
  const what = distinct === 1
    ? `column "${written[0]}" appears ${found.length === 2 ? "twice" : `${found.length} times`} (columns ${list(found.map((i) => String(i + 1)))})`
    : `columns ${list(found.map((i, n) => `${i + 1} ("${written[n]}")`))} ${found.length === 2 ? "both" : "all"} name the ${field} (names are matched in any case)`;
  // Names that differ only in case are told apart by the exact one; a name written twice only by renaming.
  const fix = distinct === found.length ? `set ${at} to the exact name of the one to read` : "rename or remove all but one";
  return new ArgoError(
    "INVALID_CONFIGURATION",
    `invalid replay config: ${at}: ${file.label} header on line ${headerLine}: ${what}, so which holds the ${field} is unclear: ${fix}`,
    { provider: "replay", details: { field: at, file: file.label, path: file.path, line: headerLine } },
  );
}

/** The error for a field found under several keys of a JSON-lines row ("Close" and "close"): none is guessed. */
function repeatedKey(file: ReplayFile, field: BarField, keys: readonly string[], line: number): ArgoError {
  const at = `files.${file.index}.columns.${field}`;
  const listed = keys.map((key) => JSON.stringify(key));
  return new ArgoError(
    "INVALID_CONFIGURATION",
    `invalid replay config: ${at}: ${file.label} line ${line}: keys ${listed.slice(0, -1).join(", ")} and ${listed.at(-1)} all name the ${field} ` +
      `(names are matched in any case), so which holds it is unclear: set ${at} to the exact name of the one to read`,
    { provider: "replay", details: { field: at, file: file.label, path: file.path, line } },
  );
}

function missingColumn(file: ReplayFile, field: BarField, header: string, headerLine: number): ArgoError {
  const at = `files.${file.index}.columns.${field}`;
  return new ArgoError(
    "INVALID_CONFIGURATION",
    `invalid replay config: ${at}: ${file.label} has no ${field} column (header on line ${headerLine}: ${showValue(header)}; looked for ${describeLookup(field, file.columns[field])}); set ${at} to the column's name`,
    { provider: "replay", details: { field: at, file: file.label, path: file.path, line: headerLine } },
  );
}
