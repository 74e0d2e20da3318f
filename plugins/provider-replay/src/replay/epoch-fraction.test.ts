// A bar's openTime is a whole millisecond: a fractional epoch-ms time is refused as a row error, while epoch seconds
// with a fraction (as time.time() writes them) are read to the nearest millisecond, as ISO fractions are.
import { afterAll, describe, expect, test } from "bun:test";
import { type Bar, isArgoError, type StreamItem } from "@argo/core";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createReplayProvider } from "../index.ts";

const dir = mkdtempSync(join(tmpdir(), "argo-replay-epoch-fraction-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Every item a stream of the file gives: its bars and row errors, in order. */
async function items(name: string, body: string, timeFormat: "epoch-ms" | "epoch-s"): Promise<StreamItem[]> {
  writeFileSync(join(dir, name), body);
  const provider = await createReplayProvider({ baseDir: dir, files: [{ path: name, symbol: "X", interval: "1d", timeFormat }] });
  const out: StreamItem[] = [];
  for await (const item of provider.stream(["X"], "1d")) out.push(item);
  return out;
}

const describeItem = (item: StreamItem) => (item.type === "bar" ? item.bar.openTime : isArgoError(item.error) ? item.error.message : String(item.error));

// 2024-01-01T00:00:00Z is 1704067200000 ms; the next day 86,400,000 ms later.
const DAY1 = 1_704_067_200_000;
const DAY2 = DAY1 + 86_400_000;

describe("replay: epoch times with a fraction", () => {
  test("epoch-ms: a fractional time is refused naming the file, line and time; whole ones around it are read", async () => {
    const csv = `time,open,high,low,close,volume\n${DAY1},1,2,0.5,1.5,1\n${DAY2}.5,1,2,0.5,1.5,1\n${DAY2 + 86_400_000},1,2,0.5,1.5,1\n`;
    expect((await items("ms.csv", csv, "epoch-ms")).map(describeItem)).toEqual([
      DAY1,
      `ms.csv line 3, field "time": a time in epoch milliseconds must be a whole number, got "${DAY2}.5"`,
      DAY2 + 86_400_000,
    ]);
  });

  test("epoch-ms in JSON lines: a fractional number is refused as well, and history() throws it", async () => {
    writeFileSync(join(dir, "ms.jsonl"), `{"time":${DAY1}.25,"open":1,"high":2,"low":0.5,"close":1.5,"volume":1}\n`);
    const provider = await createReplayProvider({ baseDir: dir, files: [{ path: "ms.jsonl", symbol: "X", interval: "1d", timeFormat: "epoch-ms" }] });
    const bars: Bar[] = [];
    const read = async () => {
      for await (const bar of provider.history("X", "1d", 0, Number.MAX_SAFE_INTEGER)) bars.push(bar);
    };
    await expect(read()).rejects.toThrow(`ms.jsonl line 1, field "time": a time in epoch milliseconds must be a whole number, got ${DAY1}.25`);
    expect(bars).toEqual([]);
  });

  test("epoch-ms: a whole number written with a zero fraction or an exponent is still read", async () => {
    const csv = `time,open,high,low,close,volume\n${DAY1}.0,1,2,0.5,1.5,1\n1.7041536e12,1,2,0.5,1.5,1\n`;
    // 1.7041536e12 is 1704153600000, DAY2.
    expect((await items("whole.csv", csv, "epoch-ms")).map(describeItem)).toEqual([DAY1, DAY2]);
  });

  test("epoch-s: a fraction is read to the nearest millisecond, never a fractional one", async () => {
    // 1704067200.25 s is DAY1 + 250 ms; 1704153600.0004 s is DAY2 + 0.4 ms, read as DAY2.
    const csv = "time,open,high,low,close,volume\n1704067200.25,1,2,0.5,1.5,1\n1704153600.0004,1,2,0.5,1.5,1\n";
    expect((await items("s.csv", csv, "epoch-s")).map(describeItem)).toEqual([DAY1 + 250, DAY2]);
  });
});
