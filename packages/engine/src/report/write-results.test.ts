import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { hostname, tmpdir } from "node:os";
import { join } from "node:path";
import { googResults } from "./goog-results.test-helper.ts";
import { type ResultsFiles, writeResults } from "./write-results.ts";

const folder = mkdtempSync(join(tmpdir(), "argo-results-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const HOSTILE = `</script><script>window.pwned=1</script><!--`;

describe("writeResults", () => {
  const results = { ...googResults(HOSTILE), title: `<b>SMA & "cross"</b>` };
  let files: ResultsFiles;
  beforeAll(async () => {
    files = await writeResults(join(folder, "nested", "run-1"), results);
  });
  const read = (path: string) => readFileSync(path, "utf8");

  test("writes the four files into the (created) folder", () => {
    expect(Object.values(files).map((p) => p.slice(folder.length))).toEqual([
      "/nested/run-1/stats.json", "/nested/run-1/trades.csv", "/nested/run-1/equity.csv", "/nested/run-1/report.html",
    ]);
  });

  test("trades.csv has its header and one row per trade (66)", () => {
    const lines = read(files.trades).trimEnd().split("\n");
    expect(lines[0]).toBe("size,entryTime,exitTime,entryPrice,exitPrice,pnl,returnPct,fees,durationMs");
    expect(lines.length).toBe(1 + 66);
    expect(lines[66]!.split(",").slice(0, 5)).toEqual(["64", "2012-12-04T00:00:00.000Z", "2013-03-01T00:00:00.000Z", "695", "797.8"]);
  });

  test("equity.csv has its header and one row per bar (2148)", () => {
    const lines = read(files.equity).trimEnd().split("\n");
    expect(lines[0]).toBe("time,equity,drawdownPct");
    expect(lines.length).toBe(1 + 2148);
    expect(lines[1]).toBe("2004-08-19T00:00:00.000Z,10000,0");
  });

  test("stats.json holds every statistic, undefined ones as null", () => {
    const stats = JSON.parse(read(files.stats));
    expect(Object.keys(stats).sort()).toEqual(Object.keys(results.statistics).sort());
    expect(stats.tradeCount).toBe(66);
    expect(stats.equityFinal).toBeCloseTo(51422.99, 6);
  });

  test("report.html embeds the chart container, the library, the data, and escapes everything from the data", () => {
    const html = read(files.report);
    expect(html).toContain('<div id="argo-chart"></div>');
    expect(html).toContain("TradingView Lightweight Charts");
    // Only our three script elements close; the hostile symbol cannot end one.
    expect(html.match(/<\/script>/gi)?.length).toBe(3);
    expect(html).not.toContain("window.pwned=1</script>");
    expect(html).toContain("<title>&lt;b&gt;SMA &amp; &quot;cross&quot;&lt;/b&gt;</title>");
    const json = html.match(/<script id="argo-data" type="application\/json">([^]*?)<\/script>/)![1]!;
    const data = JSON.parse(json);
    expect(data.symbol).toBe(HOSTILE);
    expect(data.chart.candles.length).toBe(2148);
    expect(data.chart.markers.length).toBe(2 * 66);
    expect(data.chart.equity.length).toBe(2148);
  });
});

describe("writeResults into a folder an earlier run wrote", () => {
  test("run.json and open-trades.csv of the earlier run are removed when these results carry neither", async () => {
    const again = join(folder, "again");
    const earlier = googResults("first");
    const aborted = {
      status: "aborted", abortReason: "stopped", bars: 2, symbols: ["GOOG"], interval: "1d", benchmarkSymbol: "GOOG", closeAtEnd: false,
      firstBarTime: 0, lastBarTime: 86_400_000, strategyErrors: 0, ordersRejected: 0, errors: 0, tradingState: "ACTIVE", warnings: [],
    } as const;
    const first = await writeResults(again, { ...earlier, run: aborted, openTrades: [] });
    expect(first.run !== undefined && existsSync(first.run)).toBe(true);
    expect(first.openTrades !== undefined && existsSync(first.openTrades)).toBe(true);
    const second = await writeResults(again, googResults("second"));
    expect(second.run).toBeUndefined();
    expect(readdirSync(again).sort()).toEqual(["equity.csv", "report.html", "stats.json", "trades.csv"]);
  });
});

/** The last value of a curve. */
const last = (values: ArrayLike<number>) => values[values.length - 1]!;

describe("writeResults: a results folder describes one run", () => {
  /** Two runs that differ in every file: symbol, equity curve (doubled) and its final figure. */
  const runs = () => {
    const a = googResults("AAA");
    const b = googResults("BBB");
    const doubled = Array.from(b.equity, (value) => value * 2);
    return [a, { ...b, equity: doubled, statistics: { ...b.statistics, equityFinal: last(doubled) } }] as const;
  };

  test("while another writer holds the folder, the write is refused naming the folder, and no file is written", async () => {
    const held = join(folder, "held");
    mkdirSync(held);
    // A live holder: this very process, as a second write into the folder from it would be.
    const lock = join(held, ".argo-writing");
    writeFileSync(lock, JSON.stringify({ pid: process.pid, host: hostname(), token: "the-other-writer" }));
    await expect(writeResults(held, googResults())).rejects.toThrow(`results folder ${held} is being written by another process (pid ${process.pid})`);
    expect(readdirSync(held)).toEqual([".argo-writing"]);
  });

  test("a second write while the first is still writing is refused naming the folder; every file is the first's", async () => {
    const shared = join(folder, "shared");
    mkdirSync(shared);
    // stats.json as a named pipe: the first write holds the folder until the test reads it.
    const stats = join(shared, "stats.json");
    expect(Bun.spawnSync(["mkfifo", stats]).exitCode).toBe(0);
    const [a, b] = runs();
    const first = writeResults(shared, a);
    while (!existsSync(join(shared, ".argo-writing"))) await Bun.sleep(5);
    await expect(writeResults(shared, b)).rejects.toThrow(`results folder ${shared} is being written by another process`);
    expect(JSON.parse(await readFile(stats, "utf8")).equityFinal).toBe(a.statistics.equityFinal);
    await first;
    expect(Number(readFileSync(join(shared, "equity.csv"), "utf8").trimEnd().split("\n").at(-1)!.split(",")[1])).toBe(last(a.equity));
    expect(readFileSync(join(shared, "report.html"), "utf8")).toContain(`"symbol":"${a.symbol}"`);
    expect(readdirSync(shared).sort()).toEqual(["equity.csv", "report.html", "stats.json", "trades.csv"]);
  });

  test("two writes started at once leave one run's files, whichever order they take", async () => {
    const shared = join(folder, "race");
    const [a, b] = runs();
    const outcomes = await Promise.allSettled([writeResults(shared, a), writeResults(shared, b)]);
    // Both may succeed one after the other; a refusal is the one that found the other writing.
    for (const outcome of outcomes) if (outcome.status === "rejected") expect(String(outcome.reason.message)).toStartWith(`results folder ${shared} is being written by another process`);
    expect(outcomes.some((o) => o.status === "fulfilled")).toBe(true);
    const final = JSON.parse(readFileSync(join(shared, "stats.json"), "utf8")).equityFinal;
    const run = final === a.statistics.equityFinal ? a : b;
    expect(final).toBe(run.statistics.equityFinal);
    expect(Number(readFileSync(join(shared, "equity.csv"), "utf8").trimEnd().split("\n").at(-1)!.split(",")[1])).toBe(last(run.equity));
    expect(readFileSync(join(shared, "report.html"), "utf8")).toContain(`"symbol":"${run.symbol}"`);
    expect(readdirSync(shared).sort()).toEqual(["equity.csv", "report.html", "stats.json", "trades.csv"]);
  });

  test("one after the other, the second run replaces the first whole", async () => {
    const again = join(folder, "sequential");
    const [a, b] = runs();
    await writeResults(again, a);
    await writeResults(again, b);
    const stats = JSON.parse(readFileSync(join(again, "stats.json"), "utf8"));
    expect(stats.equityFinal).toBe(last(b.equity));
    expect(readFileSync(join(again, "equity.csv"), "utf8").trimEnd().split("\n").at(-1)!.split(",")[1]).toBe(String(last(b.equity)));
  });
});
