import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { type Browser, chromium } from "playwright-core";
import { serveStatusApi, type StatusServer } from "../serve-status-api.ts";
import { DemoMarket } from "../testing/demo-market.ts";
import { makeOrder, makePosition } from "../testing/fixtures.ts";
import { defaultSessionInfo, MemoryStatusSession } from "../testing/memory-session.ts";

const CHROMIUM = "/usr/bin/chromium";
const ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];
const TOKEN = "dashboard-browser-token";
const OUTPUT = join(import.meta.dir, "..", "..", "test-output");

let browser: Browser | undefined;
let server: StatusServer | undefined;
let stopFeed: (() => void) | undefined;
const session = new MemoryStatusSession({ info: { ...defaultSessionInfo(Date.now()), symbols: ["BTCUSD", "ETHUSD"] } });
// Every limit the API asked the session's recent orders for: the dashboard shows open orders only.
const recentReads: number[] = [];
const readRecent = session.recentOrders.bind(session);
session.recentOrders = (limit) => {
  recentReads.push(limit);
  return readRecent(limit);
};
// Every symbol /positions has answered with, which is all the page can show.
const servedPositions = new Set<string>();
const readPositions = session.positions.bind(session);
session.positions = async () => {
  const positions = await readPositions();
  for (const position of positions) servedPositions.add(position.symbol);
  return positions;
};

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}: the dashboard test needs it (apt-get update && apt-get install -y chromium)`);
  }
  const market = new DemoMarket(session, { tradeEvery: 3 });
  // Enough history for positions and a chart before the page opens, then a live feed.
  for (let i = 0; i < 40; i++) market.nextBar();
  session.state.openOrders = [makeOrder({ symbol: "ETHUSD", side: "SELL", limitPrice: 250, clientOrderId: "tp-1" })];
  stopFeed = market.start(40);
  server = serveStatusApi(session, { host: "127.0.0.1", port: 0, token: TOKEN });
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
});

afterAll(async () => {
  stopFeed?.();
  await browser?.close();
  await server?.stop();
});

describe("dashboard in headless Chromium", () => {
  test("shows positions and a growing event feed, with the token passed to fetch, EventSource and the chart script", async () => {
    const page = await browser!.newPage({ viewport: { width: 1280, height: 860 }, locale: "en-US" });
    const failures: string[] = [];
    page.on("pageerror", (error) => failures.push(`page error: ${error.message}`));
    page.on("response", (res) => {
      if (res.status() >= 400) failures.push(`${res.status()} ${new URL(res.url()).pathname}`);
    });
    const ordersLimits: Array<string | null> = [];
    page.on("request", (req) => {
      const url = new URL(req.url());
      if (url.pathname === "/orders") ordersLimits.push(url.searchParams.get("limit"));
    });
    await page.goto(`${server!.url}/?token=${TOKEN}`);

    const positionsSymbols = await page.waitForFunction(() => {
      const cells = Array.from(document.querySelectorAll("#positions tr td:first-child")).map((td) => td.textContent);
      return cells.length > 0 ? cells : null;
    });
    // The live feed opens and closes positions meanwhile: compare with what the API served, not the state now.
    for (const symbol of (await positionsSymbols.jsonValue()) as string[]) expect([...servedPositions]).toContain(symbol);

    await page.waitForFunction(() => document.querySelector("#orders tr td:first-child")?.textContent === "ETHUSD");
    expect(await page.locator("#orders tr td").nth(5).textContent()).toBe("250.00");
    // It shows open orders only, so its polls ask for no recent ones and the session never reads them (it keeps hundreds).
    expect(session.state.recentOrders.length).toBeGreaterThan(1);
    expect(ordersLimits.length).toBeGreaterThan(0);
    expect(new Set(ordersLimits)).toEqual(new Set(["0"]));
    expect(recentReads).toEqual([]);

    const rows = () => page.locator("#feed .feed-row").count();
    await page.waitForFunction(() => document.querySelectorAll("#feed .feed-row").length >= 3);
    const first = await rows();
    await page.waitForFunction((n) => document.querySelectorAll("#feed .feed-row").length > n, first);
    expect(await rows()).toBeGreaterThan(first);

    // The chart library loaded (its script is guarded too) and drew into the chart box.
    await page.waitForSelector("#chart canvas");
    await page.waitForFunction(() => document.getElementById("equity")?.textContent !== "–");
    expect(await page.locator("#stream").textContent()).toBe("live");
    expect(await page.locator("#problem").textContent()).toBe("");
    expect(await page.content()).not.toContain(TOKEN);
    expect(failures).toEqual([]);

    mkdirSync(OUTPUT, { recursive: true });
    await page.screenshot({ path: join(OUTPUT, "dashboard.png"), fullPage: true });
    expect(existsSync(join(OUTPUT, "dashboard.png"))).toBe(true);
  }, 30_000);

  test("a token with '+' (base64) pasted into ?token= as written opens the page and every read it makes", async () => {
    const plusToken = "abc+def+ghi+jkl+mno";
    const plus = serveStatusApi(session, { host: "127.0.0.1", port: 0, token: plusToken });
    const page = await browser!.newPage();
    try {
      const refused: string[] = [];
      page.on("response", (res) => {
        if (res.status() >= 400) refused.push(`${res.status()} ${new URL(res.url()).pathname}`);
      });
      // Before: the page read "+" as a space and sent "Bearer abc def…": /session, /account… answered 401.
      await page.goto(`${plus.url}/?token=${plusToken}`);
      await page.waitForFunction(() => document.getElementById("equity")?.textContent !== "–", undefined, { timeout: 10_000 });
      expect(refused).toEqual([]);
      expect(await page.locator("#problem").textContent()).toBe("");
    } finally {
      await page.close();
      await plus.stop();
    }
  }, 30_000);

  test("without a token, the page works at 127.0.0.1 and at localhost, and small prices and quantities keep their digits", async () => {
    const small = new MemoryStatusSession({
      info: { ...defaultSessionInfo(Date.now()), symbols: ["SHIBUSDT", "BTCUSDT"] },
      positions: [
        makePosition({ symbol: "SHIBUSDT", quantity: 12_000_000, averagePrice: 0.00001234, marketPrice: 0.00001301 }),
        makePosition({ symbol: "BTCUSDT", quantity: 0.00004, averagePrice: 97_000, marketPrice: 97_100 }),
      ],
    });
    const open = serveStatusApi(small, {});
    try {
      for (const host of ["127.0.0.1", "localhost"]) {
        const page = await browser!.newPage({ locale: "en-US" });
        const failures: string[] = [];
        page.on("pageerror", (error) => failures.push(`page error: ${error.message}`));
        page.on("response", (res) => {
          if (res.status() >= 400) failures.push(`${res.status()} ${new URL(res.url()).pathname}`);
        });
        await page.goto(`http://${host}:${open.port}/`);
        const rows = await page.waitForFunction(() => {
          const trs = Array.from(document.querySelectorAll("#positions tr"));
          return trs.length === 2 ? trs.map((tr) => Array.from(tr.children).map((td) => td.textContent)) : null;
        });
        // Symbol, side, quantity, average, mark: as the session holds them, not rounded to 2 or 4 decimals.
        expect(((await rows.jsonValue()) as string[][]).map((row) => row.slice(0, 5))).toEqual([
          ["SHIBUSDT", "LONG", "12,000,000", "0.00001234", "0.00001301"],
          ["BTCUSDT", "LONG", "0.00004", "97,000.00", "97,100.00"],
        ]);
        await page.waitForFunction(() => document.getElementById("stream")?.textContent === "live");
        expect([host, await page.locator("#problem").textContent()]).toEqual([host, ""]);
        expect([host, failures]).toEqual([host, []]);
        await page.close();
      }
    } finally {
      await open.stop();
    }
  }, 30_000);

  test("after the event stream reconnects, reloads the chart it could not update meanwhile", async () => {
    const page = await browser!.newPage({ viewport: { width: 1280, height: 860 }, locale: "en-US" });
    const path = (url: string) => new URL(url).pathname;
    let connections = 0;
    const chartLoaded = page.waitForResponse((res) => path(res.url()) === "/bars");
    // Bars fetched only once the stream has connected a second time: the reload this test is about.
    const reloaded = page.waitForRequest((req) => connections >= 2 && path(req.url()) === "/bars", { timeout: 15_000 });
    // Each connection ends at once; the first asks for a quick retry, the second for none during the test.
    await page.route(
      (url) => url.pathname === "/events",
      async (route) => {
        connections++;
        if (connections === 1) await chartLoaded;
        const retry = connections === 1 ? 50 : 600_000;
        await route.fulfill({ status: 200, headers: { "Content-Type": "text/event-stream" }, body: `retry: ${retry}\n\n` });
      },
    );
    await page.goto(`${server!.url}/?token=${TOKEN}`);
    const request = await reloaded;
    expect(connections).toBe(2);
    expect(new URL(request.url()).searchParams.get("symbol")).toBe("BTCUSD");
    await page.close();
  }, 30_000);
});
