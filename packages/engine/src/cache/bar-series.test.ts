import { describe, expect, test } from "bun:test";
import { barsFromCloses } from "../test-fixtures/bars.ts";
import { BarSeries } from "./bar-series.ts";
import { MarketCache } from "./market-cache.ts";

describe("BarSeries", () => {
  test("keeps the newest `capacity` bars in order, indexable from both ends", () => {
    const series = new BarSeries(3);
    const bars = barsFromCloses("X", [1, 2, 3, 4, 5]);
    expect(series.length).toBe(0);
    expect(series.last()).toBeUndefined();
    expect(series.close()).toBeNaN();
    for (const bar of bars) series.push(bar);
    expect(series.length).toBe(3);
    expect(series.closes()).toEqual([3, 4, 5]);
    expect(series.at(0)?.close).toBe(3);
    expect(series.at(-1)?.close).toBe(5);
    expect(series.at(-3)?.close).toBe(3);
    expect(series.at(3)).toBeUndefined();
    expect(series.at(-4)).toBeUndefined();
    expect(series.close(1)).toBe(4);
    expect(series.last(2)?.close).toBe(3);
    expect([...series].map((b) => b.close)).toEqual([3, 4, 5]);
    expect(series.toArray().map((b) => b.close)).toEqual([3, 4, 5]);
    expect(series.lastOpenTime).toBe(bars[4]!.openTime);
  });

  test("wraps around many times without losing order", () => {
    const series = new BarSeries(7);
    const closes = Array.from({ length: 100 }, (_, i) => i);
    for (const bar of barsFromCloses("X", closes)) series.push(bar);
    expect(series.closes()).toEqual([93, 94, 95, 96, 97, 98, 99]);
  });

  test("rejects a capacity that is not a positive integer", () => {
    expect(() => new BarSeries(0)).toThrow("positive integer");
    expect(() => new BarSeries(1.5)).toThrow("positive integer");
  });
});

describe("MarketCache", () => {
  test("gives each symbol its own slot and series, and warms only newer bars", () => {
    const cache = new MarketCache(10);
    expect(cache.slotOf("A")).toBe(0);
    expect(cache.slotOf("B")).toBe(1);
    expect(cache.slotOf("A")).toBe(0);
    expect(cache.findSlot("C")).toBe(-1);
    cache.warm([...barsFromCloses("A", [1, 2]), ...barsFromCloses("B", [7])]);
    cache.warm(barsFromCloses("A", [9])); // same open time as the first A bar: not newer
    expect(cache.history("A").closes()).toEqual([1, 2]);
    expect(cache.history("B").closes()).toEqual([7]);
    expect(cache.history("C").length).toBe(0);
    expect(cache.lastClose("A")).toBe(2);
    expect(cache.lastClose("C")).toBeNaN();
  });
});
