// `from` / `to`: a bar opening exactly at `from` is replayed, one opening at `to` is not; the curve, the statistics and
// buy & hold cover exactly the bars replayed, also when the range cuts a history of two symbols starting at different days.
import { describe, expect, test } from "bun:test";
import { type Bar, isArgoError, type MarketDataProvider } from "@argo/core";
import { createPaperVenue } from "@argo/provider-paper";
import { silentLogger } from "../strategy/logger.ts";
import { backtest, bar, DAY, NO_COSTS, strategy, T0 } from "./backtest.test-helper.ts";
import { InMemoryMarketData } from "./in-memory-market-data.ts";
import { runBacktest } from "./run-backtest.ts";

// A: days 0..9, open 100 + d, close 101 + d. B: days 4..12, open 50 + 2d, close 51 + 2d.
const A = Array.from({ length: 10 }, (_, d) => bar("A", d, 100 + d, 103 + d, 98 + d, 101 + d));
const B = Array.from({ length: 9 }, (_, i) => i + 4).map((d) => bar("B", d, 50 + 2 * d, 53 + 2 * d, 48 + 2 * d, 51 + 2 * d));
const FROM = T0 + 2 * DAY;
const TO = T0 + 7 * DAY;

/** Buys 10 A on A's first bar and 5 B on B's first bar; notes what it saw. */
function buyFirstBars(seen: { bars: string[]; historyAtFirst: number[]; initTime: number[] }) {
  return strategy({
    init: (ctx) => void seen.initTime.push(ctx.time),
    async onBar(b, ctx) {
      seen.bars.push(`${b.symbol}${(b.openTime - T0) / DAY}`);
      if (ctx.history().length === 1) {
        seen.historyAtFirst.push(ctx.history().length);
        await ctx.placeOrder({ side: "BUY", quantity: b.symbol === "A" ? 10 : 5 });
      }
    },
  });
}

const days = (times: ArrayLike<number>) => Array.from(times, (t) => (t - T0) / DAY);

describe("from exactly at a bar, to exactly at a bar, one symbol", async () => {
  const seen = { bars: [] as string[], historyAtFirst: [] as number[], initTime: [] as number[] };
  const result = await backtest(A, buyFirstBars(seen), { engine: { from: FROM, to: TO } });

  test("the bar at `from` is the first replayed, the bar at `to` is not; init's clock is the bar at `from`", () => {
    expect(seen.bars).toEqual(["A2", "A3", "A4", "A5", "A6"]);
    expect(result.bars).toBe(5);
    expect(seen.initTime).toEqual([FROM]);
    // The strategy saw no bar before `from`: its history starts at the first replayed bar.
    expect(seen.historyAtFirst).toEqual([1]);
  });

  test("equity curve: one point per replayed bar, marked at each close; the last re-marked after the close at day 6's open", () => {
    expect(days(result.equity.times)).toEqual([2, 3, 4, 5, 6]);
    // Buy 10 at day 3's open 103: cash 8,970; marked at closes 104, 105, 106; closed at day 6's open 106.
    expect(Array.from(result.equity.equity)).toEqual([10_000, 8_970 + 1_040, 8_970 + 1_050, 8_970 + 1_060, 8_970 + 1_060]);
    expect(Array.from(result.equity.closes)).toEqual([103, 104, 105, 106, 107]);
    expect(Array.from(result.candles.times)).toEqual([2, 3, 4, 5, 6].map((d) => T0 + d * DAY));
  });

  test("statistics cover exactly the range: start, end, duration, return, buy & hold, exposure", () => {
    const s = result.statistics;
    expect([s.start, s.end, s.duration]).toEqual([FROM, T0 + 6 * DAY, 4 * DAY]);
    expect(s.equityFinal).toBe(10_030);
    expect(s.returnPct).toBeCloseTo(0.3, 12);
    // Close of the first replayed bar (103) to the last (107): not the history's first close 101 nor its last 110.
    expect(s.buyAndHoldReturnPct).toBeCloseTo(((107 - 103) / 103) * 100, 12);
    // The trade holds from day 3 to day 6: 4 of 5 bars.
    expect(s.exposureTimePct).toBeCloseTo(80, 12);
    expect(result.trades.map((t) => [t.symbol, t.size, t.entryPrice, t.exitPrice, t.entryTime, t.exitTime, t.pnl])).toEqual([
      ["A", 10, 103, 106, T0 + 3 * DAY, T0 + 6 * DAY, 30],
    ]);
  });

  test("bounds between bars: from 1 ms after day 2's open starts at day 3, to 1 ms after day 6's open still holds day 6", async () => {
    const seen2 = { bars: [] as string[], historyAtFirst: [] as number[], initTime: [] as number[] };
    const r = await backtest(A, buyFirstBars(seen2), { engine: { from: FROM + 1, to: T0 + 6 * DAY + 1 } });
    expect(seen2.bars).toEqual(["A3", "A4", "A5", "A6"]);
    expect(seen2.initTime).toEqual([T0 + 3 * DAY]);
    expect([r.statistics.start, r.statistics.end]).toEqual([T0 + 3 * DAY, T0 + 6 * DAY]);
  });
});

describe("a range cutting two symbols whose histories start on different days", async () => {
  const seen = { bars: [] as string[], historyAtFirst: [] as number[], initTime: [] as number[] };
  const input = [...A, ...B];
  const result = await backtest(input, buyFirstBars(seen), { engine: { from: FROM, to: TO } });

  test("only bars in [from, to) of each symbol, merged by time", () => {
    expect(seen.bars).toEqual(["A2", "A3", "A4", "B4", "A5", "B5", "A6", "B6"]);
    expect(result.bars).toBe(8);
  });

  test("equity per time step after both symbols; both closed at their own last open in range (day 6)", () => {
    expect(days(result.equity.times)).toEqual([2, 3, 4, 5, 6]);
    // A: 10 from 103. B: 5 from day 5's open 60 (cash 8,670), marked at B's closes 61; closed at day 6's opens 106 and 62.
    const expected = [10_000, 8_970 + 1_040, 8_970 + 1_050, 8_670 + 1_060 + 305, 8_670 + 1_060 + 310];
    expect(Array.from(result.equity.equity)).toEqual(expected);
    expect(result.trades.map((t) => [t.symbol, t.entryPrice, t.exitPrice, t.exitTime])).toEqual([
      ["A", 103, 106, T0 + 6 * DAY],
      ["B", 60, 62, T0 + 6 * DAY],
    ]);
    expect(result.finalEquity).toBe(10_040);
  });

  test("benchmark B: closes carried back before its first bar in range; buy & hold from its first close in range", async () => {
    const r = await backtest(input, buyFirstBars({ bars: [], historyAtFirst: [], initTime: [] }), {
      engine: { from: FROM, to: TO, benchmarkSymbol: "B", warmupBars: 0 },
    });
    expect(Array.from(r.equity.closes)).toEqual([59, 59, 59, 61, 63]);
    expect(days(r.candles.times)).toEqual([4, 5, 6]);
    expect(r.statistics.buyAndHoldReturnPct).toBeCloseTo(((63 - 59) / 59) * 100, 12);
  });

  test("a range holding no bar of any symbol is refused before the strategy runs, naming the range in UTC", async () => {
    let inits = 0;
    const error = await backtest(input, strategy({ init: () => void inits++, onBar: () => undefined }), {
      engine: { from: T0 + 20 * DAY, to: T0 + 30 * DAY },
    }).catch((e: unknown) => e);
    expect(isArgoError(error, "INVALID_DATA")).toBe(true);
    expect(inits).toBe(0);
    expect((error as Error).message).toContain(new Date(T0 + 20 * DAY).toISOString());
    expect((error as Error).message).toContain(new Date(T0 + 30 * DAY).toISOString());
  });
});

/** A provider that ignores the range it is asked for (a buggy plugin): every bar of the symbol, whatever from and to. */
class RangeIgnoringData implements MarketDataProvider {
  readonly name = "range-ignoring";
  constructor(private readonly bars: readonly Bar[]) {}
  async *history(symbol: string): AsyncGenerator<Bar> {
    for (const b of this.bars) if (b.symbol === symbol) yield b;
  }
  async *stream(): AsyncGenerator<never> {}
}

describe("a history that yields bars outside [from, to)", () => {
  async function run(from: number, to: number) {
    return runBacktest({
      symbols: ["A"], interval: "1d", marketData: new RangeIgnoringData(A), trading: createPaperVenue(NO_COSTS),
      strategy: strategy({ onBar: () => undefined }), logger: silentLogger, from, to,
    }).catch((e: unknown) => e);
  }

  test("a bar at or after `to` ends the run with INVALID_DATA (it would replay the future the range excludes)", async () => {
    const error = await run(T0, TO);
    expect(isArgoError(error, "INVALID_DATA")).toBe(true);
    expect((error as Error).message).toContain("outside the range");
  });

  test("a bar before `from` ends the run with INVALID_DATA too (statistics would start before the range)", async () => {
    const error = await run(FROM, T0 + 10 * DAY);
    expect(isArgoError(error, "INVALID_DATA")).toBe(true);
    expect((error as Error).message).toContain("outside the range");
  });
});
