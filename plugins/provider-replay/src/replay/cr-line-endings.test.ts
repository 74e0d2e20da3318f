// A file whose lines end in a lone "\r" (old Mac) is read line by line, by the reader and the session check alike,
// instead of as one line ("no volume column"); "\n" and "\r\n" files are read as before.
import { afterAll, describe, expect, test } from "bun:test";
import { isArgoError, parseConfig, type StreamItem } from "@argo/core";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createReplayProvider } from "../index.ts";
import { replayConfigSchema } from "./replay-config.ts";
import { replayProviderDefinition } from "./replay-definition.ts";

const dir = mkdtempSync(join(tmpdir(), "argo-replay-cr-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const HEADER = "time,open,high,low,close,volume";
const DAY = 86_400_000;
const START = Date.UTC(2000, 0, 1);
/** A daily row `i` days after 2000-01-01. */
const row = (i: number) => `${new Date(START + i * DAY).toISOString().slice(0, 10)},1,2,0.5,1.5,${i}`;

async function items(name: string): Promise<(number | string)[]> {
  const provider = await createReplayProvider({ baseDir: dir, files: [{ path: name, symbol: "X", interval: "1d" }] });
  const out: StreamItem[] = [];
  for await (const item of provider.stream(["X"], "1d")) out.push(item);
  return out.map((item) => (item.type === "bar" ? item.bar.openTime : isArgoError(item.error) ? item.error.message : String(item.error)));
}

function check(name: string, interval = "1d") {
  const config = parseConfig(replayConfigSchema, { baseDir: dir, files: [{ path: name, symbol: "X", interval }] }, { label: "replay config" });
  return replayProviderDefinition.checkSession(config, { symbols: ["X"], interval });
}

describe("replay: lone CR line endings", () => {
  test("a CR file's rows are read one by one, a bad row named by its own line number", async () => {
    // Line 1 the header, lines 2 to 4 the rows; line 3's open is no number.
    writeFileSync(join(dir, "mac.csv"), [HEADER, row(0), row(1).replace(",1,2,", ",x,2,"), row(2)].join("\r") + "\r");
    expect(await items("mac.csv")).toEqual([START, 'mac.csv line 3, field "open": expected a number, got "x"', START + 2 * DAY]);
  });

  test("a CR file of many chunks is read whole, rows split across chunks included", async () => {
    // About 580 KB (29 bytes a row): Bun streams a file in chunks of 256 KiB, then 512 KiB, so three chunks.
    const count = 20_000;
    writeFileSync(join(dir, "big-mac.csv"), [HEADER, ...Array.from({ length: count }, (_, i) => row(i))].join("\r"));
    const times = await items("big-mac.csv");
    expect(times.length).toBe(count);
    expect(times.every((time, i) => time === START + i * DAY)).toBe(true);
  });

  test("the session check reads a CR file's head as rows: no issue at the right interval, the spacing judged at a wrong one", () => {
    writeFileSync(join(dir, "check-mac.csv"), [HEADER, ...Array.from({ length: 10 }, (_, i) => row(i))].join("\r"));
    expect(check("check-mac.csv")).toEqual([]);
    // Daily bars configured hourly: judged from 10 rows, so the head was split into them.
    expect(check("check-mac.csv", "1h")).toEqual([
      { path: "files.0.interval", message: '"check-mac.csv" (X) has no two bars closer than 1d in its first 10 rows, at least twice its interval "1h": set files.0.interval to the file\'s bar spacing' },
    ]);
  });
});
