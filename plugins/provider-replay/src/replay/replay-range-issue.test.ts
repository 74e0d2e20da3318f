// A replay file whose bars all miss a backtest's range passed the session check, then the backtest stopped with "no
// bars" (exit 1); one whose rows come newest first passed too, then stopped at its second row. The check now names
// both at the file's path. Expected times are worked out by hand from the rows written here.
import { afterAll, describe, expect, test } from "bun:test";
import { parseConfig } from "@argo/core";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { replayConfigSchema } from "./replay-config.ts";
import { replayProviderDefinition } from "./replay-definition.ts";

const dir = mkdtempSync(join(tmpdir(), "argo-replay-range-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const day = (text: string) => Date.parse(`${text}T00:00:00Z`);
/** `n` daily rows from 2024-01-01, valid candles. */
const daily = (n: number) => Array.from({ length: n }, (_, i) => `${new Date(Date.UTC(2024, 0, 1 + i)).toISOString().slice(0, 10)},100,101,99,100,10`);

/** The session check's messages for `rows` (under a header, joined by `eol`) over the range [from, to). */
function messages(name: string, rows: string[], range?: { from: number; to: number }, eol = "\n"): string[] {
  writeFileSync(join(dir, name), ["date,open,high,low,close,volume", ...rows].join(eol) + eol);
  const config = parseConfig(replayConfigSchema, { baseDir: dir, files: [{ path: name, symbol: "X", interval: "1d" }] }, { label: "replay config" });
  return replayProviderDefinition.checkSession(config, { symbols: ["X"], interval: "1d", ...(range ? { range } : {}) }).map((issue) => `${issue.path}: ${issue.message}`);
}

describe("bars against a backtest's range", () => {
  test("all before `from`: named with the first and last bar and the range", () => {
    expect(messages("before.csv", daily(3), { from: day("2030-01-01"), to: Infinity })).toEqual([
      `files.0.path: "before.csv" (X) holds bars opening 2024-01-01T00:00:00.000Z to 2024-01-03T00:00:00.000Z, outside the backtest range `
        + "[2030-01-01, end), all before 2030-01-01: a backtest would have no bars; set backtest.from / backtest.to (argo backtest --from / --to) to meet the file's bars",
    ]);
  });

  test("no range (argo run), a range holding the last bar, or holding the first: no issue", () => {
    expect(messages("none.csv", daily(3))).toEqual([]);
    expect(messages("last.csv", daily(3), { from: day("2024-01-03"), to: Infinity })).toEqual([]);
    expect(messages("first.csv", daily(3), { from: -Infinity, to: day("2024-01-02") })).toEqual([]);
  });

  test("a long file (past the head's 500 rows) is judged by its last row, read from its end, CRLF or not", () => {
    // 2,000 days from 2024-01-01 end 1,999 days on: 2029-06-22. A range from 2029-06-23 misses them; one from 06-22 holds the last.
    for (const eol of ["\n", "\r\n"]) {
      expect(messages(`long${eol.length}.csv`, daily(2000), { from: day("2029-06-23"), to: Infinity }, eol)[0]).toContain("opening 2024-01-01T00:00:00.000Z to 2029-06-22T00:00:00.000Z");
      expect(messages(`long${eol.length}.csv`, daily(2000), { from: day("2029-06-22"), to: Infinity }, eol)).toEqual([]);
    }
  });

  test("a bad last row is the reader's to name: the row before it tells where the bars end", () => {
    const rows = [...daily(2000), "2029-06-23,abc,1,1,1,1"];
    expect(messages("bad-last.csv", rows, { from: day("2029-06-23"), to: Infinity })[0]).toContain("to 2029-06-22T00:00:00.000Z, outside");
  });

  test("a file read whole is judged bar by bar: a range between two of its bars has none", () => {
    const gapped = ["2024-01-01", "2024-01-02", "2024-01-10"].map((d) => `${d},100,101,99,100,10`);
    expect(messages("gapped.csv", gapped, { from: day("2024-01-04"), to: day("2024-01-08") })[0]).toContain("none opening within it (it falls between two bars)");
    expect(messages("gapped.csv", gapped, { from: day("2024-01-04"), to: day("2024-01-11") })).toEqual([]);
  });
});

describe("rows newest first", () => {
  test("refused at the file's path, counting the rows that come before the row above them", () => {
    expect(messages("desc.csv", daily(4).reverse())).toEqual([
      `files.0.path: "desc.csv" (X) has its rows newest first (3 of its first 4 rows come before the row above them): a run needs them oldest first; sort the file by time, oldest first`,
    ]);
  });

  test("one row out of place among many is left to the reader", () => {
    const rows = daily(10);
    [rows[4], rows[5]] = [rows[5]!, rows[4]!];
    expect(messages("swapped.csv", rows)).toEqual([]);
  });
});
