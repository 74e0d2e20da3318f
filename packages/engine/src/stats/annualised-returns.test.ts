// Period returns after a backtest ran out of money: 0 → 0 has no return (NaN). backtesting.py's pandas moments skip
// it; the geometric mean is 0 already. Expectations computed by hand.
import { describe, expect, test } from "bun:test";
import { annualiseReturns } from "./annualised-returns.ts";

describe("annualiseReturns with undefined (NaN) period returns", () => {
  const returns = [-0.2, -0.875, -1, Number.NaN, Number.NaN];
  // The three defined returns: mean −2.075 / 3, sample variance Σ(r − mean)² / 2.
  const m = (-0.2 - 0.875 - 1) / 3;
  const variance = ((-0.2 - m) ** 2 + (-0.875 - m) ** 2 + (-1 - m) ** 2) / 2;

  test("return 0 (a −100 % period), volatility from the defined returns only, Sortino 0 at rf 0", () => {
    const a = annualiseReturns(returns, 252, 0);
    expect(a.returnAnn).toBe(0);
    // With g = 0: √((s² + 1)^P − 1).
    expect(a.volatilityAnn! / Math.sqrt((variance + 1) ** 252 - 1)).toBeCloseTo(1, 12);
    expect(a.sortino).toBe(0);
  });

  test("Sortino's downside mean is over the defined returns: (0 − 0.01) / (√((0.04 + 0.765625 + 1) / 3) · √252)", () => {
    const a = annualiseReturns(returns, 252, 0.01);
    expect(a.sortino!).toBeCloseTo(-0.01 / (Math.sqrt((0.04 + 0.765625 + 1) / 3) * Math.sqrt(252)), 15);
  });

  test("only undefined returns (the curve was 0 from the first period): return 0, no volatility, no Sortino", () => {
    expect(annualiseReturns([Number.NaN, Number.NaN], 252, 0)).toEqual({ returnAnn: 0, volatilityAnn: null, sortino: null });
  });

  test("one defined return beside them: no sample variance, so no volatility", () => {
    expect(annualiseReturns([-1, Number.NaN], 365, 0).volatilityAnn).toBeNull();
  });
});
