// The results folder of a backtest over two symbols: every trade names its symbol, the chart shows only the charted
// symbol's trades, and what is still open at the end is written too.
import { afterAll, describe, expect, test } from "bun:test";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { toChartData } from "../report/chart-data.ts";
import { toBacktestResults, writeBacktestResults } from "./backtest-report.ts";
import { backtest, bar, DAY, strategy, T0 } from "./backtest.test-helper.ts";

const folder = mkdtempSync(join(tmpdir(), "argo-multi-report-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

// B has no bar on day 1, so its order fills on day 2.
const input = [
  bar("A", 0, 100, 100, 100, 100), bar("A", 1, 102, 104, 101, 104), bar("A", 2, 105, 106, 103, 103), bar("A", 3, 101, 102, 99, 100),
  bar("B", 0, 50, 50, 50, 50), bar("B", 2, 55, 56, 54, 56), bar("B", 3, 57, 60, 57, 60),
];
const buyOnFirstBars = () =>
  strategy({
    onBar(b, ctx) {
      if (b.openTime === T0) return ctx.placeOrder({ side: "BUY", quantity: b.symbol === "A" ? 10 : 5 }).then(() => undefined);
    },
  });
const iso = (day: number) => new Date(T0 + day * DAY).toISOString();
const read = (path: string) => readFileSync(path, "utf8").trimEnd().split("\n");

describe("results of a two-symbol backtest", async () => {
  // A: 10 bought at day 1's open 102; B: 5 at day 2's open 55; both closed at the last opens (101 and 57) on day 3.
  const closed = await backtest(input, buyOnFirstBars());
  const files = await writeBacktestResults(join(folder, "closed"), closed);

  test("trades.csv has a symbol column and one row per trade of each symbol", () => {
    const lines = read(files.trades);
    expect(lines[0]).toBe("symbol,size,entryTime,exitTime,entryPrice,exitPrice,pnl,returnPct,fees,durationMs");
    expect(lines.slice(1).map((l) => l.split(",").slice(0, 7))).toEqual([
      ["A", "10", iso(1), iso(3), "102", "101", "-10"],
      ["B", "5", iso(2), iso(3), "55", "57", "10"],
    ]);
  });

  test("chart markers are the charted (benchmark) symbol's trades only, on its candles", async () => {
    const onA = toChartData(toBacktestResults(closed)).markers;
    expect(onA.map((m) => [m.time, m.text])).toEqual([[(T0 + DAY) / 1000, "Buy 10 @ 102"], [(T0 + 3 * DAY) / 1000, "Sell @ 101 (-0.98%)"]]);
    const onB = toChartData(toBacktestResults(await backtest(input, buyOnFirstBars(), { engine: { benchmarkSymbol: "B" } }))).markers;
    expect(onB.map((m) => [m.time, m.text])).toEqual([[(T0 + 2 * DAY) / 1000, "Buy 5 @ 55"], [(T0 + 3 * DAY) / 1000, "Sell @ 57 (3.64%)"]]);
  });

  test("report.html's trades table names the symbol of each trade", () => {
    const html = readFileSync(files.report, "utf8");
    const table = html.match(/<table id="argo-trades">([^]*?)<\/table>/)![1]!;
    expect(table).toContain("<th>Symbol</th>");
    expect(table.match(/<tr><td>(A|B)<\/td>/g)).toEqual(["<tr><td>A</td>", "<tr><td>B</td>"]);
  });

  test("open-trades.csv: only its header when everything was closed", () => {
    expect(read(files.openTrades!)).toEqual(["symbol,size,entryTime,entryPrice,entryFee"]);
  });

  test("open-trades.csv lists what closeAtEnd false leaves open, with its symbol", async () => {
    const open = await backtest(input, buyOnFirstBars(), { engine: { closeAtEnd: false } });
    const written = await writeBacktestResults(join(folder, "open"), open);
    expect(read(written.openTrades!)).toEqual(["symbol,size,entryTime,entryPrice,entryFee", `A,10,${iso(1)},102,0`, `B,5,${iso(2)},55,0`]);
    expect(read(written.trades)).toHaveLength(1);
  });
});
