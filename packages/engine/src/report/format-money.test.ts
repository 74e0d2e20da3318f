// Money in the report and the CLI summary: two decimals for dollar-size amounts, but never a 0.00 that hides a fee in
// BTC. Expected strings are written by hand from the rule (2 decimals when they hold the figure, else 6 significant).
import { afterAll, describe, expect, test } from "bun:test";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { writeBacktestResults } from "../backtest/backtest-report.ts";
import { backtest, bars, onBarAt } from "../backtest/backtest.test-helper.ts";
import { formatMoney, formatPlain, formatStatistic } from "./format-statistic.ts";

const folder = mkdtempSync(join(tmpdir(), "argo-format-money-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe("formatMoney", () => {
  test("amounts of 1 or more, and 0, keep two decimals (grouped in the statistics table, plain in the trades table)", () => {
    expect([formatMoney(51_422.99), formatMoney(-1_234.5), formatMoney(1.00187), formatMoney(0)]).toEqual(["51,422.99", "-1,234.50", "1.00", "0.00"]);
    expect([formatMoney(51_422.99, false), formatMoney(-1_234.5, false)]).toEqual(["51422.99", "-1234.50"]);
  });

  test("under 1: two decimals when they hold it, else up to 6 significant digits, never an exponent", () => {
    expect([formatMoney(0.5), formatMoney(0.25), formatMoney(-0.5)]).toEqual(["0.50", "0.25", "-0.50"]);
    expect([formatMoney(0.00187), formatMoney(1e-8), formatMoney(-0.004), formatMoney(0.123456789), formatMoney(1.5e-12)]).toEqual([
      "0.00187", "0.00000001", "-0.004", "0.123457", "0.0000000000015",
    ]);
  });

  test("formatStatistic writes money the same way (the CLI summary uses it)", () => {
    expect(formatStatistic(0.00187, "money")).toBe("0.00187");
    expect(formatStatistic(10_000, "money")).toBe("10,000.00");
  });
});

describe("formatPlain (prices and sizes in the trades table)", () => {
  test("a satoshi price or a tiny size is written out, never as 1e-8; other numbers keep their shortest form", () => {
    expect([formatPlain(1e-8), formatPlain(2.5e-7), formatPlain(1e21)]).toEqual(["0.00000001", "0.00000025", "1000000000000000000000"]);
    expect([formatPlain(101.25), formatPlain(0.1 + 0.2), formatPlain(-3), formatPlain(Number.NaN)]).toEqual(["101.25", "0.30000000000000004", "-3", "NaN"]);
  });
});

describe("a backtest in an account of 1 (a BTC account) trading a symbol priced 0.01", async () => {
  // Buy 10 at d1's open 0.01 (notional 0.1, fee 0.1% = 0.0001); closed at the end at d2's open 0.02 (fee 0.0002).
  // Fees 0.0003; PnL 10 · 0.01 − 0.0003 = 0.0997; final equity 1.0997.
  const input = bars("X", [[0.01, 0.01, 0.01, 0.01], [0.01, 0.011, 0.009, 0.01], [0.02, 0.021, 0.019, 0.02]]);
  const result = await backtest(input, onBarAt((i, _b, ctx) => (i === 0 ? ctx.placeOrder({ side: "BUY", quantity: 10 }) : undefined)), {
    venue: { initialCapital: 1, commission: { makerRate: 0.001, takerRate: 0.001 } },
  });
  const files = await writeBacktestResults(join(folder, "btc"), result);
  const html = readFileSync(files.report, "utf8");

  test("the trades table shows the fees 0.0003 and the PnL 0.0997, not 0.00 and 0.10", () => {
    const row = html.match(/<table id="argo-trades">[^]*?<tbody>\n(<tr>.*?<\/tr>)/)![1]!;
    const cells = [...row.matchAll(/<td>(.*?)<\/td>/g)].map((m) => m[1]);
    // Symbol, Size, Entry, Exit, Entry price, Exit price, PnL, Return [%], Fees.
    expect([cells[6], cells[8]]).toEqual(["0.0997", "0.0003"]);
  });

  test("the statistics table shows Commissions 0.0003 and Equity Final 1.10", () => {
    expect(html).toContain("<tr><td>Commissions [$]</td><td>0.0003</td></tr>");
    expect(html).toContain("<tr><td>Equity Final [$]</td><td>1.10</td></tr>");
  });
});

describe("a backtest of a symbol priced in satoshis (1e-8)", async () => {
  // Buy 1,000,000 at d1's open 0.00000001 (0.01 spent); closed at the end at d2's open 0.00000002: PnL 0.01.
  const input = bars("X", [[1e-8, 1e-8, 1e-8, 1e-8], [1e-8, 1e-8, 1e-8, 1e-8], [2e-8, 2e-8, 2e-8, 2e-8]]);
  const result = await backtest(input, onBarAt((i, _b, ctx) => (i === 0 ? ctx.placeOrder({ side: "BUY", quantity: 1_000_000 }) : undefined)), {
    venue: { initialCapital: 1 },
  });
  const files = await writeBacktestResults(join(folder, "sats"), result);
  const html = readFileSync(files.report, "utf8");

  test("the trades table writes the prices out (0.00000001, 0.00000002), not in exponent form", () => {
    const row = html.match(/<table id="argo-trades">[^]*?<tbody>\n(<tr>.*?<\/tr>)/)![1]!;
    const cells = [...row.matchAll(/<td>(.*?)<\/td>/g)].map((m) => m[1]);
    expect([cells[1], cells[4], cells[5], cells[6]]).toEqual(["1000000", "0.00000001", "0.00000002", "0.01"]);
  });
});
