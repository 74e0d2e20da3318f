import { describe, expect, test } from "bun:test";
import { marketBeta } from "./market-beta.ts";

/** Closes of a seeded random walk with the given step size. */
function walk(n: number, step: number): number[] {
  let state = 5;
  let price = 100;
  return Array.from({ length: n }, () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return (price *= 1 + (state / 2_147_483_648 - 0.5) * 2 * step);
  });
}

describe("marketBeta", () => {
  test("an equity curve that is a power of the price has that power as beta (ln returns scale)", () => {
    // Small steps use the series, large ones Math.log: both must give the same figure.
    for (const step of [0.001, 0.2]) {
      const closes = walk(2_000, step);
      expect(marketBeta(closes.map((c) => 3 * c * c), closes)).toBeCloseTo(2, 10);
      expect(marketBeta(closes.map((c) => 50 / c), closes)).toBeCloseTo(-1, 10);
    }
  });

  test("a flat equity curve has beta 0; a flat price or fewer than 3 bars none", () => {
    const closes = walk(50, 0.01);
    expect(marketBeta(closes.map(() => 7), closes)).toBe(0);
    expect(marketBeta(closes, closes.map(() => 7))).toBeNull();
    expect(marketBeta([1, 2], [1, 2])).toBeNull();
  });
});
