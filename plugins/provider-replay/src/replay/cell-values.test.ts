// What a row's cells may hold: decimal numbers only (no 0x10), prices above 0, and epoch times of a plausible date.
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { type ArgoError, type Bar, isArgoError } from "@argo/core";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createReplayProvider } from "../index.ts";

let dir: string;
beforeAll(() => void (dir = mkdtempSync(join(tmpdir(), "argo-replay-cells-"))));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Writes `rows` under a header into `name` and reads its whole history: the bars, or the error it threw. */
async function read(name: string, rows: string[], timeFormat: "iso" | "epoch-ms" | "epoch-s" = "iso"): Promise<Bar[] | ArgoError> {
  writeFileSync(join(dir, name), ["time,open,high,low,close,volume", ...rows].join("\n"));
  const provider = await createReplayProvider({ baseDir: dir, files: [{ path: name, symbol: "X", interval: "1d", timeFormat }] });
  const bars: Bar[] = [];
  try {
    for await (const bar of provider.history("X", "1d", Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER)) bars.push(bar);
  } catch (error) {
    if (isArgoError(error, "INVALID_DATA")) return error;
    throw error;
  }
  return bars;
}

/** The error's message, or a description of the bars when none was thrown. */
function message(outcome: Bar[] | ArgoError): string {
  return Array.isArray(outcome) ? `no error, ${outcome.length} bars` : outcome.message;
}

describe("replay: number cells are decimal", () => {
  test("hex, binary and octal cells are refused with the row error naming the field", async () => {
    expect(message(await read("hex.csv", ["2024-01-01,10,20,5,15,1", "2024-01-02,0x10,20,10,15,1"]))).toBe('hex.csv line 3, field "open": expected a number, got "0x10"');
    expect(message(await read("bin.csv", ["2024-01-01,10,20,5,0b11,1"]))).toBe('bin.csv line 2, field "close": expected a number, got "0b11"');
    expect(message(await read("oct.csv", ["2024-01-01,10,20,5,15,0o7"]))).toBe('oct.csv line 2, field "volume": expected a number, got "0o7"');
  });

  test("a line mentioning 0x in another column is read cell by cell: decimal cells pass", async () => {
    writeFileSync(join(dir, "note.csv"), "time,open,high,low,close,volume,note\n2024-01-01,10,20,5,15,7,0xdead\n");
    const provider = await createReplayProvider({ baseDir: dir, files: [{ path: "note.csv", symbol: "X", interval: "1d" }] });
    const bars: Bar[] = [];
    for await (const bar of provider.history("X", "1d", 0, Number.MAX_SAFE_INTEGER)) bars.push(bar);
    expect(bars.map((b) => [b.open, b.high, b.low, b.close, b.volume])).toEqual([[10, 20, 5, 15, 7]]);
  });

  test("JSON lines: a hex string is refused, JSON numbers are read", async () => {
    writeFileSync(join(dir, "hex.jsonl"), ['{"time":"2024-01-01","open":10,"high":20,"low":5,"close":15,"volume":1}', '{"time":"2024-01-02","open":"0x10","high":20,"low":5,"close":15,"volume":1}'].join("\n"));
    const provider = await createReplayProvider({ baseDir: dir, files: [{ path: "hex.jsonl", symbol: "X", interval: "1d" }] });
    const items = [];
    for await (const item of provider.stream(["X"], "1d")) items.push(item.type === "bar" ? item.bar.open : item.error.message);
    expect(items).toEqual([10, 'hex.jsonl line 2, field "open": expected a number, got "0x10"']);
  });

  test("decimal forms are read: exponent, leading dot, sign, blanks around; Infinity stays refused", async () => {
    const bars = await read("forms.csv", ["2024-01-01,1e1,+20, .5 ,15.,0"]);
    expect(Array.isArray(bars) && bars.map((b) => [b.open, b.high, b.low, b.close, b.volume])).toEqual([[10, 20, 0.5, 15, 0]]);
    expect(message(await read("inf.csv", ["2024-01-01,10,Infinity,5,15,1"]))).toBe('inf.csv line 2, field "high": expected a number, got "Infinity"');
  });
});

describe("replay: prices are above 0", () => {
  test("a row of zeros, a negative row and a zero low are refused at the low", async () => {
    expect(message(await read("zero.csv", ["2024-01-01,10,11,9,10,100", "2024-01-02,0,0,0,0,100"]))).toBe(
      'zero.csv line 3, field "low": expected a low above 0 (prices must be positive), got 0',
    );
    expect(message(await read("negative.csv", ["2024-01-01,-10,-5,-20,-8,1"]))).toBe(
      'negative.csv line 2, field "low": expected a low above 0 (prices must be positive), got -20',
    );
    expect(message(await read("zerolow.csv", ["2024-01-01,10,12,0,11,1"]))).toBe('zerolow.csv line 2, field "low": expected a low above 0 (prices must be positive), got 0');
  });

  test("a tiny positive low is a price", async () => {
    const bars = await read("tiny.csv", ["2024-01-01,0.0001,0.0002,0.00005,0.0001,1"]);
    expect(Array.isArray(bars) && bars.map((b) => b.low)).toEqual([0.00005]);
  });
});

describe("replay: epoch times within [1800-01-01, 2200-01-01)", () => {
  // 1800-01-01 is 62,091 days before 1970 (170 years, 41 leap days): -5,364,662,400 s. 2200-01-01 is 84,006 days
  // after (230 years, 56 leap days): 7,258,118,400 s.
  const FIRST_S = -5_364_662_400;
  const END_S = 7_258_118_400;
  const ROW = ",10,11,9,10,1";

  test("epoch milliseconds read as epoch-s are refused, naming the file, line, field and timeFormat, with what fits", async () => {
    expect(message(await read("ms-as-s.csv", [`1704067200000${ROW}`], "epoch-s"))).toBe(
      'ms-as-s.csv line 2, field "time": expected epoch seconds of a time from 1800-01-01 to before 2200-01-01, got "1704067200000": ' +
        'check timeFormat ("epoch-ms" for milliseconds, "epoch-s" for seconds); read as epoch-ms it is 2024-01-01T00:00:00.000Z',
    );
  });

  test("epoch-s: the first instant of 1800 is read, the first of 2200 is refused", async () => {
    const first = await read("s-first.csv", [`${FIRST_S}${ROW}`, `${END_S - 1}${ROW}`], "epoch-s");
    expect(Array.isArray(first) && first.map((b) => new Date(b.openTime).toISOString())).toEqual(["1800-01-01T00:00:00.000Z", "2199-12-31T23:59:59.000Z"]);
    expect(message(await read("s-end.csv", [`${END_S}${ROW}`], "epoch-s"))).toStartWith(
      's-end.csv line 2, field "time": expected epoch seconds of a time from 1800-01-01 to before 2200-01-01, got "7258118400": check timeFormat',
    );
  });

  test("epoch-ms: one ms before 1800 and the first ms of 2200 are refused, the ms between read", async () => {
    const inside = await read("ms-in.csv", [`${FIRST_S * 1000}${ROW}`, `${END_S * 1000 - 1}${ROW}`], "epoch-ms");
    expect(Array.isArray(inside) && inside.map((b) => new Date(b.openTime).toISOString())).toEqual(["1800-01-01T00:00:00.000Z", "2199-12-31T23:59:59.999Z"]);
    expect(message(await read("ms-early.csv", [`${FIRST_S * 1000 - 1}${ROW}`], "epoch-ms"))).toBe(
      'ms-early.csv line 2, field "time": expected epoch milliseconds of a time from 1800-01-01 to before 2200-01-01, got "-5364662400001": ' +
        'check timeFormat ("epoch-ms" for milliseconds, "epoch-s" for seconds)',
    );
    expect(message(await read("ms-end.csv", [`${END_S * 1000}${ROW}`], "epoch-ms"))).toStartWith('ms-end.csv line 2, field "time": expected epoch milliseconds of a time');
  });

  test("epoch seconds read as epoch-ms are refused, naming both readings and the timeFormat to set", async () => {
    // 1704067200 s is 2024-01-01; as ms it is 1,704,067 s after 1970 began: 19 days, 17:21:07.200.
    expect(message(await read("s-as-ms.csv", [`1704067200${ROW}`], "epoch-ms"))).toBe(
      's-as-ms.csv line 2, field "time": got "1704067200", which is 1970-01-20T17:21:07.200Z in epoch milliseconds and ' +
        '2024-01-01T00:00:00.000Z in epoch seconds: set timeFormat to "epoch-s" (bars of early 1970 in milliseconds are refused as this mistake; write such times as ISO dates)',
    );
    // Just outside the refused weeks: the last ms before 1e8 (1970-01-02T03:46:39.999Z) and 1970-03-26 read as they are.
    const edges = await read("ms-1970.csv", [`99999999${ROW}`, `${END_S}${ROW}`], "epoch-ms");
    expect(Array.isArray(edges) && edges.map((b) => new Date(b.openTime).toISOString())).toEqual(["1970-01-02T03:46:39.999Z", "1970-03-26T00:08:38.400Z"]);
    expect(message(await read("ms-1e8.csv", [`100000000${ROW}`], "epoch-ms"))).toStartWith('ms-1e8.csv line 2, field "time": got "100000000", which is 1970-01-02T03:46:40.000Z');
  });

  test("ISO dates keep to the same window: a year mistyped far out is refused, the edges read", async () => {
    const edges = await read("iso-edges.csv", [`1800-01-01${ROW}`, `2199-12-31T23:59:59Z${ROW}`]);
    expect(Array.isArray(edges) && edges.map((b) => new Date(b.openTime).toISOString())).toEqual(["1800-01-01T00:00:00.000Z", "2199-12-31T23:59:59.000Z"]);
    expect(message(await read("iso-typo.csv", [`2014-01-30${ROW}`, `3014-01-31${ROW}`]))).toBe(
      'iso-typo.csv line 3, field "time": expected a date from 1800-01-01 to before 2200-01-01, got "3014-01-31": is the year mistyped?',
    );
    expect(message(await read("iso-early.csv", [`1799-12-31T23:59:59Z${ROW}`]))).toStartWith('iso-early.csv line 2, field "time": expected a date from 1800-01-01');
  });

  test("a hex epoch time is refused like any non-decimal cell", async () => {
    expect(message(await read("hex-time.csv", [`0x65920080${ROW}`], "epoch-s"))).toBe('hex-time.csv line 2, field "time": expected epoch seconds, got "0x65920080"');
  });
});
