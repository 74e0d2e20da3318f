// Extreme but valid settings (volatility and trendStrength up to 1) must still give valid bars: prices are clamped to
// [MIN_PRICE, MAX_PRICE] in log space instead of running off to Infinity or 0.
import { describe, expect, test } from "bun:test";
import type { Bar } from "@argo/core";
import * as v from "valibot";
import { PricePath } from "./price-path.ts";
import { type SimulatedConfigInput, simulatedConfigSchema } from "./simulated-config.ts";

// The documented bounds (README), written out rather than imported: the test says what they must be.
const MIN_PRICE = 1e-100;
const MAX_PRICE = 1e100;

function generate(input: SimulatedConfigInput, count: number): Bar[] {
  const path = new PricePath("X", "1m", v.parse(simulatedConfigSchema, input));
  return Array.from({ length: count }, () => path.next());
}

/** The first bar that is not a candle a venue accepts (finite, low above 0, low <= open, close <= high), else undefined. */
function firstInvalid(bars: readonly Bar[]): Bar | undefined {
  return bars.find((b) => !(b.low > 0 && b.low <= Math.min(b.open, b.close) && b.high >= Math.max(b.open, b.close) && Number.isFinite(b.high)));
}

describe("simulated: prices stay finite and positive", () => {
  test("increasing at volatility 1, trendStrength 1: valid bars, the close rises to MAX_PRICE and stays at or below it", () => {
    // A drift of 1 per bar in log space reaches ln(1e100 / 100) ≈ 225.7 within a few hundred bars.
    const bars = generate({ pattern: "increasing", volatility: 1, trendStrength: 1, seed: 1 }, 1000);
    expect(firstInvalid(bars)).toBeUndefined();
    expect(bars.some((b) => b.close === MAX_PRICE)).toBe(true);
    expect(bars.every((b) => b.close <= MAX_PRICE)).toBe(true);
    // Each bar opens at the previous close, also at the bound.
    expect(bars.slice(1).every((b, i) => b.open === bars[i]!.close)).toBe(true);
  });

  test("decreasing at volatility 1, trendStrength 1: valid bars, the close falls to MIN_PRICE and stays at or above it", () => {
    const bars = generate({ pattern: "decreasing", volatility: 1, trendStrength: 1, seed: 1 }, 1000);
    expect(firstInvalid(bars)).toBeUndefined();
    expect(bars.some((b) => b.close === MIN_PRICE)).toBe(true);
    expect(bars.every((b) => b.close >= MIN_PRICE)).toBe(true);
  });

  test("every pattern and several seeds at the extremes give only valid bars", () => {
    for (const pattern of ["increasing", "decreasing", "volatile", "random_walk"] as const) {
      for (const seed of [1, 2, 3]) {
        const bars = generate({ pattern, volatility: 1, trendStrength: 1, seed }, 3000);
        expect([pattern, seed, firstInvalid(bars)]).toEqual([pattern, seed, undefined]);
      }
    }
  });

  test("an initial price beyond the bounds starts at the nearest one", () => {
    const high = generate({ initialPrice: 1e300, volatility: 1 }, 50);
    const low = generate({ initialPrice: 1e-300, volatility: 1 }, 50);
    expect([high[0]!.open, low[0]!.open]).toEqual([MAX_PRICE, MIN_PRICE]);
    expect([firstInvalid(high), firstInvalid(low)]).toEqual([undefined, undefined]);
  });

  test("default settings stay far inside the bounds: the path starts at the initial price and every bar is valid", () => {
    // Default settings: 1% volatility over 1000 bars moves the price by a factor near 1, nowhere near a bound.
    const bars = generate({}, 1000);
    expect(bars[0]!.open).toBe(100);
    expect(bars.every((b) => b.close > 1 && b.close < 1e4)).toBe(true);
    expect(firstInvalid(bars)).toBeUndefined();
  });
});
