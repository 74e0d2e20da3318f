// Results folders of two engine backtests at the edges: one that closes no trade (its files keep the symbol column, as
// docs/statistics.md promises) and one whose entry fills on the first bar (its figures start from the starting cash).
// Every expectation is worked out by hand in the comments.
import { afterAll, describe, expect, test } from "bun:test";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { writeBacktestResults } from "../backtest/backtest-report.ts";
import { backtest, bars, DAY, strategy, T0 } from "../backtest/backtest.test-helper.ts";

const folder = mkdtempSync(join(tmpdir(), "argo-results-edges-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
const read = (path: string) => readFileSync(path, "utf8");
const tradesTable = (html: string) => html.match(/<table id="argo-trades">([^]*?)<\/table>/)![1]!;

describe("a backtest that closes no trade", async () => {
  const result = await backtest(bars("X", [[100, 101, 99, 101], [101, 102, 100, 102], [102, 103, 101, 103]]), strategy({}));
  const files = await writeBacktestResults(join(folder, "no-trade"), result);

  test("trades.csv is its header alone, symbol column first, like open-trades.csv", () => {
    expect(result.trades).toEqual([]);
    expect(read(files.trades)).toBe("symbol,size,entryTime,exitTime,entryPrice,exitPrice,pnl,returnPct,fees,durationMs\n");
    expect(read(files.openTrades!)).toBe("symbol,size,entryTime,entryPrice,entryFee\n");
  });

  test("report.html's trades table has its Symbol column too", () => {
    expect(tradesTable(read(files.report))).toContain("<thead><tr><th>Symbol</th><th>Size</th>");
  });
});

describe("an entry filled on the first bar that loses there", async () => {
  // The venue knows X before any bar (else an order in init is refused). A limit buy of 100 at 100 placed in init
  // fills at the first bar's open, 100: 10,000 − 10,000 cash, 100 held.
  // Closes 60, 61, 60, 62, 61: equity 100 · close = 6,000, 6,100, 6,000, 6,200, 6,100.
  const input = bars("X", [[100, 101, 59, 60], [60, 62, 59, 61], [61, 62, 59, 60], [60, 63, 59, 62], [62, 63, 60, 61]]);
  const entry = strategy({
    async init(ctx) {
      await ctx.placeOrder({ symbol: "X", side: "BUY", type: "LIMIT", limitPrice: 100, quantity: 100 });
    },
  });
  const result = await backtest(input, entry, { venue: { symbols: ["X"] }, engine: { closeAtEnd: false } });
  const files = await writeBacktestResults(join(folder, "first-bar"), result);
  const s = result.statistics;

  test("the fill is on the first bar and the curve starts at its close", () => {
    expect(result.fills.map((f) => [f.side, f.quantity, f.price, f.time])).toEqual([["BUY", 100, 100, T0]]);
    expect(Array.from(result.equity.equity)).toEqual([6_000, 6_100, 6_000, 6_200, 6_100]);
  });

  test("peak and drawdown count from the 10,000 cash: peak 10,000, 1 − 6,000 / 10,000 = −40 % over 4 days", () => {
    expect(s.equityPeak).toBe(10_000);
    expect(s.returnPct).toBeCloseTo(-39, 12);
    expect(s.maxDrawdownPct).toBeCloseTo(-40, 12);
    expect(s.maxDrawdownDuration).toBe(4 * DAY);
  });

  test("the annual return agrees in sign with Return [%]: 5 day returns from the cash compound to 0.61", () => {
    // ((0.61)^(252 / 5) − 1) · 100: the first day's −40 % counts.
    expect(s.returnAnnPct! / ((0.61 ** (252 / 5) - 1) * 100)).toBeCloseTo(1, 12);
  });

  test("equity.csv's drawdown on the first bar is 40 % under the cash", () => {
    const first = read(files.equity).split("\n")[1]!.split(",");
    expect(first[1]).toBe("6000");
    expect(Number(first[2])).toBeCloseTo(40, 12);
  });
});
