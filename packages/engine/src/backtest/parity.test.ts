// Parity with backtesting.py 0.6.6 through the public backtest API: GOOG daily from the replay
// provider, the example SMA-cross strategy file, the paper venue. Expected figures are
// backtesting.py's own test_compute_stats values (as in src/stats/compute-statistics.test.ts).
import "@argo/provider-paper";
import "@argo/provider-replay";
import { afterAll, describe, expect, test } from "bun:test";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { silentLogger } from "../strategy/logger.ts";
import type { BacktestStatistics } from "../stats/types.ts";
import type { BacktestOptions, CloseAtEnd } from "./backtest-options.ts";
import { writeBacktestResults } from "./backtest-report.ts";
import { runBacktest } from "./run-backtest.ts";
import { GOOG_CSV } from "../test-fixtures/goog.ts";
import { expectClose, testGoogParity } from "../test-fixtures/goog-parity.ts";

const SMA_CROSS = join(import.meta.dir, "../../../../examples/strategies/sma-cross.ts");

function options(closeAtEnd?: CloseAtEnd): BacktestOptions {
  return {
    symbols: ["GOOG"],
    interval: "1d",
    marketData: { provider: "replay", config: { files: [{ path: GOOG_CSV, symbol: "GOOG", interval: "1d" }] } },
    // All available equity in whole shares, no commission, no slippage, shorting allowed, 10,000 cash.
    trading: {
      provider: "paper",
      config: { initialCapital: 10_000, allowShorting: true, commission: { makerRate: 0, takerRate: 0 }, slippage: { model: "none" }, defaultRules: { stepSize: 1 } },
    },
    strategy: SMA_CROSS,
    strategyConfig: { fast: 10, slow: 30, sizing: { equityFraction: 1 } },
    logger: silentLogger,
    ...(closeAtEnd === undefined ? {} : { closeAtEnd }),
  };
}


const folder = mkdtempSync(join(tmpdir(), "argo-backtest-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe("GOOG SMA 10/30 through runBacktest reproduces backtesting.py 0.6.6", async () => {
  const result = await runBacktest(options());
  const stats = result.statistics;

  testGoogParity(() => stats);

  test("every bar went through the engine, buy & hold starts at the SMA(30) warm-up bar, no commissions", () => {
    expect(result.bars).toBe(2148);
    expect(result.equity.times.length).toBe(2148);
    expect(result.warmupBars).toBe(29);
    expect(stats.commissions).toBe(0);
    expect(result.status).toBe("completed");
  });

  test("the last trade is closed by the final pass at the last bar's open, stamped with the last bar's time", () => {
    const last = result.trades.at(-1)!;
    const lastFill = result.fills.at(-1)!;
    expect(last.exitTime).toBe(Date.parse("2013-03-01T00:00:00Z"));
    expect(lastFill.time).toBe(Date.parse("2013-03-01T00:00:00Z"));
    expect(last.exitPrice).toBe(result.candles.open.at(-1)!);
    expect(result.openTrades).toEqual([]);
    expect(result.positions).toEqual([]);
    // Flat after the final pass: the last equity point is the cash.
    expect(result.finalEquity).toBe(result.account.balance);
  });

  test("entries are all in: floor(cash / next open) shares, sized after the previous position closed in the same bar", () => {
    // Fills alternate: entry, then per cross a close and the next entry at the same open; the last fill is the final pass.
    const fills = result.fills;
    let cash = 10_000;
    let entry = fills[0]!;
    expect(entry.quantity).toBe(Math.floor(cash / entry.price));
    for (let i = 1; i < fills.length; i += 2) {
      const close = fills[i]!;
      expect([close.side, close.quantity]).toEqual([entry.side === "BUY" ? "SELL" : "BUY", entry.quantity]);
      cash += (entry.side === "BUY" ? 1 : -1) * entry.quantity * (close.price - entry.price);
      const next = fills[i + 1];
      if (next === undefined) break;
      expect(next.time).toBe(close.time);
      expect(next.quantity).toBe(Math.floor(cash / next.price));
      entry = next;
    }
    expect(fills).toHaveLength(2 * 66);
    expectClose(cash, 51422.99, 1e-12);
  });

  test("writeBacktestResults writes stats.json, trades.csv, equity.csv and report.html", async () => {
    const files = await writeBacktestResults(folder, result, "GOOG SMA 10/30");
    for (const path of Object.values(files)) expect(existsSync(path)).toBe(true);
    const written = JSON.parse(readFileSync(files.stats, "utf8")) as BacktestStatistics;
    expectClose(written.equityFinal, 51422.99);
    expect(readFileSync(files.trades, "utf8").trim().split("\n")).toHaveLength(1 + 66);
    expect(readFileSync(files.equity, "utf8").trim().split("\n")).toHaveLength(1 + 2148);
  });
});

describe("closeAtEnd on GOOG", () => {
  test('"last-close" closes at the last close: Equity Final 51959.95, as docs/statistics.md states', async () => {
    const result = await runBacktest(options("last-close"));
    expectClose(result.statistics.equityFinal, 51959.95);
    expect(result.statistics.tradeCount).toBe(66);
    expect(result.trades.at(-1)!.exitPrice).toBe(result.candles.close.at(-1)!);
  });

  test("false leaves the last trade open: 65 closed trades, one open lot, equity marked at the last close", async () => {
    const result = await runBacktest(options(false));
    expect(result.statistics.tradeCount).toBe(65);
    expect(result.openTrades).toHaveLength(1);
    expect(result.positions).toHaveLength(1);
    const lot = result.openTrades[0]!;
    const marked = result.account.balance + lot.size * result.candles.close.at(-1)!;
    expectClose(result.finalEquity, marked, 1e-12);
    expectClose(result.finalEquity, 51959.95);
  });
});
