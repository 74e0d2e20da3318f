import { describe, expect, test } from "bun:test";
import { barsFromCloses, randomCloses } from "./bars.ts";
import { googBars } from "./goog.ts";
import { runSmaCrossHandLoop } from "./hand-loop.ts";
import { runMinimalSmaCrossLoop } from "./minimal-loop.ts";

// The benchmark's floor must run the same backtest as the reference loop, or its speed means nothing.
describe("runMinimalSmaCrossLoop gives the reference loop's trades and equity", () => {
  const cases = {
    "GOOG daily, SMA 10/30": { bars: googBars(), fast: 10, slow: 30 },
    "a 20,000-bar random walk, SMA 10/30": { bars: barsFromCloses("SIM", randomCloses(20_000, 7, 100, 0.002)), fast: 10, slow: 30 },
    // Crosses on the last two bars: the final pass closes the entry made at the last open and opens the next one.
    "crosses up to the last bar, SMA 1/2": { bars: barsFromCloses("X", [10, 9, 11, 12, 8, 10]), fast: 1, slow: 2 },
  };
  for (const [name, { bars, fast, slow }] of Object.entries(cases)) {
    test(name, () => {
      const reference = runSmaCrossHandLoop(bars, { fast, slow, cash: 10_000 });
      const minimal = runMinimalSmaCrossLoop(bars, fast, slow, 10_000);
      expect(reference.trades.length).toBeGreaterThan(1);
      expect(minimal.trades).toEqual(reference.trades);
      expect(Array.from(minimal.equity)).toEqual(reference.equity);
      expect(Array.from(minimal.times)).toEqual(reference.times);
      expect(Array.from(minimal.closes)).toEqual(reference.closes);
      expect(minimal.warmupBars).toBe(reference.warmupBars);
    });
  }
});

test("running out of money is refused, not modelled differently", () => {
  // The cross down at bar 2 shorts 111 at bar 3's open (9); bar 3 closes at 30: 1000 − 111 · 21 < 0.
  const bars = barsFromCloses("X", [10, 11, 9, 30, 31]);
  expect(runSmaCrossHandLoop(bars, { fast: 1, slow: 2, cash: 1000 }).equity.at(-1)).toBe(0);
  expect(() => runMinimalSmaCrossLoop(bars, 1, 2, 1000)).toThrow("running out of money");
});
