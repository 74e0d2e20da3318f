import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { type Bar, isArgoError } from "@argo/core";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createReplayProvider } from "../index.ts";

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
