import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { type ArgoError, isArgoError, type StreamItem } from "@argo/core";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createReplayProvider } from "../index.ts";

let dir: string;

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

async function failure(items: AsyncIterable<unknown>): Promise<ArgoError> {
  try {
    await collect(items);
  } catch (error) {
    if (isArgoError(error)) return error;
    throw error;
  }
  throw new Error("expected the iteration to throw");
}

const header = ",Open,High,Low,Close,Volume";
const row = (day: number, close: string | number = 10) => `2024-01-${String(day).padStart(2, "0")},10,12,9,${close},100`;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "argo-replay-bad-"));
  // Line 1 is the header, so "abc" sits on line 4.
  writeFileSync(join(dir, "bad.csv"), [header, row(1), row(2), row(3, "abc"), row(4), row(5)].join("\n"));
  writeFileSync(join(dir, "unordered.csv"), [header, row(1), row(3), row(2), row(4)].join("\n"));
  writeFileSync(join(dir, "badtime.csv"), [header, row(1), "2024-13-01,10,12,9,10,100", row(3)].join("\n"));
  writeFileSync(join(dir, "inverted.csv"), [header, row(1), "2024-01-02,10,9,12,10,100"].join("\n"));
  // pandas' reset_index().to_csv(): an unnamed row-number column, then the dates.
  writeFileSync(join(dir, "index-and-date.csv"), [",Date,Open,High,Low,Close,Volume", "0,2024-01-01,10,12,9,11,100", "1,2024-01-02,11,13,10,12,100"].join("\n"));
  writeFileSync(join(dir, "nocolumn.csv"), [",Open,High,Low,Volume", "2024-01-01,10,12,9,100"].join("\n"));
  writeFileSync(join(dir, "bad.jsonl"), ['{"t":1704067200,"o":1,"h":2,"l":0.5,"c":1.5,"v":3}', "{not json", '{"t":1704153600,"o":1,"h":2,"l":0.5,"c":"x","v":3}', '{"t":1704240000,"o":1,"h":2,"l":0.5,"c":1.2,"v":3}'].join("\n"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const provider = (path: string, extra: Record<string, unknown> = {}) =>
  createReplayProvider({ baseDir: dir, files: [{ path, symbol: "X", interval: "1d", ...extra }] });

describe("replay: malformed rows", () => {
  test("history throws INVALID_DATA naming the file, the line and the field", async () => {
    const error = await failure((await provider("bad.csv")).history("X", "1d", 0, Number.POSITIVE_INFINITY));
    expect(error.code).toBe("INVALID_DATA");
    expect(error.message).toBe('bad.csv line 4, field "close": expected a number, got "abc"');
    expect(error.details).toMatchObject({ file: "bad.csv", line: 4, field: "close" });
  });

  test("history stops reading at the first row at or after `to`, so a bad row beyond it is never reached", async () => {
    const bars = await collect((await provider("bad.csv")).history("X", "1d", 0, Date.UTC(2024, 0, 2)));
    expect(bars.map((bar) => bar.openTime)).toEqual([Date.UTC(2024, 0, 1)]);
  });

  test("stream yields the error as an item where it occurred and goes on with the next row", async () => {
    const items = await collect((await provider("bad.csv")).stream(["X"], "1d"));
    expect(items.map((item: StreamItem) => (item.type === "bar" ? new Date(item.bar.openTime).getUTCDate() : "error"))).toEqual([1, 2, "error", 4, 5]);
    const error = items[2]!.type === "error" ? items[2]!.error : undefined;
    expect(error?.code).toBe("INVALID_DATA");
    expect(error?.message).toContain('bad.csv line 4, field "close"');
  });

  test("rows out of time order are reported on their line; the stream skips them", async () => {
    const error = await failure((await provider("unordered.csv")).history("X", "1d", 0, Number.POSITIVE_INFINITY));
    expect(error.code).toBe("INVALID_DATA");
    expect(error.message).toContain("unordered.csv line 4");
    expect(error.message).toContain("ascending time order");
    const items = await collect((await provider("unordered.csv")).stream(["X"], "1d"));
    expect(items.map((item) => item.type)).toEqual(["bar", "bar", "error", "bar"]);
  });

  test("an impossible date and a high below the low are INVALID_DATA naming the field", async () => {
    const time = await failure((await provider("badtime.csv")).history("X", "1d", 0, Number.POSITIVE_INFINITY));
    expect(time.message).toStartWith('badtime.csv line 3, field "time": expected an ISO date');
    const inverted = await failure((await provider("inverted.csv")).history("X", "1d", 0, Number.POSITIVE_INFINITY));
    expect(inverted.message).toStartWith('inverted.csv line 3, field "low"');
  });

  test("a header without a needed column is INVALID_CONFIGURATION naming the mapping field", async () => {
    const error = await failure((await provider("nocolumn.csv")).history("X", "1d", 0, Number.POSITIVE_INFINITY));
    expect(error.code).toBe("INVALID_CONFIGURATION");
    expect(error.message).toContain("files.0.columns.close");
    expect(error.message).toContain("nocolumn.csv");
  });

  test("a row with more cells than the header is INVALID_DATA naming the line: an unquoted 1,500 must not become a volume of 1", async () => {
    writeFileSync(join(dir, "extra.csv"), [header, "2024-01-01,100,110,90,105,1,500", row(2), "2024-01-03,10,12,9,10,100,x,"].join("\n"));
    const error = await failure((await provider("extra.csv")).history("X", "1d", 0, Number.POSITIVE_INFINITY));
    expect(error.code).toBe("INVALID_DATA");
    expect(error.message).toBe("extra.csv line 2: has 7 cells, the header has 6: quote a value that holds a comma, and write numbers without thousands separators (1500, not 1,500)");
    expect(error.details).toMatchObject({ file: "extra.csv", line: 2 });
    const items = await collect((await provider("extra.csv")).stream(["X"], "1d"));
    expect(items.map((item) => (item.type === "bar" ? item.bar.openTime : item.error.message))).toEqual([
      "extra.csv line 2: has 7 cells, the header has 6: quote a value that holds a comma, and write numbers without thousands separators (1500, not 1,500)",
      Date.UTC(2024, 0, 2),
      "extra.csv line 4: has 8 cells, the header has 6: quote a value that holds a comma, and write numbers without thousands separators (1500, not 1,500)",
    ]);
  });

  test("blank cells past the header's are accepted", async () => {
    writeFileSync(join(dir, "trailing.csv"), [header, "2024-01-01,10,12,9,11,100,,", "2024-01-02,10,12,9,11,200, , \t", '2024-01-03,10,12,9,11,300,""'].join("\n"));
    const bars = await collect((await provider("trailing.csv")).history("X", "1d", 0, Number.POSITIVE_INFINITY));
    expect(bars.map((bar) => bar.volume)).toEqual([100, 200, 300]);
  });

  test("JSON lines: epoch seconds, short keys, and bad lines as error items", async () => {
    const jsonl = await provider("bad.jsonl", { timeFormat: "epoch-s" });
    const items = await collect(jsonl.stream(["X"], "1d"));
    expect(items.map((item) => item.type)).toEqual(["bar", "error", "error", "bar"]);
    expect(items[0]).toEqual({ type: "bar", bar: { symbol: "X", interval: "1d", openTime: Date.UTC(2024, 0, 1), open: 1, high: 2, low: 0.5, close: 1.5, volume: 3 } });
    const [notJson, badClose] = items.slice(1, 3).map((item) => (item.type === "error" ? item.error.message : ""));
    expect(notJson).toStartWith("bad.jsonl line 2: not valid JSON");
    expect(badClose).toBe('bad.jsonl line 3, field "close": expected a number, got "x"');
  });
});

describe("replay: column mapping and time formats", () => {
  test("a named time column wins over an unnamed row-number column before it", async () => {
    const bars = await collect((await provider("index-and-date.csv")).history("X", "1d", 0, Number.POSITIVE_INFINITY));
    expect(bars.map((bar) => [bar.openTime, bar.close])).toEqual([[Date.UTC(2024, 0, 1), 11], [Date.UTC(2024, 0, 2), 12]]);
  });

  test("mapped column names and epoch milliseconds", async () => {
    writeFileSync(join(dir, "mapped.csv"), "stamp,px_open,px_high,px_low,px_close,qty\n1704067200000,1,3,0.5,2,7\n");
    const mapped = await provider("mapped.csv", {
      timeFormat: "epoch-ms",
      columns: { time: "stamp", open: "px_open", high: "px_high", low: "px_low", close: "px_close", volume: "qty" },
    });
    const bars = await collect(mapped.history("X", "1d", 0, Number.POSITIVE_INFINITY));
    expect(bars).toEqual([{ symbol: "X", interval: "1d", openTime: Date.UTC(2024, 0, 1), open: 1, high: 3, low: 0.5, close: 2, volume: 7 }]);
  });

  test("ISO times with a zone offset are honoured; quoted cells are read", async () => {
    writeFileSync(join(dir, "zoned.csv"), 'time,open,high,low,close,volume\n2024-01-01T10:00:00+02:00,"1000.5",1001,999,1000,5\n');
    const bars = await collect((await provider("zoned.csv")).history("X", "1d", 0, Number.POSITIVE_INFINITY));
    expect(bars[0]!.openTime).toBe(Date.UTC(2024, 0, 1, 8));
    expect(bars[0]!.open).toBe(1000.5);
  });
});
