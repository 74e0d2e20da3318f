import { afterAll, expect, test } from "bun:test";
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium } from "playwright-core";
import { googResults } from "./goog-results.test-helper.ts";
import { writeResults } from "./write-results.ts";

const CHROMIUM = "/usr/bin/chromium";
const ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync"];
const SCREENSHOT = join(import.meta.dir, "../../test-output/report.png");

const folder = mkdtempSync(join(tmpdir(), "argo-report-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

test("report.html renders the candles, the equity pane and every trade marker in headless Chromium; an aborted run's notice above the chart", async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium is not installed at ${CHROMIUM}: run "apt-get update && apt-get install -y chromium" (the report test needs it)`);
  }
  const results = googResults();
  const files = await writeResults(folder, results);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    // The report is self-contained: any request beyond the file itself is a bug.
    const requests: string[] = [];
    page.on("request", (request) => requests.push(request.url()));
    await page.goto(pathToFileURL(files.report).href);
    await page.waitForFunction(() => (window as unknown as { __argoReport?: unknown }).__argoReport !== undefined, null, { timeout: 10_000 });
    const report = await page.evaluate(() => (window as unknown as { __argoReport: Record<string, number> }).__argoReport);
    expect(errors).toEqual([]);
    expect(requests.filter((url) => url !== pathToFileURL(files.report).href)).toEqual([]);
    expect(report).toEqual({ markers: 2 * results.trades.length, candles: 2148, equityPoints: 2148 });
    const canvases = await page.$$eval("#argo-chart canvas", (list) =>
      list.map((c) => ({ width: (c as HTMLCanvasElement).width, height: (c as HTMLCanvasElement).height })));
    expect(canvases.length).toBeGreaterThan(0);
    expect(canvases.some((c) => c.width > 0 && c.height > 0)).toBe(true);
    const statRows = await page.$$eval("#argo-stats tr", (rows) => rows.length);
    expect(statRows).toBeGreaterThan(30);
    mkdirSync(join(SCREENSHOT, ".."), { recursive: true });
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
    expect(existsSync(SCREENSHOT)).toBe(true);
    expect(await page.$("#argo-notice")).toBeNull();

    // An aborted run: the notice is shown above the chart, which still draws.
    const aborted = await writeResults(join(folder, "aborted"), {
      ...results,
      run: {
        status: "aborted", abortReason: "stopped", bars: 2148, symbols: ["GOOG"], interval: "1d", benchmarkSymbol: "GOOG", closeAtEnd: "last-open",
        firstBarTime: results.candles[0]!.time, lastBarTime: results.candles.at(-1)!.time, strategyErrors: 0, ordersRejected: 0, errors: 0,
        tradingState: "ACTIVE", warnings: [],
      },
    });
    await page.goto(pathToFileURL(aborted.report).href);
    await page.waitForFunction(() => (window as unknown as { __argoReport?: unknown }).__argoReport !== undefined, null, { timeout: 10_000 });
    expect(errors).toEqual([]);
    const notice = await page.$eval("#argo-notice", (el) => ({ text: (el as HTMLElement).innerText, box: el.getBoundingClientRect().toJSON() as DOMRect }));
    const chart = await page.$eval("#argo-chart", (el) => el.getBoundingClientRect().toJSON() as DOMRect);
    expect(notice.text).toContain("Aborted after 2148 bars: stopped.");
    expect(notice.box.height).toBeGreaterThan(0);
    expect(notice.box.y + notice.box.height).toBeLessThanOrEqual(chart.y);
  } finally {
    await browser.close();
  }
}, 60_000);
