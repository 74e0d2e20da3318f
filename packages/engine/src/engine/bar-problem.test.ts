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
