// warmupBars given or derived from the strategy's indicators: buy & hold starts at the warm-up bar, while every other
// statistic covers the whole curve, the flat equity of the warm-up included (docs/statistics.md, backtesting.py 0.6.6).
import { describe, expect, test } from "bun:test";
import type { StrategyContext } from "../strategy/strategy-context.ts";
import { backtest, bar, DAY, strategy, T0 } from "./backtest.test-helper.ts";

// Ten days, open 100 + d, close 101 + d.
const input = Array.from({ length: 10 }, (_, d) => bar("X", d, 100 + d, 103 + d, 98 + d, 101 + d));

/** Buys 10 once `ready` says the indicators have values (SMA 4: bar 3, fills at bar 4's open 104). */
function buyWhenReady(ready: (ctx: StrategyContext<unknown>) => boolean) {
  return strategy({
    async onBar(_b, ctx) {
      if (ready(ctx) && ctx.position() === undefined && ctx.openOrders().length === 0) await ctx.placeOrder({ side: "BUY", quantity: 10 });
    },
  });
}

const sma4 = buyWhenReady((ctx) => ctx.indicators.sma(4).value() !== undefined);

describe("warmupBars derived from the indicators", async () => {
  const derived = await backtest(input, sma4);

  test("SMA(4) needs 4 bars: warm-up 3, buy & hold from bar 3's close 104 to the last close 110", () => {
    expect(derived.warmupBars).toBe(3);
    expect(derived.statistics.buyAndHoldReturnPct).toBeCloseTo(((110 - 104) / 104) * 100, 12);
  });

  test("the other statistics cover every bar, the warm-up's flat equity included", () => {
    const s = derived.statistics;
    expect([s.start, s.end, s.duration]).toEqual([T0, T0 + 9 * DAY, 9 * DAY]);
    expect(derived.equity.times.length).toBe(10);
    // Flat at 10,000 until the entry at 104 on bar 4, then marked at the closes 105..110, closed at bar 9's open 109.
    const expected = [10_000, 10_000, 10_000, 10_000, 8_960 + 1_050, 8_960 + 1_060, 8_960 + 1_070, 8_960 + 1_080, 8_960 + 1_090, 8_960 + 1_090];
    expect(Array.from(derived.equity.equity)).toEqual(expected);
    // The position is held on bars 4..9: 6 of all 10 bars (not of the 7 after the warm-up).
    expect(s.exposureTimePct).toBeCloseTo(60, 12);
    expect(s.returnPct).toBeCloseTo(0.5, 12);
  });

  test("the same run with warmupBars 3 given gives the very same statistics", async () => {
    const given = await backtest(input, sma4, { engine: { warmupBars: 3 } });
    expect(given.warmupBars).toBe(3);
    expect(given.statistics).toStrictEqual(derived.statistics);
  });

  test("a given warmupBars overrides the indicators: 0 starts buy & hold at the first close, 6 at bar 6's close", async () => {
    const zero = await backtest(input, sma4, { engine: { warmupBars: 0 } });
    expect(zero.warmupBars).toBe(0);
    expect(zero.statistics.buyAndHoldReturnPct).toBeCloseTo(((110 - 101) / 101) * 100, 12);
    const six = await backtest(input, sma4, { engine: { warmupBars: 6 } });
    expect(six.statistics.buyAndHoldReturnPct).toBeCloseTo(((110 - 107) / 107) * 100, 12);
    // Only buy & hold (and alpha, which uses it) move: the strategy's own figures do not.
    const { buyAndHoldReturnPct: _a, alphaPct: _b, ...rest } = derived.statistics;
    const { buyAndHoldReturnPct: _c, alphaPct: _d, ...restSix } = six.statistics;
    expect(restSix).toStrictEqual(rest);
  });
});

describe("the slowest of several indicators decides", () => {
  test("SMA(4) and RSI(5) (defined from bar 6): warm-up 5", async () => {
    const both = buyWhenReady((ctx) => ctx.indicators.sma(4).value() !== undefined && ctx.indicators.rsi(5).value() !== undefined);
    const r = await backtest(input, both);
    expect(r.warmupBars).toBe(5);
    expect(r.statistics.buyAndHoldReturnPct).toBeCloseTo(((110 - 106) / 106) * 100, 12);
    // RSI(5) has its first value on bar 5 (6 closes): the order fills at bar 6's open 106.
    expect(r.trades.map((t) => [t.entryTime, t.entryPrice])).toEqual([[T0 + 6 * DAY, 106]]);
  });

  test("an indicator first asked for late (bar 7) still counts: warm-up 7 for SMA(8)", async () => {
    const late = buyWhenReady((ctx) => ctx.history().length >= 8 && ctx.indicators.sma(8).value() !== undefined);
    const r = await backtest(input, late);
    expect(r.warmupBars).toBe(7);
    expect(r.statistics.buyAndHoldReturnPct).toBeCloseTo(((110 - 108) / 108) * 100, 12);
  });
});
