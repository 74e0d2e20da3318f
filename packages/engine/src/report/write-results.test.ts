import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
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
