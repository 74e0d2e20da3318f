// A CSV header naming a field's column twice ("close,close", or "Close" and "close" matched in any case) is refused by
// the reader and the session check at files.<n>.columns.<field>, naming the file and the columns: taking the first
// would read a column the file may not mean. Unnamed columns are no rivals (the first is the time by convention).
import { afterAll, describe, expect, test } from "bun:test";
import { type ArgoError, type Bar, isArgoError, parseConfig } from "@argo/core";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createReplayProvider } from "../index.ts";
import { replayConfigSchema } from "./replay-config.ts";
import { replayProviderDefinition } from "./replay-definition.ts";

const dir = mkdtempSync(join(tmpdir(), "argo-replay-repeated-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Two daily rows whose two "close" cells differ (1.5 and 1.8), so reading either one would show.
const ROWS = ["2024-01-01,1,2,0.5,1.5,1.8,100", "2024-01-02,1,2,0.5,1.5,1.8,100"];

function entry(name: string, header: string, columns?: Record<string, string>) {
  writeFileSync(join(dir, name), [header, ...ROWS].join("\n"));
  return { path: name, symbol: "X", interval: "1d", ...(columns ? { columns } : {}) };
}

/** The file's whole history, or the error reading it threw. */
async function read(file: ReturnType<typeof entry>): Promise<Bar[] | ArgoError> {
  const provider = await createReplayProvider({ baseDir: dir, files: [file] });
  const bars: Bar[] = [];
  try {
    for await (const bar of provider.history("X", "1d", 0, Number.MAX_SAFE_INTEGER)) bars.push(bar);
  } catch (error) {
    if (isArgoError(error)) return error;
    throw error;
  }
  return bars;
}

function check(file: ReturnType<typeof entry>) {
  const config = parseConfig(replayConfigSchema, { baseDir: dir, files: [file] }, { label: "replay config" });
  return replayProviderDefinition.checkSession(config, { symbols: ["X"], interval: "1d" });
}

describe("replay: a column named twice", () => {
  test("the same name twice is refused by the reader and the check, naming the file, the column and both positions", async () => {
    // close is the 5th and 6th name of the header, counted from 1.
    const file = entry("same.csv", "time,open,high,low,close,close,volume");
    const problem = 'same.csv header on line 1: column "close" appears twice (columns 5 and 6), so which holds the close is unclear: rename or remove all but one';
    const error = await read(file);
    expect(isArgoError(error, "INVALID_CONFIGURATION")).toBe(true);
    expect((error as ArgoError).message).toBe(`invalid replay config: files.0.columns.close: ${problem}`);
    expect(check(file)).toEqual([{ path: "files.0.columns.close", message: problem }]);
  });

  test("names differing only in case, matched in any case, are refused too; the fix is the exact name", async () => {
    const file = entry("case.csv", "time,open,high,low,Close,close,volume");
    const error = await read(file);
    expect((error as ArgoError).message).toBe(
      'invalid replay config: files.0.columns.close: case.csv header on line 1: columns 5 ("Close") and 6 ("close") both name the close ' +
        "(names are matched in any case), so which holds the close is unclear: set files.0.columns.close to the exact name of the one to read",
    );
    expect(check(file).map((issue) => issue.path)).toEqual(["files.0.columns.close"]);
  });

  test("a configured name matched in any case to two columns is refused; matched exactly, it picks its own", async () => {
    const loose = await read(entry("px.csv", "time,open,high,low,Px,px,volume", { close: "PX" }));
    expect((loose as ArgoError).message).toContain('columns 5 ("Px") and 6 ("px") both name the close');
    // "px" is exactly the 6th column, whose cells are 1.8.
    const exact = await read(entry("px-exact.csv", "time,open,high,low,Px,px,volume", { close: "px" }));
    expect((exact as Bar[]).map((bar) => bar.close)).toEqual([1.8, 1.8]);
  });

  test("a repeated column no field reads, and extra unnamed columns, are no rivals", async () => {
    // "note" twice is read by no field; the time is the unnamed first column, and a trailing comma adds another unnamed one.
    writeFileSync(join(dir, "unnamed.csv"), ",open,high,low,close,volume,note,note,\n2024-01-01,1,2,0.5,1.5,100,a,b,\n");
    const bars = await read({ path: "unnamed.csv", symbol: "X", interval: "1d" });
    expect((bars as Bar[]).map((bar) => [bar.openTime, bar.close])).toEqual([[Date.UTC(2024, 0, 1), 1.5]]);
  });
});

describe("a JSON-lines row naming a field under two keys of different case is refused the same way", () => {
  function jsonl(name: string, columns?: Record<string, string>) {
    const rows = [1, 2].map((d) => JSON.stringify({ time: `2024-01-0${d}`, open: 1, high: 2000, low: 0.5, Close: 1.5 + d, close: 1000 + d, volume: 100 }));
    writeFileSync(join(dir, name), rows.join("\n"));
    return { path: name, symbol: "X", interval: "1d", ...(columns ? { columns } : {}) };
  }

  test("the reader and the session check refuse it at columns.close, naming the file, the line and both keys", async () => {
    // Found by a hunt: CSV refused it, JSON lines read the first key ("Close") without a word.
    const file = jsonl("case.jsonl");
    const error = await read(file);
    expect(isArgoError(error)).toBe(true);
    expect((error as ArgoError).message).toContain('files.0.columns.close: case.jsonl line 1: keys "Close" and "close" all name the close');
    expect(check(file).map((issue) => issue.path)).toEqual(["files.0.columns.close"]);
  });

  test("the exact key named in columns reads that one", async () => {
    const bars = await read(jsonl("exact.jsonl", { close: "close" }));
    expect((bars as Bar[]).map((b) => b.close)).toEqual([1001, 1002]);
  });
});
