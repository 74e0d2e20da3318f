import { describe, expect, test } from "bun:test";
import { exposureTimePct } from "./exposure.ts";
import type { ClosedTrade } from "./types.ts";

const trade = (entryTime: number, exitTime: number): ClosedTrade => ({
  size: 1, entryTime, exitTime, entryPrice: 1, exitPrice: 1, pnl: 0, returnPct: 0, fees: 0, duration: exitTime - entryTime,
});

/** The bar index at or before `time` (0 before the first bar), by a linear scan. */
function barAt(times: readonly number[], time: number): number {
  let found = 0;
  for (let i = 0; i < times.length; i++) if (times[i]! <= time) found = i;
  return found;
}

/** The definition bar by bar: a count per bar, +1 from each entry bar, −1 after each exit bar; exposed where above 0. */
function naiveExposure(times: readonly number[], trades: readonly ClosedTrade[]): number {
  const count = new Array<number>(times.length + 1).fill(0);
  for (const t of trades) {
    count[barAt(times, t.entryTime)]! += 1;
    count[barAt(times, t.exitTime) + 1]! -= 1;
  }
  let open = 0;
  let exposed = 0;
  for (let i = 0; i < times.length; i++) if ((open += count[i]!) > 0) exposed++;
  return (exposed / times.length) * 100;
}

describe("exposureTimePct", () => {
  const times = Array.from({ length: 100 }, (_, i) => 1_000 + i * 10);

  test("counts entry and exit bars, and bars covered by overlapping trades once", () => {
    // Bars 10-19, then 15-24 overlapping it, then 50 alone: bars 10-24 and 50, 16 of 100.
    expect(exposureTimePct(times, [trade(1_100, 1_190), trade(1_150, 1_240), trade(1_500, 1_500)])).toBe(16);
    // Adjacent trades (a reversal on bar 30) share that bar.
    expect(exposureTimePct(times, [trade(1_200, 1_300), trade(1_300, 1_399)])).toBe(20);
    expect(exposureTimePct(times, [])).toBe(0);
  });

  test("agrees with the bar-by-bar count for random trades: overlapping, unsorted, outside the bars, exiting before entering", () => {
    let state = 3;
    const next = (range: number) => {
      state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
      return Math.floor((state / 2_147_483_648) * range);
    };
    for (let round = 0; round < 300; round++) {
      const trades: ClosedTrade[] = [];
      const count = next(12);
      for (let k = 0; k < count; k++) {
        const entry = 900 + next(1_200);
        const backwards = next(10) === 0;
        trades.push(trade(entry, backwards ? entry - next(200) : entry + next(300)));
      }
      // Mostly in order of exit, as round trips come; sometimes shuffled.
      if (next(2) === 0) trades.sort((a, b) => a.exitTime - b.exitTime);
      expect(exposureTimePct(times, trades), JSON.stringify(trades.map((t) => [t.entryTime, t.exitTime]))).toBe(naiveExposure(times, trades));
    }
  });
});
