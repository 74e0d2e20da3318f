import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { type Bar, isArgoError, type StreamItem } from "@argo/core";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createReplayProvider } from "../index.ts";
import type { ReplayFile } from "./replay-file.ts";
import { ReplayHistory } from "./replay-history.ts";
import { rowError } from "./row-error.ts";

let dir: string;
const ROWS = 20_000; // ~900 KB: many chunks of the file stream
const start = Date.UTC(2024, 0, 1);

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "argo-replay-history-"));
  const lines = [",Open,High,Low,Close,Volume"];
  for (let i = 0; i < ROWS; i++) lines.push(`${new Date(start + i * 60_000).toISOString().slice(0, 16).replace("T", " ")},${100 + (i % 50)},${151},${99},${100 + (i % 50)},${i}`);
  writeFileSync(join(dir, "big.csv"), `${lines.join("\n")}\n`);
  writeFileSync(join(dir, "bad.csv"), [lines[0], lines[1], lines[2], "2024-01-01 00:02,10,12,9,abc,100", lines[4]].join("\n"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const provider = (path: string) => createReplayProvider({ baseDir: dir, files: [{ path, symbol: "X", interval: "1m" }] });

describe("replay history reads ahead", () => {
  test("after each chunk, bars come in already-settled promises: a waiting reader waits once per chunk, not per bar", async () => {
    const history = (await provider("big.csv")).history("X", "1m", 0, Number.MAX_SAFE_INTEGER)[Symbol.asyncIterator]();
    let pending = 0;
    const volumes: number[] = [];
    for (;;) {
      const next = history.next();
      if (Bun.peek.status(next) === "pending") pending++;
      const result = await next;
      if (result.done === true) break;
      volumes.push(result.value.volume);
    }
    expect(volumes).toEqual(Array.from({ length: ROWS }, (_, i) => i));
    expect(pending).toBeGreaterThan(1); // it streams: the file is not read in one go
    expect(pending).toBeLessThan(ROWS / 100);
  });

  test("next() called again before the first answer settles gives the bars in order, none twice", async () => {
    const history = (await provider("big.csv")).history("X", "1m", start + 5 * 60_000, Number.MAX_SAFE_INTEGER)[Symbol.asyncIterator]();
    const results = await Promise.all(Array.from({ length: 8 }, () => history.next()));
    expect(results.map((r) => (r.value as Bar).volume)).toEqual([5, 6, 7, 8, 9, 10, 11, 12]);
    expect((await history.next()).value.volume).toBe(13);
  });

  test("return() ends it early, and it stays done", async () => {
    const history = (await provider("big.csv")).history("X", "1m", 0, Number.MAX_SAFE_INTEGER)[Symbol.asyncIterator]();
    expect((await history.next()).value.volume).toBe(0);
    expect(await history.return!()).toEqual({ done: true, value: undefined });
    expect((await history.next()).done).toBe(true);
  });

  test("a malformed row rejects with INVALID_DATA after the bars before it, and nothing follows", async () => {
    const history = (await provider("bad.csv")).history("X", "1m", 0, Number.MAX_SAFE_INTEGER)[Symbol.asyncIterator]();
    expect((await history.next()).value.volume).toBe(0);
    expect((await history.next()).value.volume).toBe(1);
    const error = await history.next().then(() => undefined, (e: unknown) => e);
    expect(isArgoError(error, "INVALID_DATA") && error.message).toContain("line 4");
    expect((await history.next()).done).toBe(true);
  });

  test("an unknown symbol rejects at the first next(), not when history() is called", async () => {
    const history = (await provider("big.csv")).history("NOPE", "1m", 0, Number.MAX_SAFE_INTEGER);
    const error = await history[Symbol.asyncIterator]().next().then(() => undefined, (e: unknown) => e);
    expect(isArgoError(error, "UNKNOWN_SYMBOL")).toBe(true);
  });
});

test("a call queued behind a failing read is told the history is done, not given the error twice", async () => {
  const history = (await provider("bad.csv")).history("X", "1m", start + 2 * 60_000, Number.MAX_SAFE_INTEGER)[Symbol.asyncIterator]();
  const [first, second] = [history.next(), history.next()];
  expect(isArgoError(await first.then(() => undefined, (e: unknown) => e), "INVALID_DATA")).toBe(true);
  expect(await second).toEqual({ done: true, value: undefined });
});

describe("at the range's end, history looks at one more row", () => {
  const day = (n: number) => Date.UTC(2010, 2, n);
  const daily = (rows: string[]) => [",Open,High,Low,Close,Volume", ...rows.map((date) => `${date},10,12,9,11,100`)].join("\n");
  const dailyProvider = (path: string) => createReplayProvider({ baseDir: dir, files: [{ path, symbol: "X", interval: "1d" }] });

  test("a date mistyped into the future rejects with the order error of the row after it, not a silently short range", async () => {
    writeFileSync(join(dir, "typo.csv"), daily(["2010-03-08", "2010-03-09", "2100-03-10", "2010-03-11", "2010-03-12"]));
    const error = await collectBars((await dailyProvider("typo.csv")).history("X", "1d", 0, Date.UTC(2013, 0, 1))).catch((e: unknown) => e);
    expect(isArgoError(error, "INVALID_DATA")).toBe(true);
    // Line 1 is the header: the typo sits on line 4, the row after it on line 5.
    expect((error as Error).message).toBe(
      'typo.csv line 5, field "time": rows must be in ascending time order, but 2010-03-11T00:00:00.000Z is not after 2100-03-10T00:00:00.000Z on line 4',
    );
    expect((error as { details?: unknown }).details).toMatchObject({ line: 5, field: "time", reason: "order" });
  });

  test("a newest-first file rejects with the order error rather than giving no bars in the range", async () => {
    writeFileSync(join(dir, "desc.csv"), daily(["2013-03-01", "2013-02-28", "2013-02-27"]));
    const error = await collectBars((await dailyProvider("desc.csv")).history("X", "1d", 0, Date.UTC(2013, 0, 1))).catch((e: unknown) => e);
    expect(isArgoError(error, "INVALID_DATA") && error.message).toStartWith('desc.csv line 3, field "time": rows must be in ascending time order');
  });

  test("a row at the range's end followed by an in-order row, or by the end of the file, ends the range quietly", async () => {
    writeFileSync(join(dir, "plain.csv"), daily(["2010-03-08", "2010-03-09", "2010-03-10", "2010-03-11"]));
    const provider = await dailyProvider("plain.csv");
    expect(await collectBars(provider.history("X", "1d", 0, day(10)))).toEqual([day(8), day(9)]);
    expect(await collectBars(provider.history("X", "1d", day(9), day(11)))).toEqual([day(9), day(10)]);
  });

  // Batches as the file reader hands them out, to put the look-ahead on a batch boundary.
  const bar = (time: number): StreamItem => ({ type: "bar", bar: { symbol: "X", interval: "1d", openTime: time, open: 1, high: 1, low: 1, close: 1, volume: 1 } });
  const file: ReplayFile = { label: "x.csv", path: "/x.csv", symbol: "X", interval: "1d", intervalKey: "86400000", format: "csv", columns: {}, timeFormat: "iso", index: 0 };
  const fromBatches = (batches: StreamItem[][], to: number) => {
    let closed = false;
    const history = new ReplayHistory(() => {
      const source = (async function* () {
        try {
          yield* batches;
        } finally {
          closed = true;
        }
      })();
      return source;
    }, 0, to, undefined);
    return { history, closed: () => closed };
  };

  test("the row after the range's end is read from the next batch when the range ends a batch", async () => {
    const order = rowError(file, 4, "time", "rows must be in ascending time order", "order");
    const failing = fromBatches([[bar(day(8)), bar(day(9))], [{ type: "error", error: order }, bar(day(12))]], day(9));
    expect(await collectBars(failing.history).catch((e: unknown) => e)).toBe(order);
    expect(failing.closed()).toBe(true);

    const quiet = fromBatches([[bar(day(8)), bar(day(9))], [bar(day(10))], [{ type: "error", error: order }]], day(9));
    expect(await collectBars(quiet.history)).toEqual([day(8)]);
    expect(quiet.closed()).toBe(true);

    const atEnd = fromBatches([[bar(day(8)), bar(day(9))]], day(9));
    expect(await collectBars(atEnd.history)).toEqual([day(8)]);
  });

  test("any other row error after the range's end ends the range quietly: only the order error is a reason to look back", async () => {
    const malformed = rowError(file, 4, "close", 'expected a number, got "abc"');
    const { history } = fromBatches([[bar(day(8)), bar(day(9)), { type: "error", error: malformed }]], day(9));
    expect(await collectBars(history)).toEqual([day(8)]);
  });
});

async function collectBars(bars: AsyncIterable<Bar>): Promise<number[]> {
  const times: number[] = [];
  for await (const bar of bars) times.push(bar.openTime);
  return times;
}
