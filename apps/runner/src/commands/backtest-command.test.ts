import { afterAll, expect, test } from "bun:test";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { captureIo } from "../__fixtures__/capture-io.ts";
import { tempDir } from "../__fixtures__/session-config.ts";
import { main } from "../main.ts";

const tmp = tempDir();
afterAll(() => tmp.cleanup());
const EXAMPLE = join(import.meta.dir, "../../../../examples/backtest-goog.yaml");

test("argo backtest on GOOG.csv with the SMA strategy writes the results folder and prints the summary", async () => {
  const output = join(tmp.dir, "goog");
  const c = captureIo();
  const code = await main(["backtest", EXAMPLE, "--output", output, "--no-progress"], c.io);
  expect(c.stderr()).toBe("");
  expect(code).toBe(0);
  const out = c.stdout();
  expect(out).toContain("backtest completed: sma-cross on GOOG @ 1d, 2148 bars");
  // backtesting.py's figures for this very case (its test_compute_stats), as the summary prints them.
  expect(out).toMatch(/Equity Final \[\$\]\s+51,422\.99/);
  expect(out).toMatch(/Return \[%\]\s+414\.2299/);
  expect(out).toMatch(/# Trades\s+66\n/);
  expect(out).toMatch(/Max\. Drawdown \[%\]\s+-47\.9801/);
  for (const file of ["stats.json", "run.json", "trades.csv", "equity.csv", "report.html"]) expect(existsSync(join(output, file))).toBe(true);
  const run = JSON.parse(readFileSync(join(output, "run.json"), "utf8"));
  expect([run.status, run.bars, run.firstBarTime, run.lastBarTime, run.warnings]).toEqual(["completed", 2148, "2004-08-19T00:00:00.000Z", "2013-03-01T00:00:00.000Z", []]);
  const stats = JSON.parse(readFileSync(join(output, "stats.json"), "utf8"));
  // stats.json is the statistics object itself, with the figures the summary printed.
  expect(stats.tradeCount).toBe(66);
  expect(stats.equityFinal).toBeCloseTo(51_422.99, 2);
  expect(readFileSync(join(output, "trades.csv"), "utf8").trim().split("\n")).toHaveLength(67);
  expect(readFileSync(join(output, "equity.csv"), "utf8").trim().split("\n")).toHaveLength(2149);
}, 60_000);

test("argo backtest without a config or --strategy is a usage error", async () => {
  const c = captureIo();
  expect(await main(["backtest"], c.io)).toBe(2);
  expect(c.stderr()).toContain("--strategy");
});

test("argo backtest with a bad --from date is an invalid config naming the flag", async () => {
  const c = captureIo();
  expect(await main(["backtest", EXAMPLE, "--from", "2010-13-45", "--output", join(tmp.dir, "x")], c.io)).toBe(3);
  expect(c.stderr()).toContain('--from: must be a date like 2010-01-31, got "2010-13-45"');
});
