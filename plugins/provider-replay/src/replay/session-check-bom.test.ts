import { afterAll, describe, expect, test } from "bun:test";
import { parseConfig } from "@argo/core";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createReplayProvider } from "./create-replay-provider.ts";
import { replayConfigSchema } from "./replay-config.ts";
import { replayProviderDefinition } from "./replay-definition.ts";

const dir = mkdtempSync(join(tmpdir(), "argo-replay-bom-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("the session check decodes a file's head as the reader does", () => {
  test("a one-row JSON-lines file starting with a byte-order mark passes the check, as the reader reads it", async () => {
    // Windows tools write a UTF-8 BOM (EF BB BF) first; the reader's TextDecoder drops it.
    writeFileSync(join(dir, "one.jsonl"), '\uFEFF{"time":"2024-01-01","open":1,"high":2,"low":1,"close":1.5,"volume":7}\n');
    const input = { baseDir: dir, files: [{ path: "one.jsonl", symbol: "X", interval: "1d" }] };
    const bars = await Array.fromAsync((await createReplayProvider(input)).history("X", "1d", 0, Number.POSITIVE_INFINITY));
    // The row's own values, read off the line above.
    expect(bars.map((bar) => [bar.openTime, bar.open, bar.high, bar.low, bar.close, bar.volume])).toEqual([[Date.UTC(2024, 0, 1), 1, 2, 1, 1.5, 7]]);
    const config = parseConfig(replayConfigSchema, input, { label: "replay config" });
    expect(replayProviderDefinition.checkSession(config, { symbols: ["X"], interval: "1d" })).toEqual([]);
  });
});
