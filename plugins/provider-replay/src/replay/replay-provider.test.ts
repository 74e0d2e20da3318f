import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { type Bar, isArgoError, type StreamItem } from "@argo/core";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createReplayProvider } from "../index.ts";

const DATA_DIR = join(import.meta.dir, "../../../../../shared/reference/data");
let dir: string;

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

const bars = (items: StreamItem[]) => items.flatMap((item) => (item.type === "bar" ? [item.bar] : []));

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "argo-replay-"));
  // AAA and BBB interleave and share the times 02:00 and 04:00, where AAA (asked for first) must come first.
  writeFileSync(join(dir, "aaa.csv"), "time,open,high,low,close,volume\n2024-01-01 00:00,1,1,1,1,1\n2024-01-01 02:00,2,2,2,2,1\n2024-01-01 04:00,3,3,3,3,1\n");
  writeFileSync(join(dir, "bbb.csv"), ",Open,High,Low,Close,Volume\r\n2024-01-01 01:00,10,10,10,10,5\r\n2024-01-01 02:00,20,20,20,20,5\r\n2024-01-01 03:00,30,30,30,30,5\r\n2024-01-01 04:00,40,40,40,40,5\r\n");
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("replay: GOOG reference data", () => {
  const config = { baseDir: DATA_DIR, files: [{ path: "GOOG.csv", symbol: "GOOG", interval: "1d" }] };

  test("history reads all 2148 daily bars with the right first and last bar", async () => {
    const provider = await createReplayProvider(config);
    const all = await collect(provider.history("GOOG", "1d", 0, Number.POSITIVE_INFINITY));
    expect(all.length).toBe(2148);
    expect(all[0]).toEqual({ symbol: "GOOG", interval: "1d", openTime: Date.UTC(2004, 7, 19), open: 100, high: 104.06, low: 95.96, close: 100.34, volume: 22351900 });
    // Last line of GOOG.csv: 2013-03-01,797.8,807.14,796.15,806.19,2175400
    expect(all.at(-1)).toEqual({ symbol: "GOOG", interval: "1d", openTime: Date.UTC(2013, 2, 1), open: 797.8, high: 807.14, low: 796.15, close: 806.19, volume: 2175400 });
    for (let i = 1; i < all.length; i++) expect(all[i]!.openTime).toBeGreaterThan(all[i - 1]!.openTime);
  });

  test("history keeps from <= openTime < to", async () => {
    const provider = await createReplayProvider(config);
    // 2004-08-19 is a Thursday: the 20th (Fri) and 23rd (Mon) are in range, the 24th is the excluded end.
    const range = await collect(provider.history("GOOG", "1d", Date.UTC(2004, 7, 20), Date.UTC(2004, 7, 24)));
    expect(range.map((bar) => bar.openTime)).toEqual([Date.UTC(2004, 7, 20), Date.UTC(2004, 7, 23)]);
    expect(range[0]!.close).toBe(108.31);
  });

  test("stream yields the same bars as history, and an equivalent interval name is accepted", async () => {
    const provider = await createReplayProvider(config);
    const streamed = bars(await collect(provider.stream(["GOOG"], "24h")));
    expect(streamed.length).toBe(2148);
    expect(streamed[100]).toEqual((await collect(provider.history("GOOG", "1d", 0, Number.POSITIVE_INFINITY)))[100]!);
  });

  test("an unknown symbol is UNKNOWN_SYMBOL and a missing interval INVALID_CONFIGURATION", async () => {
    const provider = await createReplayProvider(config);
    const unknown = await collect(provider.stream(["MSFT"], "1d")).catch((error: unknown) => error);
    expect(isArgoError(unknown, "UNKNOWN_SYMBOL")).toBe(true);
    expect(String((unknown as Error).message)).toContain("MSFT");
    const wrong = await collect(provider.history("GOOG", "1h", 0, Number.POSITIVE_INFINITY)).catch((error: unknown) => error);
    expect(isArgoError(wrong, "INVALID_CONFIGURATION")).toBe(true);
    expect((wrong as Error).message).toContain("1h");
  });
});

describe("replay: calendar months", () => {
  test("a monthly file serves 1M but not 30d (a month is not 30 days), and a 30d file of the same symbol may sit beside it", async () => {
    const monthlyFile = { path: "BTCUSD.csv", symbol: "BTCUSD", interval: "1M" };
    const provider = await createReplayProvider({ baseDir: DATA_DIR, files: [monthlyFile] });
    const monthly = await collect(provider.history("BTCUSD", "1M", 0, Number.POSITIVE_INFINITY));
    // 157 lines: the header and 156 months; the first is 2012-01-31,4.58,7.38,3.8,5.55,…
    expect(monthly.length).toBe(156);
    expect(monthly[0]).toMatchObject({ interval: "1M", openTime: Date.UTC(2012, 0, 31), open: 4.58, close: 5.55 });
    const thirtyDays = await collect(provider.history("BTCUSD", "30d", 0, Number.POSITIVE_INFINITY)).catch((error: unknown) => error);
    expect(isArgoError(thirtyDays, "INVALID_CONFIGURATION")).toBe(true);
    expect((thirtyDays as Error).message).toContain("only at interval 1M, not 30d");
    const both = await createReplayProvider({ baseDir: DATA_DIR, files: [monthlyFile, { ...monthlyFile, interval: "30d" }] });
    expect(both.available()).toEqual([
      { symbol: "BTCUSD", interval: "1M" },
      { symbol: "BTCUSD", interval: "30d" },
    ]);
  });
});

describe("replay: several symbols", () => {
  test("EURUSD (hourly) and GOOG can each be read and the hourly file has 5000 bars", async () => {
    const provider = await createReplayProvider({
      baseDir: DATA_DIR,
      files: [
        { path: "GOOG.csv", symbol: "GOOG", interval: "1d" },
        { path: "EURUSD.csv", symbol: "EURUSD", interval: "1h" },
      ],
    });
    const eurusd = bars(await collect(provider.stream(["EURUSD"], "1h")));
    expect(eurusd.length).toBe(5000);
    // First data line: 2017-04-19 09:00:00,1.0716,1.0722,1.07083,1.07219,1413 (no zone: UTC).
    expect(eurusd[0]).toMatchObject({ openTime: Date.UTC(2017, 3, 19, 9), open: 1.0716, close: 1.07219, volume: 1413 });
  });

  test("stream merges two files by openTime, ties in the order the symbols were given", async () => {
    const provider = await createReplayProvider({
      baseDir: dir,
      files: [
        { path: "aaa.csv", symbol: "AAA", interval: "1h" },
        { path: "bbb.csv", symbol: "BBB", interval: "1h" },
      ],
    });
    const hour = (h: number) => Date.UTC(2024, 0, 1, h);
    const order = (list: Bar[]) => list.map((bar) => `${bar.symbol}@${(bar.openTime - hour(0)) / 3_600_000}`);
    expect(order(bars(await collect(provider.stream(["AAA", "BBB"], "1h"))))).toEqual(["AAA@0", "BBB@1", "AAA@2", "BBB@2", "BBB@3", "AAA@4", "BBB@4"]);
    expect(order(bars(await collect(provider.stream(["BBB", "AAA"], "1h"))))).toEqual(["AAA@0", "BBB@1", "BBB@2", "AAA@2", "BBB@3", "BBB@4", "AAA@4"]);
  });

  test("breaking out of a merged stream ends it cleanly", async () => {
    const provider = await createReplayProvider({ baseDir: dir, files: [{ path: "aaa.csv", symbol: "AAA", interval: "1h" }, { path: "bbb.csv", symbol: "BBB", interval: "1h" }] });
    const seen: string[] = [];
    for await (const item of provider.stream(["AAA", "BBB"], "1h")) {
      if (item.type === "bar") seen.push(item.bar.symbol);
      if (seen.length === 2) break;
    }
    expect(seen).toEqual(["AAA", "BBB"]);
  });
});

describe("replay: a file removed after creation", () => {
  test("stream and history fail with the same INVALID_CONFIGURATION as a missing file at creation, naming the field", async () => {
    const path = join(dir, "gone.csv");
    writeFileSync(path, "time,open,high,low,close,volume\n2024-01-01 00:00,1,1,1,1,1\n");
    const provider = await createReplayProvider({ baseDir: dir, files: [{ path: "gone.csv", symbol: "GONE", interval: "1h" }] });
    rmSync(path);
    const streamed = await collect(provider.stream(["GONE"], "1h")).catch((error: unknown) => error);
    const history = await collect(provider.history("GONE", "1h", 0, Number.POSITIVE_INFINITY)).catch((error: unknown) => error);
    const atCreation = await createReplayProvider({ baseDir: dir, files: [{ path: "gone.csv", symbol: "GONE", interval: "1h" }] }).catch((error: unknown) => error);
    for (const error of [streamed, history]) {
      expect(isArgoError(error, "INVALID_CONFIGURATION")).toBe(true);
      expect((error as Error).message).toBe((atCreation as Error).message);
      expect((error as Error).message).toContain("files.0.path");
    }
  });
});

describe("replay: abort and pacing", () => {
  test("an aborted signal ends the stream", async () => {
    const provider = await createReplayProvider({ baseDir: DATA_DIR, files: [{ path: "GOOG.csv", symbol: "GOOG", interval: "1d" }] });
    const controller = new AbortController();
    let count = 0;
    for await (const item of provider.stream(["GOOG"], "1d", { signal: controller.signal })) {
      if (item.type === "bar" && ++count === 3) controller.abort();
    }
    expect(count).toBe(3);
  });

  test("at speed 1 the wait for the next daily bar ends as soon as the signal aborts", async () => {
    const provider = await createReplayProvider({ baseDir: DATA_DIR, speed: 1, files: [{ path: "GOOG.csv", symbol: "GOOG", interval: "1d" }] });
    const controller = new AbortController();
    const iterator = provider.stream(["GOOG"], "1d", { signal: controller.signal })[Symbol.asyncIterator]();
    const first = await iterator.next();
    expect(first.done).toBe(false);
    // The second bar is a day later in data time: without the abort this would wait a day (and the test time out).
    const second = iterator.next();
    setTimeout(() => controller.abort(), 10);
    expect((await second).done).toBe(true);
  });

  test("after: bars up to it are skipped before pacing, so a resumed stream goes on at once", async () => {
    const provider = await createReplayProvider({ baseDir: dir, speed: 1, files: [{ path: "aaa.csv", symbol: "AAA", interval: "1h" }, { path: "bbb.csv", symbol: "BBB", interval: "1h" }] });
    const iterator = provider.stream(["AAA", "BBB"], "1h", { after: Date.UTC(2024, 0, 1, 3) })[Symbol.asyncIterator]();
    // At speed 1, pacing from the first bar would hold AAA@04:00 for four hours (the test would time out).
    const next = [(await iterator.next()).value, (await iterator.next()).value] as StreamItem[];
    expect(bars(next).map((bar) => `${bar.symbol}@${bar.close}`)).toEqual(["AAA@3", "BBB@40"]);
    expect((await iterator.next()).done).toBe(true);
  });

  test("afterBySymbol: each symbol skips to its own held bar, before pacing; a symbol it does not name goes by after", async () => {
    const provider = await createReplayProvider({ baseDir: dir, speed: 1, files: [{ path: "aaa.csv", symbol: "AAA", interval: "1h" }, { path: "bbb.csv", symbol: "BBB", interval: "1h" }] });
    // AAA is held through 04:00 (nothing left); BBB through 03:00. Skipped only to `after` (01:00, the older), AAA@02:00
    // would come first and pace the rest: at speed 1 the test would time out.
    const options = { after: Date.UTC(2024, 0, 1, 1), afterBySymbol: { AAA: Date.UTC(2024, 0, 1, 4), BBB: Date.UTC(2024, 0, 1, 3) } };
    expect(bars(await collect(provider.stream(["AAA", "BBB"], "1h", options))).map((bar) => `${bar.symbol}@${bar.close}`)).toEqual(["BBB@40"]);
    // Without BBB's own time it goes by `after`: 02:00 onwards, paced, so only the first bar is read here.
    const iterator = provider.stream(["AAA", "BBB"], "1h", { after: Date.UTC(2024, 0, 1, 1), afterBySymbol: { AAA: Date.UTC(2024, 0, 1, 4) } })[Symbol.asyncIterator]();
    expect(bars([(await iterator.next()).value as StreamItem]).map((bar) => `${bar.symbol}@${bar.close}`)).toEqual(["BBB@20"]);
    await iterator.return?.(undefined);
  });

  test("after: a bad row before the bars the consumer holds is not reported again on every restart", async () => {
    writeFileSync(join(dir, "bad-row.csv"), "time,open,high,low,close,volume\n2024-01-02,1,1,1,1,1\n2024-01-03,abc,1,1,1,1\n2024-01-04,2,2,2,2,1\n2024-01-05,3,3,3,3,1\n");
    const provider = await createReplayProvider({ baseDir: dir, files: [{ path: "bad-row.csv", symbol: "B", interval: "1d" }] });
    const resumed = await collect(provider.stream(["B"], "1d", { after: Date.UTC(2024, 0, 4) }));
    expect(resumed.map((item) => (item.type === "bar" ? item.bar.close : item.type))).toEqual([3]);
    // From the start, the bad row is reported where it is.
    const first = await collect(provider.stream(["B"], "1d"));
    expect(first.map((item) => (item.type === "bar" ? item.bar.close : item.type))).toEqual([1, "error", 2, 3]);
  });

  test("history ends when the signal is aborted", async () => {
    const provider = await createReplayProvider({ baseDir: DATA_DIR, files: [{ path: "GOOG.csv", symbol: "GOOG", interval: "1d" }] });
    const controller = new AbortController();
    let count = 0;
    for await (const _bar of provider.history("GOOG", "1d", 0, Number.POSITIVE_INFINITY, { signal: controller.signal })) {
      if (++count === 5) controller.abort();
    }
    expect(count).toBe(5);
  });
});
