import { describe, expect, test } from "bun:test";
import { googBars } from "../test-fixtures/goog.ts";
import { RollingSma } from "./rolling-sma.ts";

/** The plain mean of the `n` values ending at `t`, added oldest first (no running sum). */
function plainMean(values: readonly number[], t: number, n: number): number | null {
  if (t < n - 1) return null;
  let sum = 0;
  for (let k = t - n + 1; k <= t; k++) sum += values[k]!;
  return sum / n;
}

/**
 * The bound in RollingSma's comment, 48·(period − 1)·u + u with u = 2^-53, plus the plain mean's own rounding,
 * (period − 1)·u, as the reference is computed in floats too.
 */
function bound(period: number): number {
  return (49 * (period - 1) + 1) * 2 ** -53;
}

/** A seeded random walk whose level changes by orders of magnitude along the way. */
function swingingWalk(count: number, seed: number): number[] {
  let state = seed;
  const random = () => ((state = (state * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648);
  const out: number[] = [];
  let price = 1e6;
  for (let i = 0; i < count; i++) {
    // Every 5,000 values the level jumps by 10^±3, which would expose a sum that never gets rebuilt.
    if (i > 0 && i % 5_000 === 0) price *= random() < 0.5 ? 1e-3 : 1e3;
    price *= 1 + (random() - 0.5) * 0.02;
    out.push(price);
  }
  return out;
}

describe("RollingSma", () => {
  test("is null until the window is full, then the mean of the last period values", () => {
    const sma = new RollingSma(3);
    expect(sma.add(1)).toBeNull();
    expect(sma.add(2)).toBeNull();
    expect(sma.add(6)).toBe(3);
    expect(sma.add(10)).toBe(6);
    expect(sma.add(-1)).toBe(5);
  });

  test("a period of 1 returns each value", () => {
    const sma = new RollingSma(1);
    for (const v of [3.5, 0.1, 1e9, 7]) expect(sma.add(v)).toBe(v);
  });

  test("matches the plain mean over 60,000 values with level jumps (periods 1, 2, 10, 30, 200)", () => {
    const values = swingingWalk(60_000, 7);
    for (const period of [1, 2, 10, 30, 200]) {
      const sma = new RollingSma(period);
      let worst = 0;
      let exactAtWrap = 0;
      for (let t = 0; t < values.length; t++) {
        const got = sma.add(values[t]!);
        const want = plainMean(values, t, period);
        if (want === null) {
          expect(got).toBeNull();
          continue;
        }
        const error = Math.abs(got! - want) / Math.abs(want);
        if (error > worst) worst = error;
        // Each time the ring wraps the sum is rebuilt in the plain order: the value is then identical.
        if ((t + 1) % period === 0) {
          expect(got).toBe(want);
          exactAtWrap++;
        }
      }
      expect(worst, `period ${period}`).toBeLessThan(bound(period));
      expect(exactAtWrap).toBe(Math.floor(values.length / period));
    }
  });

  test("a huge close leaving the window leaves no rounding behind: the plain mean from that bar on (GOOG closes, 1e17 spike)", () => {
    const closes = googBars(300).map((b) => b.close);
    for (const spike of [1e9, 1e17]) {
      const values = closes.slice();
      values[100] = spike;
      for (const period of [10, 20]) {
        const sma = new RollingSma(period);
        let worst = 0;
        for (let t = 0; t < values.length; t++) {
          const got = sma.add(values[t]!);
          const want = plainMean(values, t, period);
          // The bar the spike leaves: the sum is rebuilt oldest first, so the value is the plain mean itself.
          if (t === 100 + period) expect(got, `period ${period}, spike ${spike}, bar ${t}`).toBe(want);
          if (t >= 100 + period) worst = Math.max(worst, Math.abs(got! - want!) / want!);
        }
        // A sum that kept the spike's rounding is 0.6% off (1e17) or 2e-11 (1e9) for up to period − 1 bars.
        expect(worst, `period ${period}, spike ${spike}`).toBeLessThan(bound(period));
      }
    }
  });

  test("reads the close of a bar", () => {
    const sma = new RollingSma(2);
    const bar = (close: number) => ({ symbol: "X", interval: "1m", openTime: 0, open: close, high: close, low: close, close, volume: 1 });
    expect(sma.update(bar(4))).toBeNull();
    expect(sma.update(bar(8))).toBe(6);
  });
});
