import { afterAll, describe, expect, test } from "bun:test";
import { parseConfig } from "@argo/core";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { replayProviderDefinition } from "./replay-definition.ts";
import { replayConfigSchema } from "./replay-config.ts";

const dir = mkdtempSync(join(tmpdir(), "argo-replay-session-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
// One row each: a file without any is refused (see the last test).
for (const name of ["goog-1d.csv", "goog-1h.csv", "msft-1d.csv"]) writeFileSync(join(dir, name), "time,open,high,low,close,volume\n2024-01-01,1,1,1,1,0\n");

type Entry = { path: string; symbol: string; interval: string; columns?: Record<string, string> };
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

describe("the session check reads the start of each file it uses: bars spaced as the file's interval says", () => {
  const data = join(import.meta.dir, "../../../../../shared/reference/data");
  const reference = (path: string, symbol: string, interval: string, symbols = [symbol]) => {
    const config = parseConfig(replayConfigSchema, { baseDir: data, files: [{ path, symbol, interval }] }, { label: "replay config" });
    return replayProviderDefinition.checkSession(config, { symbols, interval });
  };
  /** A CSV of bars at these open times (ISO), every price 1. */
  const csv = (name: string, times: string[]) => {
    writeFileSync(join(dir, name), ["time,open,high,low,close,volume", ...times.map((t) => `${t},1,1,1,1,0`)].join("\n"));
    return name;
  };

  test("the reference files at their own intervals pass: daily with weekends, hourly with weekends, calendar months", () => {
    expect(reference("GOOG.csv", "GOOG", "1d")).toEqual([]);
    expect(reference("EURUSD.csv", "EURUSD", "1h")).toEqual([]);
    expect(reference("BTCUSD.csv", "BTCUSD", "1M")).toEqual([]);
  });

  test("daily bars configured as hourly are refused at the file's interval, naming the file, symbol and smallest gap", () => {
    expect(reference("GOOG.csv", "GOOG", "1h")).toEqual([
      {
        path: "files.0.interval",
        message: '"GOOG.csv" (GOOG) has no two bars closer than 1d in its first 500 rows, at least twice its interval "1h": set files.0.interval to the file\'s bar spacing',
      },
    ]);
  });

  test("hourly bars configured as daily are refused: most come half the interval apart or less", () => {
    const [issue] = reference("EURUSD.csv", "EURUSD", "1d");
    expect(issue?.path).toBe("files.0.interval");
    expect(issue?.message).toStartWith('"EURUSD.csv" (EURUSD) has bars about 1h apart in its first ');
    expect(issue?.message).toEndWith('rows, half its interval "1d" or less: set files.0.interval to the file\'s bar spacing');
  });

  test("gaps of a weekend or a holiday, one close row, or a short file are no mismatch", () => {
    // Thu, Fri, Mon (a weekend), Wed (a holiday), Thu: gaps 1, 3, 2, 1 days.
    const weekdays = csv("weekdays.csv", ["2024-01-04", "2024-01-05", "2024-01-08", "2024-01-10", "2024-01-11"]);
    // Three bars two days apart: too few gaps to call the file coarser than "1d".
    const short = csv("short.csv", ["2024-01-01", "2024-01-03", "2024-01-05"]);
    // Daily bars with one stray row an hour after another: the reader names that row; the spacing is daily.
    const stray = csv("stray.csv", ["2024-01-01", "2024-01-02", "2024-01-02T01:00:00Z", "2024-01-03", "2024-01-04"]);
    for (const path of [weekdays, short, stray]) expect(check([{ path, symbol: "X", interval: "1d" }], ["X"], "1d")).toEqual([]);
  });

  test("every day skipped (bars two days apart) is a file of another interval", () => {
    const everyOther = csv("every-other.csv", ["2024-01-01", "2024-01-03", "2024-01-05", "2024-01-07", "2024-01-09"]);
    const issues = check([{ path: everyOther, symbol: "X", interval: "1d" }], ["X"], "1d");
    expect(issues.map((issue) => issue.path)).toEqual(["files.0.interval"]);
    expect(issues[0]!.message).toContain("has no two bars closer than 2d in its first 5 rows");
  });

  test("30-minute bars configured as hourly are refused: exactly half the interval apart", () => {
    const halfHours = csv("half-hours.csv", ["2024-01-02T09:00:00Z", "2024-01-02T09:30:00Z", "2024-01-02T10:00:00Z", "2024-01-02T10:30:00Z", "2024-01-02T11:00:00Z"]);
    const issues = check([{ path: halfHours, symbol: "X", interval: "1h" }], ["X"], "1h");
    expect(issues.map((issue) => issue.message)).toEqual([expect.stringContaining("has bars about 30m apart in its first 5 rows, half its interval \"1h\" or less")]);
    // An hourly session that opens with a half-hour bar (09:30, 10:00, 11:00 …) is hourly.
    const session = csv("session.csv", ["2024-01-02T09:30:00Z", "2024-01-02T10:00:00Z", "2024-01-02T11:00:00Z", "2024-01-02T12:00:00Z", "2024-01-02T13:00:00Z"]);
    expect(check([{ path: session, symbol: "X", interval: "1h" }], ["X"], "1h")).toEqual([]);
  });

  test("monthly bars configured at a fixed interval are refused: calendar months are 28 to 31 days apart", () => {
    for (const interval of ["1d", "1w"]) {
      const [issue] = reference("BTCUSD.csv", "BTCUSD", interval);
      expect(issue?.message).toContain(`has no two bars closer than 28d in its first`);
    }
    // Quarter ends (90 to 92 days apart) configured as months.
    const quarters = ["2015-03-31", "2015-06-30", "2015-09-30", "2015-12-31", "2016-03-31", "2016-06-30"];
    expect(check([{ path: csv("quarters.csv", quarters), symbol: "X", interval: "1M" }], ["X"], "1M").map((i) => i.path)).toEqual(["files.0.interval"]);
  });

  test("a sparse file (minutes without trades have no bar) is not taken for a coarser one", () => {
    // Gaps of 2, 3, 5, 2, 4, 7 minutes: none adjacent, but no common spacing either.
    const minutes = [0, 2, 5, 10, 12, 16, 23].map((m) => new Date(Date.UTC(2024, 0, 2, 9, m)).toISOString());
    expect(check([{ path: csv("sparse.csv", minutes), symbol: "X", interval: "1m" }], ["X"], "1m")).toEqual([]);
  });

  test("only the files the session reads are judged", () => {
    const config = parseConfig(
      replayConfigSchema,
      { baseDir: data, files: [{ path: "GOOG.csv", symbol: "GOOG", interval: "1d" }, { path: "EURUSD.csv", symbol: "EURUSD", interval: "1d" }] },
      { label: "replay config" },
    );
    expect(replayProviderDefinition.checkSession(config, { symbols: ["GOOG"], interval: "1d" })).toEqual([]);
    expect(replayProviderDefinition.checkSession(config, { symbols: ["GOOG", "EURUSD"], interval: "1d" }).map((i) => i.path)).toEqual(["files.1.interval"]);
  });
});

describe("the session check reads the header and first rows of each file it uses, as a run does before its first bar", () => {
  const data = join(import.meta.dir, "../../../../../shared/reference/data");
  const goog = (extra: Record<string, unknown>) => {
    const config = parseConfig(replayConfigSchema, { baseDir: data, files: [{ path: "GOOG.csv", symbol: "GOOG", interval: "1d", ...extra }] }, { label: "replay config" });
    return replayProviderDefinition.checkSession(config, { symbols: ["GOOG"], interval: "1d" });
  };

  test("a mapped column the header lacks is reported at that mapping, naming the header", () => {
    const issues = goog({ columns: { close: "Adj Close" } });
    expect(issues.map((issue) => issue.path)).toEqual(["files.0.columns.close"]);
    expect(issues[0]!.message).toContain('GOOG.csv has no close column (header on line 1: ",Open,High,Low,Close,Volume"; looked for "Adj Close"');
  });

  test("a timeFormat every row fails is reported at timeFormat, with the first row's error", () => {
    const issues = goog({ timeFormat: "epoch-s" });
    expect(issues.map((issue) => issue.path)).toEqual(["files.0.timeFormat"]);
    // GOOG.csv's first data row (line 2) is dated 2004-08-19.
    expect(issues[0]!.message).toStartWith('GOOG.csv line 2, field "time": expected epoch seconds, got "2004-08-19"; so do all of the first ');
  });

  test("a JSON-lines file whose rows all lack a mapped key is reported at that mapping", () => {
    const lines = [1, 2, 3].map((day) => JSON.stringify({ t: `2024-01-0${day}`, o: 1, h: 1, l: 1, c: 1, v: 0 }));
    writeFileSync(join(dir, "keys.jsonl"), lines.join("\n"));
    const issues = check([{ path: "keys.jsonl", symbol: "X", interval: "1d", columns: { close: "last" } }], ["X"], "1d");
    expect(issues.map((issue) => issue.path)).toEqual(["files.0.columns.close"]);
    expect(issues[0]!.message).toContain("so do all of the first 3 rows");
  });

  test("a bad row among good ones, and a file with a single row, are left to the reader", () => {
    const rows = ["2024-01-01", "2024-01-02", "yesterday", "2024-01-04", "2024-01-05"].map((t) => `${t},1,1,1,1,0`);
    writeFileSync(join(dir, "one-bad.csv"), ["time,open,high,low,close,volume", ...rows].join("\n"));
    expect(check([{ path: "one-bad.csv", symbol: "X", interval: "1d" }], ["X"], "1d")).toEqual([]);
    expect(check([{ path: "goog-1d.csv", symbol: "GOOG", interval: "1d" }], ["GOOG"], "1d")).toEqual([]);
  });

  // Was "left to the reader": validate passed, then the run stopped with "no bars". Refused now, naming the file.
  test("a file with a header only, or empty, holds no bars: refused at its path", () => {
    writeFileSync(join(dir, "header-only.csv"), "time,open,high,low,close,volume\n\n");
    writeFileSync(join(dir, "empty.csv"), "");
    writeFileSync(join(dir, "empty.jsonl"), "");
    const files = [
      { path: "header-only.csv", symbol: "H", interval: "1d" },
      { path: "empty.csv", symbol: "E", interval: "1d" },
      { path: "empty.jsonl", symbol: "J", interval: "1d" },
    ];
    expect(check(files, ["H", "E", "J"], "1d")).toEqual([
      { path: "files.0.path", message: '"header-only.csv" (H) holds no bars: the file has a header and no rows' },
      { path: "files.1.path", message: '"empty.csv" (E) holds no bars: the file is empty' },
      { path: "files.2.path", message: '"empty.jsonl" (J) holds no bars: the file is empty' },
    ]);
  });

  test("a huge file is judged by its head: a header line longer than the part read is not called empty", () => {
    // 70,000 bytes of header, more than the 64 KiB the check reads: it cannot tell, and leaves the file to the reader.
    writeFileSync(join(dir, "long-header.csv"), `time,open,high,low,close,volume,${"x".repeat(70_000)}\n2024-01-01,1,1,1,1,0,1\n`);
    expect(check([{ path: "long-header.csv", symbol: "L", interval: "1d" }], ["L"], "1d")).toEqual([]);
  });
});
