// The dashboard of a real `argo run` demo session in headless Chromium: positions appear, the feed grows, and a
// screenshot is kept in test/e2e/test-output/dashboard.png.
import type { Position } from "@argo/core";
import { expect, test } from "bun:test";
import { existsSync, mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { startDemoRunner } from "./support/runner-process.ts";

const CHROMIUM = "/usr/bin/chromium";
const ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];
const OUTPUT = join(import.meta.dir, "test-output");
const TOKEN = "e2e-dashboard-token-Lr50";

test("the dashboard of a running demo session shows positions and a feed that updates", async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: the dashboard test needs it (apt-get install -y chromium)`);
  // A token set through the environment, as an operator would: the page must still work and never show it.
  const runner = await startDemoRunner({ barDelayMs: 40, env: { ARGO__STATUS__TOKEN: TOKEN } });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 860 }, locale: "en-US" });
    const failures: string[] = [];
    page.on("pageerror", (error) => failures.push(`page error: ${error.message}`));
    page.on("response", (res) => {
      if (res.status() >= 400) failures.push(`${res.status()} ${new URL(res.url()).pathname}`);
    });
    await page.goto(`${runner.url}/?token=${TOKEN}`);

    const shown = (await (
      await page.waitForFunction(() => {
        const cells = Array.from(document.querySelectorAll("#positions tr td:first-child")).map((td) => td.textContent ?? "");
        return cells.length > 0 ? cells : null;
      }, undefined, { timeout: 15_000 })
    ).jsonValue()) as string[];
    // The session holds positions by now, and the page shows only the session's symbols.
    const api = (await (await fetch(`${runner.url}/positions`, { headers: { Authorization: `Bearer ${TOKEN}` } })).json()) as { positions: Position[] };
    for (const symbol of shown) expect(["BTCUSD", "ETHUSD"]).toContain(symbol);
    expect(api.positions.length).toBeGreaterThan(0);

    await page.waitForFunction(() => document.querySelectorAll("#feed .feed-row").length >= 3, undefined, { timeout: 15_000 });
    const first = await page.locator("#feed .feed-row").count();
    await page.waitForFunction((n) => document.querySelectorAll("#feed .feed-row").length > n, first, { timeout: 15_000 });
    expect(await page.locator("#feed .feed-row").count()).toBeGreaterThan(first);

    await page.waitForSelector("#chart canvas");
    await page.waitForFunction(() => document.getElementById("equity")?.textContent !== "–");
    expect(await page.locator("#mode").textContent()).toContain("paper");
    expect(await page.locator("#stream").textContent()).toBe("live");
    expect(await page.locator("#problem").textContent()).toBe("");
    expect(await page.content()).not.toContain(TOKEN);
    expect(failures).toEqual([]);

    mkdirSync(OUTPUT, { recursive: true });
    const shot = join(OUTPUT, "dashboard.png");
    rmSync(shot, { force: true });
    await page.screenshot({ path: shot, fullPage: true });
    expect(existsSync(shot)).toBe(true);
  } finally {
    await browser.close();
    runner.proc.kill("SIGTERM");
    expect(await runner.exited).toBe(0);
    await runner.dispose();
  }
  expect(runner.stderr()).not.toContain(TOKEN);
}, 45_000);
