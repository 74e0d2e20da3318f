import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { type Bar, isArgoError } from "@argo/core";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createReplayProvider } from "../index.ts";

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "argo-replay-spacing-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A CSV of valid rows at the given times (anything parseIsoTime reads). */
function writeRows(name: string, times: string[]): void {
  writeFileSync(join(dir, name), [",Open,High,Low,Close,Volume", ...times.map((time) => `${time},10,12,9,11,100`)].join("\n"));
}

/** The file as the second configured file (so messages name files.1), read by stream: bars as times, errors as messages. */
async function streamed(name: string, interval: string): Promise<Array<number | string>> {
  const provider = await createReplayProvider({
    baseDir: dir,
    files: [
      { path: "other.csv", symbol: "OTHER", interval: "1d" },
      { path: name, symbol: "X", interval },
    ],
  });
  const out: Array<number | string> = [];
  for await (const item of provider.stream(["X"], interval)) out.push(item.type === "bar" ? item.bar.openTime : item.error.message);
  return out;
}

describe("rows far closer together than the file's interval", () => {
  beforeAll(() => writeRows("other.csv", ["2024-01-01"]));

  test("hourly rows configured as daily: history rejects on the second row, naming the interval's config field", async () => {
    writeRows("hourly.csv", ["2017-04-19 09:00", "2017-04-19 10:00", "2017-04-19 11:00"]);
    const provider = await createReplayProvider({ baseDir: dir, files: [{ path: "hourly.csv", symbol: "X", interval: "1d" }] });
    const bars: Bar[] = [];
    const error = await (async () => {
      for await (const bar of provider.history("X", "1d", 0, Number.POSITIVE_INFINITY)) bars.push(bar);
    })().catch((e: unknown) => e);
    expect(bars.map((bar) => bar.openTime)).toEqual([Date.UTC(2017, 3, 19, 9)]);
    expect(isArgoError(error, "INVALID_DATA")).toBe(true);
    expect((error as Error).message).toBe(
      'hourly.csv line 3, field "time": 2017-04-19T10:00:00.000Z is 1h after the row on line 2, less than half the interval "1d" of files.0.interval: is the interval right?',
    );
    expect((error as { details?: unknown }).details).toMatchObject({ file: "hourly.csv", line: 3, field: "time" });
  });

  test("the stream reports each such row and goes on, measuring from the last row it accepted", async () => {
    writeRows("close.csv", ["2024-01-01 00:00", "2024-01-01 00:20", "2024-01-01 00:29:59", "2024-01-01 00:30", "2024-01-01 00:50", "2024-01-01 01:10"]);
    // Interval 1h, so half an hour is the least: 00:30 is exactly that after 00:00; 00:50 is 20m after 00:30, 01:10 is 40m after it.
    const tooClose = (line: number, time: string, after: string, lastLine: number) =>
      `close.csv line ${line}, field "time": ${time} is ${after} after the row on line ${lastLine}, less than half the interval "1h" of files.1.interval: is the interval right?`;
    expect(await streamed("close.csv", "1h")).toEqual([
      Date.UTC(2024, 0, 1, 0),
      tooClose(3, "2024-01-01T00:20:00.000Z", "20m", 2),
      tooClose(4, "2024-01-01T00:29:59.000Z", "29m 59s", 2),
      Date.UTC(2024, 0, 1, 0, 30),
      tooClose(6, "2024-01-01T00:50:00.000Z", "20m", 5),
      Date.UTC(2024, 0, 1, 1, 10),
    ]);
  });

  test("gaps are fine: daily bars over weekends and holidays", async () => {
    // Fri 2024-03-28 (Good Friday, closed) is missing, then a weekend: Thu -> Mon is 4 days.
    writeRows("daily.csv", ["2024-03-27", "2024-03-28", "2024-04-01", "2024-04-02"]);
    expect(await streamed("daily.csv", "1d")).toEqual([Date.UTC(2024, 2, 27), Date.UTC(2024, 2, 28), Date.UTC(2024, 3, 1), Date.UTC(2024, 3, 2)]);
  });

  test("a little short is fine: weekly bars dated on the first trading day (Tue, then Mon: 6 days)", async () => {
    writeRows("weekly.csv", ["2024-01-02", "2024-01-08", "2024-01-15"]);
    expect(await streamed("weekly.csv", "1w")).toEqual([Date.UTC(2024, 0, 2), Date.UTC(2024, 0, 8), Date.UTC(2024, 0, 15)]);
  });

  test("monthly bars dated on the first trading day or on the month's last day are fine; weekly rows as 1M are not", async () => {
    writeRows("month-start.csv", ["2025-02-03", "2025-03-03", "2025-04-01"]);
    expect(await streamed("month-start.csv", "1M")).toEqual([Date.UTC(2025, 1, 3), Date.UTC(2025, 2, 3), Date.UTC(2025, 3, 1)]);
    // Feb 3 -> Mar 2 is 27 days, and February's bar lasts 28 (to Mar 3).
    writeRows("feb-mar.csv", ["2026-02-03", "2026-03-02"]);
    expect(await streamed("feb-mar.csv", "1M")).toEqual([Date.UTC(2026, 1, 3), Date.UTC(2026, 2, 2)]);
    writeRows("month-end.csv", ["2024-01-31", "2024-02-29", "2024-03-31", "2024-04-30"]);
    expect(await streamed("month-end.csv", "1M")).toEqual([Date.UTC(2024, 0, 31), Date.UTC(2024, 1, 29), Date.UTC(2024, 2, 31), Date.UTC(2024, 3, 30)]);
    writeRows("weekly-as-month.csv", ["2024-02-05", "2024-02-12", "2024-03-04"]);
    // February 2024's bar from the 5th lasts 29 days (to Mar 5): a week is less than half of it, four weeks are not.
    expect(await streamed("weekly-as-month.csv", "1M")).toEqual([
      Date.UTC(2024, 1, 5),
      'weekly-as-month.csv line 3, field "time": 2024-02-12T00:00:00.000Z is 7d after the row on line 2, less than half the interval "1M" of files.1.interval: is the interval right?',
      Date.UTC(2024, 2, 4),
    ]);
  });

  test("three-month bars: a month apart is too close, a quarter apart is fine", async () => {
    writeRows("quarterly.csv", ["2024-01-01", "2024-02-01", "2024-04-01"]);
    const items = await streamed("quarterly.csv", "3M");
    expect(items[0]).toBe(Date.UTC(2024, 0, 1));
    expect(items[1]).toStartWith('quarterly.csv line 3, field "time": 2024-02-01T00:00:00.000Z is 31d after the row on line 2, less than half the interval "3M"');
    expect(items[2]).toBe(Date.UTC(2024, 3, 1));
  });
});
