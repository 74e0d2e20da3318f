import { describe, expect, test } from "bun:test";
import { buildRoundTrips } from "../stats/build-round-trips.ts";
import { runSmaCrossHandLoop, simpleMovingAverage } from "./hand-loop.ts";

const bar = (openTime: number, open: number, close: number) => ({ openTime, open, high: Math.max(open, close), low: Math.min(open, close), close });

describe("runSmaCrossHandLoop (fast 1, slow 2: a cross is a down move then an up move, or the reverse)", () => {
  // Closes 10, 9, 11 (cross up at bar 2), 12, 8 (cross down at bar 4), 10 (cross up at bar 5, the last bar).
  const bars = [bar(0, 10, 10), bar(1, 10, 9), bar(2, 9, 11), bar(3, 12, 12), bar(4, 12, 8), bar(5, 10, 10)];
  const run = runSmaCrossHandLoop(bars, { fast: 1, slow: 2, cash: 1000, commission: 0.01 });

  test("orders fill at the next open, all in: floor(cash / (price · 1.01)) after closing", () => {
    // Bar 3: 1000 / 12.12 → 82 long, fee 9.84. Bar 5: close at 10 (fee 8.2) leaves 817.96 → 80 short (fee 8).
    expect(run.fills.slice(0, 3).map((f) => [f.side, f.quantity, f.price, f.time])).toEqual([
      ["BUY", 82, 12, 3], ["SELL", 82, 10, 5], ["SELL", 80, 10, 5],
    ]);
  });

  test("the final broker pass closes at the last bar's open and still runs the last bar's orders", () => {
    // Close the short at 10 (fee 8) → 801.96; the pending buy opens 79 (fee 7.9) and stays open.
    expect(run.fills.slice(3).map((f) => [f.side, f.quantity, f.price, f.time])).toEqual([["BUY", 80, 10, 5], ["BUY", 79, 10, 5]]);
    expect(run.trades.length).toBe(2);
    expect(run.trades[0]!.pnl).toBeCloseTo(82 * (10 - 12) - 9.84 - 8.2, 9);
    expect(run.trades[1]!.pnl).toBeCloseTo(-16, 9);
    expect(buildRoundTrips(run.fills).open).toMatchObject([{ size: 79, entryPrice: 10 }]);
  });

  test("equity is cash plus open PnL at each close, back-filled with the starting cash before trading starts", () => {
    const expected = [1000, 1000, 1000, 990.16, 990.16 + 82 * (8 - 12), 794.06];
    run.equity.forEach((value, i) => expect(value).toBeCloseTo(expected[i]!, 9));
    expect(run.warmupBars).toBe(1);
  });
});

test("simpleMovingAverage is NaN until the window is full", () => {
  expect(simpleMovingAverage([1, 2, 3, 4], 3)).toEqual([Number.NaN, Number.NaN, 2, 3]);
});

test("running out of money closes everything at that bar's close and zeroes the rest of the curve", () => {
  // Cross down at bar 2 → short floor(999.99… / 10) = 99 at bar 3's open 10; bar 3 closes at 25: 1000 − 99 · 15 < 0.
  const bars = [bar(0, 10, 10), bar(1, 10, 11), bar(2, 11, 9), bar(3, 10, 25), bar(4, 25, 26)];
  const run = runSmaCrossHandLoop(bars, { fast: 1, slow: 2, cash: 1000 });
  expect(run.trades.map((t) => [t.size, t.entryPrice, t.exitPrice, t.exitTime, t.pnl])).toEqual([[-99, 10, 25, 3, -1485]]);
  expect(run.equity).toEqual([1000, 1000, 1000, 0, 0]);
});
