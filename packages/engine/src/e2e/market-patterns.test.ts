// End-to-end after seed 003 §7.4: the live engine on `simulated` data with the `paper` venue.
import { describe, expect, test } from "bun:test";
import * as v from "valibot";
import { defineStrategy } from "../strategy/define-strategy.ts";
import { longRoundTrips, paperVenue, runSimulated } from "../test-fixtures/e2e.ts";

/** Long-only trend follower: in while the close is above SMA(period), out when below; optional stop-loss leg. */
const trendFollower = defineStrategy({
  name: "trend-follower",
  description: "Long above the SMA, flat below; optional stop-loss.",
  config: v.object({ period: v.optional(v.number(), 20), stop: v.optional(v.number()), fraction: v.optional(v.number(), 0.95) }),
  async onBar(bar, ctx) {
    const sma = ctx.indicators.sma(ctx.config.period).value();
    if (sma === undefined || ctx.openOrders().some((o) => o.parentClientOrderId === undefined)) return;
    const long = ctx.position()?.side === "LONG";
    if (!long && bar.close > sma) {
      if (ctx.openOrders().length) await ctx.cancelAllOrders(); // a leg left from the last trade
      const stop = ctx.config.stop;
      await ctx.signal({ action: "OPEN_LONG", equityFraction: ctx.config.fraction, ...(stop ? { stopLoss: { triggerPrice: bar.close * (1 - stop) } } : {}) });
    } else if (long && bar.close < sma) {
      await ctx.cancelAllOrders();
      await ctx.signal({ action: "CLOSE_LONG" });
    }
  },
});

/** Always in the market with a bracket: enters long whenever flat, exits only by its stop-loss or take-profit leg. */
const bracketTrader = defineStrategy({
  name: "bracket-trader",
  description: "Long with a stop-loss and a take-profit, again and again.",
  config: v.object({ stop: v.number(), target: v.number() }),
  async onBar(bar, ctx) {
    if (ctx.position() || ctx.openOrders().length) return;
    await ctx.signal({
      action: "OPEN_LONG",
      equityFraction: 0.9,
      stopLoss: { triggerPrice: bar.close * (1 - ctx.config.stop) },
      takeProfit: { triggerPrice: bar.close * (1 + ctx.config.target) },
    });
  },
});

const base = { initialPrice: 50_000, bars: 300, seed: 42, volatility: 0.01 };

describe("market patterns (simulated + paper)", () => {
  test("a trend strategy in an increasing market places trades and ends with more equity than it started", async () => {
    const venue = await paperVenue();
    const run = await runSimulated({ simulated: { ...base, pattern: "increasing", trendStrength: 0.5 }, venue, strategy: trendFollower });
    expect(run.error).toBeUndefined();
    const trades = await venue.getTrades();
    expect(trades.length).toBeGreaterThan(0);
    const account = await venue.getAccount();
    expect(account.equity).toBeGreaterThan(10_000);
    expect(run.result?.equity).toBeCloseTo(account.equity, 6);
  });

  test("in a decreasing market a strategy with a 3% stop-loss ends above a floor of 8,000 (and loses less than buy & hold)", async () => {
    const venue = await paperVenue();
    let first = 0;
    let last = 0;
    const run = await runSimulated({
      simulated: { ...base, pattern: "decreasing", trendStrength: 0.5 },
      venue,
      strategy: trendFollower,
      engine: { strategyConfig: { period: 10, stop: 0.03 } },
      callbacks: { onMarketData: (bar) => void ((first ||= bar.close), (last = bar.close)) },
    });
    expect(run.error).toBeUndefined();
    const equity = (await venue.getAccount()).equity;
    expect((await venue.getTrades()).length).toBeGreaterThan(0); // it did trade, and lost on the way
    expect(equity).toBeGreaterThanOrEqual(8_000);
    const buyAndHold = 10_000 * (last / first);
    expect(last / first).toBeLessThan(0.8); // the market really fell more than the floor allows
    expect(equity).toBeGreaterThan(buyAndHold);
  });

  test("in a volatile market no single trade loses more than its configured 3% stop", async () => {
    const venue = await paperVenue({ commission: { makerRate: 0, takerRate: 0 } });
    const run = await runSimulated({
      simulated: { ...base, pattern: "volatile", bars: 300, maxDrawdown: 0.1, volatility: 0.01 },
      venue,
      strategy: bracketTrader,
      engine: { strategyConfig: { stop: 0.03, target: 0.03 } },
    });
    expect(run.error).toBeUndefined();
    const trips = longRoundTrips(await venue.getTrades());
    expect(trips.length).toBeGreaterThan(3);
    const returns = trips.map((t) => t.exit / t.entry - 1);
    for (const r of returns) expect(r).toBeGreaterThanOrEqual(-0.03 - 1e-9);
    expect(Math.min(...returns)).toBeLessThan(-0.029); // a stop really fired
  });
});
