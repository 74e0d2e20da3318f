import { describe, expect, test } from "bun:test";
import { barsFromCloses } from "../test-fixtures/bars.ts";
import { BarSeries } from "./bar-series.ts";

// Expectations by hand: with closes pushed oldest first, `ago` k is the close k places before the newest; a k of at
// least the number of bars kept names a bar that is not there (never yet seen, or dropped from a full ring).
describe("BarSeries.close(ago) / last(ago) past the bars kept", () => {
  test("ago = count and beyond is NaN / undefined, not a bar counted from the newest", () => {
    const series = new BarSeries(10);
    for (const bar of barsFromCloses("X", [101, 102, 103])) series.push(bar);
    expect(series.close(0)).toBe(103);
    expect(series.close(2)).toBe(101);
    expect(series.close(3)).toBeNaN(); // was 103: at(-1)
    expect(series.close(4)).toBeNaN(); // was 102: at(-2)
    expect(series.close(5)).toBeNaN();
    expect(series.close(6)).toBeNaN();
    expect(series.last(2)?.close).toBe(101);
    expect(series.last(3)).toBeUndefined();
    expect(series.last(4)).toBeUndefined();
  });

  test("with a full ring, the bar `capacity` ago was dropped", () => {
    const series = new BarSeries(3);
    for (const bar of barsFromCloses("X", [1, 2, 3, 4, 5, 6])) series.push(bar); // keeps 4, 5, 6
    expect(series.close(2)).toBe(4);
    expect(series.close(3)).toBeNaN(); // 3 was dropped; was 6
    expect(series.close(4)).toBeNaN(); // was 5
    expect(series.last(3)).toBeUndefined();
  });

  test("an empty series has no bar at any ago", () => {
    const series = new BarSeries(3);
    expect(series.close(0)).toBeNaN();
    expect(series.close(1)).toBeNaN();
    expect(series.last(1)).toBeUndefined();
  });
});
