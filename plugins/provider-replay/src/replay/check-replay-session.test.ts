import { afterAll, describe, expect, test } from "bun:test";
import { parseConfig } from "@argo/core";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { replayProviderDefinition } from "./replay-definition.ts";
import { replayConfigSchema } from "./replay-config.ts";

const dir = mkdtempSync(join(tmpdir(), "argo-replay-session-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
for (const name of ["goog-1d.csv", "goog-1h.csv", "msft-1d.csv"]) writeFileSync(join(dir, name), "time,open,high,low,close\n");

type Entry = { path: string; symbol: string; interval: string };
/** The replay provider's own session check, on a config parsed as the registry would. */
function check(files: Entry[], symbols: string[], interval: string) {
  const config = parseConfig(replayConfigSchema, { baseDir: dir, files }, { label: "replay config" });
  return replayProviderDefinition.checkSession(config, { symbols, interval });
}

describe("the replay provider's check of a session against its files", () => {
  const goog = { path: "goog-1d.csv", symbol: "GOOG", interval: "1d" };
  const msft = { path: "msft-1d.csv", symbol: "MSFT", interval: "1d" };

  test("every symbol has a file at the interval (a same-sized spelling counts): no issue", () => {
    expect(check([goog, msft], ["GOOG", "MSFT"], "1d")).toEqual([]);
    expect(check([goog], ["GOOG"], "24h")).toEqual([]);
  });

  test("a symbol without any file and one only at another interval are each named, as a run would refuse them", () => {
    const issues = check([{ path: "goog-1h.csv", symbol: "GOOG", interval: "1h" }], ["GOOG", "MSFT"], "1d");
    expect(issues).toEqual([
      { path: "files", message: "replay has GOOG only at interval 1h, not 1d; add a file for GOOG at 1d to files" },
      { path: "files", message: 'replay has no file for symbol "MSFT"; configured: GOOG (1h)' },
    ]);
  });

  test("a file that is not there is named by its field, with the path it resolved to", () => {
    const issues = check([goog, { path: "gone/AAPL.csv", symbol: "AAPL", interval: "1d" }], ["GOOG", "AAPL"], "1d");
    expect(issues).toEqual([{ path: "files.1.path", message: `file not found: "gone/AAPL.csv" (resolved to ${join(dir, "gone/AAPL.csv")})` }]);
  });

  test("two files for one symbol and bar size are refused at the second", () => {
    const issues = check([goog, { path: "goog-1h.csv", symbol: "GOOG", interval: "24h" }], ["GOOG"], "1d");
    expect(issues).toHaveLength(1);
    expect(issues[0]!.path).toBe("files.1.symbol");
    expect(issues[0]!.message).toContain('"GOOG" at interval 24h is already served by files.0 ("goog-1d.csv")');
  });
});
