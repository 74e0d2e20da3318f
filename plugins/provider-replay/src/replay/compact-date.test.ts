// ISO 8601's compact date (20240131) is read by timeFormat "iso" as the date it is, not hinted at as an epoch time (which
// would read it as a time of 1970); an eight-digit cell that is no date is refused naming the value and the forms read.
import { afterAll, describe, expect, test } from "bun:test";
import { isArgoError, parseConfig, type StreamItem } from "@argo/core";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createReplayProvider } from "../index.ts";
import { parseIsoTime } from "../shared/parse-iso-time.ts";
import { replayConfigSchema } from "./replay-config.ts";
import { replayProviderDefinition } from "./replay-definition.ts";

const dir = mkdtempSync(join(tmpdir(), "argo-replay-compact-date-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function items(name: string, rows: string[]): Promise<(number | string)[]> {
  writeFileSync(join(dir, name), ["time,open,high,low,close,volume", ...rows].join("\n"));
  const provider = await createReplayProvider({ baseDir: dir, files: [{ path: name, symbol: "X", interval: "1d" }] });
  const out: StreamItem[] = [];
  for await (const item of provider.stream(["X"], "1d")) out.push(item);
  return out.map((item) => (item.type === "bar" ? item.bar.openTime : isArgoError(item.error) ? item.error.message : String(item.error)));
}

describe("replay: compact ISO dates", () => {
  test("parseIsoTime reads YYYYMMDD as that UTC date, blanks around it too, and no impossible date", () => {
    expect(parseIsoTime("20240101")).toBe(Date.UTC(2024, 0, 1));
    expect(parseIsoTime(" 20240229 ")).toBe(Date.UTC(2024, 1, 29));
    // 2023 is no leap year; month 13 and day 00 are no dates; 7 and 9 digits are no compact date.
    for (const text of ["20230229", "20241301", "20240100", "2024010", "202401011"]) expect([text, parseIsoTime(text)]).toEqual([text, undefined]);
  });

  test('a file of compact dates is read with the default timeFormat "iso", and the session check passes it', async () => {
    expect(await items("compact.csv", ["20240101,1,2,0.5,1.5,1", "20240102,1,2,0.5,1.5,1"])).toEqual([Date.UTC(2024, 0, 1), Date.UTC(2024, 0, 2)]);
    const config = parseConfig(replayConfigSchema, { baseDir: dir, files: [{ path: "compact.csv", symbol: "X", interval: "1d" }] }, { label: "replay config" });
    expect(replayProviderDefinition.checkSession(config, { symbols: ["X"], interval: "1d" })).toEqual([]);
  });

  test("eight digits that are no date are refused naming the value and the forms, with no epoch hint", async () => {
    expect(await items("bad-compact.csv", ["20240101,1,2,0.5,1.5,1", "20241301,1,2,0.5,1.5,1"])).toEqual([
      Date.UTC(2024, 0, 1),
      'bad-compact.csv line 3, field "time": expected an ISO date or date-time such as 2024-01-31, 20240131 or 2024-01-31T09:30:00Z, ' +
        'got "20241301" (a compact date is YYYYMMDD: month 01 to 12, a day the month has)',
    ]);
  });

  test("other digits alone still get the epoch hint", async () => {
    const [message] = await items("epoch.csv", ["1704067200,1,2,0.5,1.5,1"]);
    expect(message).toEndWith('got "1704067200" (set timeFormat to "epoch-ms" or "epoch-s" for epoch times)');
  });
});
