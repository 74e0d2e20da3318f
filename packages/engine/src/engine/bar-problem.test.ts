import { describe, expect, test } from "bun:test";
import type { Bar } from "@argo/core";
import { barProblem } from "./bar-problem.ts";

const T = Date.UTC(2024, 0, 1, 0, 5);
const bar = (extra: Partial<Record<keyof Bar, unknown>> = {}): Bar =>
  ({ symbol: "BTCUSDT", interval: "1m", openTime: T, open: 100, high: 101, low: 99, close: 100.5, volume: 12, ...extra }) as Bar;

describe("barProblem", () => {
  test("a sound bar, zero volume included, has none", () => {
    expect(barProblem(bar())).toBeUndefined();
    expect(barProblem(bar({ volume: 0 }))).toBeUndefined();
  });

  test("names the symbol, the bar's time and the bad field", () => {
    expect(barProblem(bar({ volume: Number.NaN }))).toBe("bar BTCUSDT 2024-01-01T00:05:00.000Z: volume is NaN, not a finite number");
    expect(barProblem(bar({ high: Number.POSITIVE_INFINITY }))).toBe("bar BTCUSDT 2024-01-01T00:05:00.000Z: high is Infinity, not a finite number");
    expect(barProblem(bar({ volume: -3 }))).toBe("bar BTCUSDT 2024-01-01T00:05:00.000Z: volume is -3, below zero");
    expect(barProblem(bar({ close: "101.5" }))).toBe('bar BTCUSDT 2024-01-01T00:05:00.000Z: close is the string "101.5", not a finite number');
  });

  test("every bad field is named; a bad open time is shown as it is", () => {
    expect(barProblem(bar({ open: Number.NaN, low: Number.NEGATIVE_INFINITY }))).toBe(
      "bar BTCUSDT 2024-01-01T00:05:00.000Z: open is NaN, not a finite number; low is -Infinity, not a finite number",
    );
    expect(barProblem(bar({ openTime: Number.NaN }))).toBe("bar BTCUSDT NaN: openTime is NaN, not a finite number");
    expect(barProblem(bar({ openTime: undefined }))).toBe("bar BTCUSDT undefined: openTime is undefined, not a finite number");
  });
});

describe("the candle rule, the same for live streams and backtests", () => {
  test("a price at or below zero, a high below the open or close, a low above them: each named with its values", () => {
    const at = "bar BTCUSDT 2024-01-01T00:05:00.000Z: ";
    expect(barProblem(bar({ low: 0, open: 0.5 }))).toBe(`${at}low is 0: prices must be positive`);
    expect(barProblem(bar({ high: 100.2 }))).toBe(`${at}high 100.2 is below the close 100.5`);
    expect(barProblem(bar({ high: 99.5, low: 99 }))).toBe(`${at}high 99.5 is below the open 100`);
    expect(barProblem(bar({ low: 100.3 }))).toBe(`${at}low 100.3 is above the open 100`);
    expect(barProblem(bar({ high: 98, low: 102 }))).toBe(`${at}high 98 is below the open 100; low 102 is above the open 100`);
  });

  test("a price the feed left as text is refused even where it would compare as a number", () => {
    expect(barProblem(bar({ close: "100" }))).toBe('bar BTCUSDT 2024-01-01T00:05:00.000Z: close is the string "100", not a finite number');
    expect(barProblem(bar({ low: "99" }))).toContain('low is the string "99"');
  });
});
