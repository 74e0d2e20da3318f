import { describe, expect, test } from "bun:test";
import { DASHBOARD_SCRIPT } from "./dashboard-script.ts";
import { FORMAT_AMOUNT_SCRIPT } from "./format-amount.ts";

type FormatAmount = (n: unknown, minFraction: number, locale?: string) => string;
// The same source text the page runs.
const formatAmount = new Function(`${FORMAT_AMOUNT_SCRIPT}\nreturn formatAmount;`)() as FormatAmount;
const price = (n: unknown) => formatAmount(n, 2, "en-US");
const qty = (n: unknown) => formatAmount(n, 0, "en-US");

describe("dashboard formatAmount", () => {
  test("small prices and quantities keep their digits instead of rounding to 0.00 / 0.0000", () => {
    expect(price(0.00001234)).toBe("0.00001234");
    expect(price(0.00001301)).toBe("0.00001301");
    expect(qty(0.00004)).toBe("0.00004");
    expect(qty(-0.00004)).toBe("-0.00004");
    expect(price(0.004)).toBe("0.004");
  });

  test("up to 8 significant digits, but never fewer than the integer digits; prices keep 2 decimals at least", () => {
    expect(price(1.23456789123)).toBe("1.2345679");
    expect(price(97_123.456789)).toBe("97,123.457");
    expect(price(123_456_789.4)).toBe("123,456,789.40");
    expect(price(250)).toBe("250.00");
    expect(price(97_000)).toBe("97,000.00");
    expect(qty(12_000_000)).toBe("12,000,000");
    expect(qty(3)).toBe("3");
    expect(qty(0)).toBe("0");
  });

  test("never scientific notation, even where String(n) would use it", () => {
    expect(String(1e-7)).toBe("1e-7");
    expect(qty(1e-7)).toBe("0.0000001");
    expect(price(1.5e21)).not.toContain("e");
  });

  test("anything but a finite number is a dash", () => {
    for (const value of [undefined, null, "1.5", Number.NaN, Number.POSITIVE_INFINITY]) expect(price(value)).toBe("–");
  });

  test("the page script embeds this formatter and uses it for prices and quantities", () => {
    expect(DASHBOARD_SCRIPT).toContain(FORMAT_AMOUNT_SCRIPT);
    expect(DASHBOARD_SCRIPT).toContain("fmtQty(x.quantity), (x) => fmtPrice(x.averagePrice), (x) => fmtPrice(x.marketPrice)");
    expect(DASHBOARD_SCRIPT).toContain("fmtQty(x.filledQuantity), (x) => fmtPrice(x.limitPrice ?? x.stopPrice)");
  });
});
