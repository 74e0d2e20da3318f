import { describe, expect, test } from "bun:test";
import { computeDrawdowns } from "./drawdown.ts";
import { drawdownDefinition as definition } from "./drawdown-definition.test-helper.ts";

const DAY = 86_400_000;
const days = (n: number) => Array.from({ length: n }, (_, i) => i * DAY);

describe("computeDrawdowns", () => {
  test("backtesting.py's test_compute_drawdown: drawdowns 0,1,7,0,4,0,0 % give periods of 3 and 2 bars peaking at 7 % and 4 %", () => {
    const equity = [100, 99, 93, 100, 96, 100, 100];
    const { peaks, durations, maxDrawdown } = computeDrawdowns(days(7), equity);
    expect(durations).toEqual([3 * DAY, 2 * DAY]);
    expect(peaks[0]).toBeCloseTo(0.07, 12);
    expect(peaks[1]).toBeCloseTo(0.04, 12);
    expect(maxDrawdown).toBeCloseTo(0.07, 12);
  });

  test("peaks are measured from the running maximum, and a period still open at the end runs to the last bar", () => {
    // Peak 120 at bar 2; 90 is 25 % below it; new high 130 at bar 4; ends at 104, 20 % under 130.
    const equity = [100, 110, 120, 90, 130, 117, 104];
    const { peaks, durations, maxDrawdown } = computeDrawdowns(days(7), equity);
    expect(durations).toEqual([2 * DAY, 2 * DAY]);
    expect(peaks[0]).toBeCloseTo(0.25, 12);
    expect(peaks[1]).toBeCloseTo(0.2, 12);
    expect(maxDrawdown).toBeCloseTo(0.25, 12);
  });

  test("a curve that only rises has no drawdown periods", () => {
    expect(computeDrawdowns(days(4), [1, 2, 3, 4])).toEqual({ maxDrawdown: 0, peaks: [], durations: [] });
  });

  test("a drawdown on the last bar alone counts as a one-bar period", () => {
    const { peaks, durations } = computeDrawdowns(days(3), [100, 100, 95]);
    expect(durations).toEqual([DAY]);
    expect(peaks[0]).toBeCloseTo(0.05, 12);
  });

  test("time between bars, not bar count, is the duration", () => {
    const times = [0, DAY, 5 * DAY, 6 * DAY];
    expect(computeDrawdowns(times, [10, 9, 9.5, 10]).durations).toEqual([6 * DAY]);
  });

  test("equals the bar-by-bar definition exactly, for positive curves and for curves with zero, negative or NaN values", () => {
    let state = 17;
    const next = () => (state = (state * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
    const curves: number[][] = [[0, 0, 0], [-1, -2, -1.5], [100, 0, 50], [100, Number.NaN, 90, 110], [5, Infinity, 4], [3, 2, 1]];
    for (let k = 0; k < 400; k++) {
      let value = 100;
      const curve = Array.from({ length: 2 + Math.floor(next() * 60) }, () => (value *= 1 + (next() - 0.5) * 0.1));
      // Repeated values (a flat curve between trades) and, now and then, a value that is not a positive number.
      if (k % 3 === 0) curve.splice(5, 0, curve[4] ?? 1, curve[4] ?? 1);
      if (k % 10 === 0) curve[Math.floor(next() * curve.length)] = [0, -5, Number.NaN][k % 3]!;
      curves.push(curve);
    }
    for (const equity of curves) {
      const times = days(equity.length);
      expect(computeDrawdowns(times, equity), JSON.stringify(equity)).toEqual(definition(times, equity));
    }
  });
});
