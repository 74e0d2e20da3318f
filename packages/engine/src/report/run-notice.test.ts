// The report's notice and run.json from a `run` given to writeResults / renderReportHtml: what each case shows, nothing
// for a clean run or for results without a run (existing callers), and run.json's times as ISO 8601.
import { afterAll, describe, expect, test } from "bun:test";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { googResults } from "./goog-results.test-helper.ts";
import { renderReportHtml } from "./render-report-html.ts";
import { runNotice } from "./run-notice.ts";
import type { ReportRun } from "./types.ts";
import { writeResults } from "./write-results.ts";

const folder = mkdtempSync(join(tmpdir(), "argo-run-notice-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const CLEAN: ReportRun = {
  status: "completed", bars: 2148, symbols: ["GOOG"], interval: "1d", benchmarkSymbol: "GOOG", closeAtEnd: "last-open",
  firstBarTime: Date.UTC(2004, 7, 19), lastBarTime: Date.UTC(2013, 2, 1), strategyErrors: 0, ordersRejected: 0, errors: 0,
  tradingState: "ACTIVE", warnings: [],
};

/** The `<li>` texts of the notice, in order; [] when there is none. */
function items(html: string): string[] {
  const notice = html.match(/<div id="argo-notice"[^]*?<\/div>/)?.[0];
  return notice === undefined ? [] : [...notice.matchAll(/<li>([^]*?)<\/li>/g)].map((m) => m[1]!);
}

describe("the notice", () => {
  test("none for a clean run, none without a run", () => {
    expect(runNotice(CLEAN)).toBe("");
    expect(runNotice(undefined)).toBe("");
    const html = renderReportHtml({ ...googResults(), run: CLEAN }, "");
    expect(html.includes("argo-notice")).toBe(false);
    expect(renderReportHtml(googResults(), "") === html).toBe(true);
  });

  test("a run that ran out of money says so in the heading; its warning and the halt are the items", () => {
    const run: ReportRun = { ...CLEAN, tradingState: "HALTED", outOfMoney: { time: Date.UTC(2008, 9, 10), equity: -12 }, warnings: ["out of money at …"] };
    const html = renderReportHtml({ ...googResults(), run }, "");
    expect(html).toContain("<strong>This backtest ran out of money</strong>");
    expect(items(html)).toEqual(["Problems during the run (see the log): trading state at the end: HALTED.", "Warning: out of money at …"]);
    expect(runNotice({ ...run, status: "aborted" })).toContain("<strong>This backtest was aborted</strong>");
  });

  test("problems: only the non-zero counters, and a trading state other than ACTIVE", () => {
    const html = renderReportHtml({ ...googResults(), run: { ...CLEAN, ordersRejected: 3, errors: 1, tradingState: "HALTED" } }, "");
    expect(items(html)).toEqual(["Problems during the run (see the log): orders refused: 3, other errors: 1, trading state at the end: HALTED."]);
    expect(html).toContain("This backtest needs attention");
  });

  test("aborted (one bar), with problems and two warnings: one item each, escaped, under the title and before the chart", () => {
    const run: ReportRun = {
      ...CLEAN, status: "aborted", abortReason: `"quit" <now>`, bars: 1, strategyErrors: 2, warnings: ["a < b", "c & d"],
    };
    const html = renderReportHtml({ ...googResults(), run }, "");
    expect(items(html)).toEqual([
      "Aborted after 1 bar: &quot;quit&quot; &lt;now&gt;. Nothing was closed at the end; the statistics cover only the bars replayed.",
      "Problems during the run (see the log): strategy errors: 2.",
      "Warning: a &lt; b",
      "Warning: c &amp; d",
    ]);
    expect(html).toContain("This backtest was aborted");
    const at = html.indexOf('<div id="argo-notice"');
    expect(at).toBeGreaterThan(html.indexOf("</h1>"));
    expect(at).toBeLessThan(html.indexOf('<div id="argo-chart">'));
  });
});

describe("run.json", () => {
  test("written beside stats.json when the results carry a run, bar times as ISO 8601, no abortReason when completed", async () => {
    const files = await writeResults(join(folder, "with-run"), { ...googResults(), run: CLEAN });
    expect(files.run).toBe(join(folder, "with-run", "run.json"));
    expect(JSON.parse(readFileSync(files.run!, "utf8"))).toEqual({
      status: "completed", bars: 2148, symbols: ["GOOG"], interval: "1d", benchmarkSymbol: "GOOG", closeAtEnd: "last-open",
      firstBarTime: "2004-08-19T00:00:00.000Z", lastBarTime: "2013-03-01T00:00:00.000Z", strategyErrors: 0, ordersRejected: 0, errors: 0,
      tradingState: "ACTIVE", warnings: [],
    });
  });

  test("results without a run (existing callers): no run.json, no `run` in the files", async () => {
    const files = await writeResults(join(folder, "without-run"), googResults());
    expect("run" in files).toBe(false);
    expect(existsSync(join(folder, "without-run", "run.json"))).toBe(false);
  });
});
