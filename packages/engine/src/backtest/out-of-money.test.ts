// A backtest whose equity falls to 0 or below is out of money (backtesting.py's _OutOfMoneyError): every position is
// closed at that bar's close, working orders are cancelled, no order goes out after, and the equity is 0 from that bar
// to the end of the data. Every expectation is computed by hand in the comments.
import { describe, expect, test } from "bun:test";
import type { OrderResult } from "../strategy/strategy-context.ts";
import { backtest, bars, DAY, strategy, T0 } from "./backtest.test-helper.ts";
import { toBacktestResults } from "./backtest-report.ts";

// A short of all the equity at 100 (d1's open) in a market that rises to 250 by d3's close.
const SQUEEZE = bars("XYZ", [
  [100, 100, 100, 100], [100, 125, 100, 120], [150, 190, 150, 190], [200, 250, 200, 250], [240, 260, 230, 240], [230, 235, 200, 210],
]);

/** Shorts all-in on the first bar, places a far limit buy on d3 (working when the money runs out), then tries to trade after. */
function shortAllIn(log: { seen: number[]; after: Array<[string, OrderResult]> }) {
  return strategy({
    async onBar(b, ctx) {
      const day = (b.openTime - T0) / DAY;
      log.seen.push(day);
      if (day === 0) await ctx.signal({ action: "OPEN_SHORT", equityFraction: 1 });
      if (day === 3) await ctx.placeOrder({ side: "BUY", type: "LIMIT", quantity: 1, limitPrice: 50, clientOrderId: "dip" });
      if (day >= 4) log.after.push(["on-bar", await ctx.placeOrder({ side: "BUY", quantity: 1 })]);
    },
    async onOrderUpdate(order, ctx) {
      // The engine's close filling is news the strategy hears after the stop: an order it places then must not go out.
      if (order.reason === "out of money" && order.status === "FILLED") {
        log.after.push(["in-callback", await ctx.placeOrder({ side: "SELL", quantity: 1, clientOrderId: "in-callback" })]);
      }
    },
    async onStop(ctx) {
      log.after.push(["on-stop", await ctx.placeOrder({ side: "SELL", quantity: 1, clientOrderId: "on-stop" })]);
    },
  });
}

/** Shorts all the equity on the first bar and does nothing else. */
const shortFirst = strategy({
  async onBar(b, ctx) {
    if (b.openTime === T0) await ctx.signal({ action: "OPEN_SHORT", equityFraction: 1 });
  },
});

describe("a short of all the equity in a market that rises 2.5 times, no stop", async () => {
  const log = { seen: [] as number[], after: [] as Array<[string, OrderResult]> };
  const result = await backtest(SQUEEZE, shortAllIn(log));
  const d3 = T0 + 3 * DAY;

  test("d3's close marks the equity at 20,000 − 100 · 250 = −5,000: out of money there, recorded with that equity", () => {
    // Short floor(10,000 / 100) = 100 at d1's open 100: cash 20,000. d1: 20,000 − 12,000 = 8,000; d2: − 19,000 = 1,000.
    expect(result.outOfMoney).toEqual({ time: d3, equity: -5_000 });
  });

  test("the short is bought back at d3's close, 250, stamped d3: one trade of −100 · (250 − 100) = −15,000", () => {
    expect(result.fills.map((f) => [f.side, f.quantity, f.price, f.time])).toEqual([["SELL", 100, 100, T0 + DAY], ["BUY", 100, 250, d3]]);
    expect(result.trades.map((t) => [t.size, t.entryPrice, t.exitPrice, t.pnl, t.exitTime])).toEqual([[-100, 100, 250, -15_000, d3]]);
    expect(result.trades[0]!.returnPct).toBeCloseTo(-150, 12);
    expect(result.openTrades).toEqual([]);
    expect(result.positions).toEqual([]);
  });

  test("the equity is 0 from d3 to the end of the data; every bar stays on the curve, the candles and the closes", () => {
    expect(Array.from(result.equity.equity)).toEqual([10_000, 8_000, 1_000, 0, 0, 0]);
    expect(Array.from(result.equity.times)).toEqual([0, 1, 2, 3, 4, 5].map((d) => T0 + d * DAY));
    expect(Array.from(result.equity.closes)).toEqual([100, 120, 190, 250, 240, 210]);
    expect(result.candles.times.length).toBe(6);
    expect(result.finalEquity).toBe(0);
  });

  test("no order after the stop: the strategy saw d0–d3 only, the working limit was cancelled, later orders refused", () => {
    expect(log.seen).toEqual([0, 1, 2, 3]);
    expect(result.bars).toBe(4);
    expect(log.after.map(([where, r]) => [where, r.status])).toEqual([["in-callback", "rejected"], ["on-stop", "rejected"]]);
    expect(result.fills).toHaveLength(2);
    expect(result.openOrders).toEqual([]);
    expect(result.tradingState).toBe("HALTED");
  });

  test("an async onOrderUpdate of the closes that awaits before placing is told HALTED, not blamed for placing outside", async () => {
    // Found by a determinism fuzz: the cancel's and the close's updates are heard between bars; after its own await the
    // handler of the close's fill found the turn ended by the cancel's drain, and its order was refused as "placed outside
    // a strategy callback", with a warning sending the user after an un-awaited call that was not there.
    // Short 5,000 at 100 of 1,000,000; d2 closes at 300: equity 1,000,000 − 5,000 × 200 < 0.
    const closes = [100, 100, 300, 300];
    const X = closes.map((c, k) => ({ symbol: "X", interval: "1d", openTime: T0 + k * DAY, open: k === 2 ? 100 : c, high: Math.max(c, 100) + 1, low: Math.min(c, 100) - 1, close: c, volume: 1e6 }));
    const outcomes: string[] = [];
    const r = await backtest(X, strategy({
      async onBar(_b, ctx) {
        if (ctx.history().length === 1) await ctx.placeOrder({ side: "SELL", quantity: 5_000 });
      },
      async onOrderUpdate(order, ctx) {
        if (order.status !== "FILLED" && order.status !== "CANCELLED") return;
        await Bun.sleep(0);
        const placed = await ctx.placeOrder({ side: "BUY", type: "LIMIT", quantity: 1, limitPrice: 1 });
        outcomes.push(`${order.status} ${order.side} ${placed.status === "rejected" ? placed.code : placed.status}`);
      },
    }), { venue: { initialCapital: 1_000_000, allowShorting: true, commission: { makerRate: 0, takerRate: 0.001 }, defaultRules: { stepSize: 1 } } });
    expect(outcomes).toEqual(["FILLED SELL placed", "CANCELLED BUY TRADING_HALTED", "FILLED BUY TRADING_HALTED"]);
    expect(r.warnings.some((w) => w.includes("outside the strategy's callbacks"))).toBe(false);
  });

  test("one warning says where, how much, what was closed and cancelled, and how many bars were left", () => {
    expect(result.warnings).toEqual([
      "out of money at the bar at 2024-01-04T00:00:00.000Z: the equity at its close was -5000.00, so every position was closed at that close " +
        "and 1 order still working was cancelled (dip); trading stopped there and the equity is 0 from that bar to the end (2 later bars not traded)",
    ]);
  });

  test("the venue's account keeps the deficit (20,000 − 25,000), the curve and the statistics count 0", () => {
    expect(result.account.balance).toBe(-5_000);
    expect(result.statistics.equityFinal).toBe(0);
  });

  test("statistics over the whole data, as backtesting.py computes them after its stop", () => {
    const s = result.statistics;
    expect(s.returnPct).toBe(-100);
    expect(s.maxDrawdownPct).toBe(-100);
    expect(s.cagrPct).toBe(-100);
    expect(s.equityPeak).toBe(10_000);
    // Position held d1–d3: 3 of 6 bars. Buy & hold over all 6 closes: 100 → 210.
    expect(s.exposureTimePct).toBe(50);
    expect(s.buyAndHoldReturnPct).toBeCloseTo(110, 12);
    expect(s.duration).toBe(5 * DAY);
    // Day returns −0.2, −0.875, −1, then 0/0 twice (no return): the geometric mean is 0 (a −100 % day), so is the return.
    expect(s.periodsPerYear).toBe(252);
    expect(s.returnAnnPct).toBe(0);
    const r = [-0.2, -0.875, -1];
    const m = (r[0]! + r[1]! + r[2]!) / 3;
    const variance = ((r[0]! - m) ** 2 + (r[1]! - m) ** 2 + (r[2]! - m) ** 2) / 2;
    expect(s.volatilityAnnPct! / (Math.sqrt((variance + 1) ** 252 - 1) * 100)).toBeCloseTo(1, 9);
    expect(s.sharpeRatio).toBe(0);
    expect(s.sortinoRatio).toBe(0);
    expect(s.calmarRatio).toBe(0);
    // ln(0 / 1,000) is −∞: no beta, no alpha (backtesting.py: NaN).
    expect(s.beta).toBeNull();
    expect(s.alphaPct).toBeNull();
    expect(s.tradeCount).toBe(1);
  });

  test("the results folder's run carries where it ran out of money, for run.json and the report's notice", () => {
    expect(toBacktestResults(result).run?.outOfMoney).toEqual({ time: d3, equity: -5_000 });
  });
});

describe("where the stop can fall", () => {
  test("equity exactly 0 is out of money: short 100 at 100, close 200 → 20,000 − 20,000 = 0", async () => {
    const rows = bars("XYZ", [[100, 100, 100, 100], [100, 120, 100, 120], [150, 200, 150, 200], [210, 220, 200, 205]]);
    const result = await backtest(rows, shortAllIn({ seen: [], after: [] }));
    expect(result.outOfMoney).toEqual({ time: T0 + 2 * DAY, equity: 0 });
    expect(result.trades.map((t) => [t.exitPrice, t.pnl])).toEqual([[200, -10_000]]);
    expect(Array.from(result.equity.equity)).toEqual([10_000, 8_000, 0, 0]);
  });

  test("on the last bar: closed at its close (250) rather than by the final pass at its open (200)", async () => {
    const result = await backtest(SQUEEZE.slice(0, 4), shortAllIn({ seen: [], after: [] }));
    expect(result.outOfMoney).toEqual({ time: T0 + 3 * DAY, equity: -5_000 });
    expect(result.trades.map((t) => [t.exitPrice, t.pnl])).toEqual([[250, -15_000]]);
    expect(Array.from(result.equity.equity)).toEqual([10_000, 8_000, 1_000, 0]);
    expect(result.warnings).toEqual([
      "out of money at the bar at 2024-01-04T00:00:00.000Z: the equity at its close was -5000.00, so every position was closed at that close " +
        "and 1 order still working was cancelled (dip); trading stopped there and the equity is 0 from that bar to the end",
    ]);
  });

  test("by the final pass: 5,000 at the last close (150) but −10,000 once closed at its open (300): the last point is 0", async () => {
    const rows = bars("XYZ", [[100, 100, 100, 100], [100, 110, 95, 105], [300, 300, 150, 150]]);
    const result = await backtest(rows, shortFirst);
    // Short 100 at 100: cash 20,000. d1: 20,000 − 10,500 = 9,500; d2: 20,000 − 15,000 = 5,000; the pass buys at 300.
    expect(result.trades.map((t) => [t.exitPrice, t.pnl])).toEqual([[300, -20_000]]);
    expect(result.outOfMoney).toEqual({ time: T0 + 2 * DAY, equity: -10_000 });
    expect(Array.from(result.equity.equity)).toEqual([10_000, 9_500, 0]);
    expect(result.warnings).toEqual([
      'out of money at the end: the final pass (closeAtEnd "last-open") closed every position at the bar at 2024-01-03T00:00:00.000Z and left the equity at -10000.00, counted as 0',
    ]);
  });

  test("aborted on the bar that runs out of money: that bar counts, its positions are closed at its close", async () => {
    const controller = new AbortController();
    const abortOnD3 = strategy({
      async onBar(b, ctx) {
        if (b.openTime === T0) await ctx.signal({ action: "OPEN_SHORT", equityFraction: 1 });
        if (b.openTime === T0 + 3 * DAY) controller.abort("enough");
      },
    });
    const result = await backtest(SQUEEZE, abortOnD3, { signal: controller.signal });
    expect(result.status).toBe("aborted");
    expect(result.outOfMoney).toEqual({ time: T0 + 3 * DAY, equity: -5_000 });
    expect(result.trades.map((t) => [t.exitPrice, t.pnl])).toEqual([[250, -15_000]]);
    expect(Array.from(result.equity.equity)).toEqual([10_000, 8_000, 1_000, 0]);
  });

  test("a run that never reaches 0 has no outOfMoney and no such warning", async () => {
    const result = await backtest(SQUEEZE.slice(0, 3), shortFirst);
    expect("outOfMoney" in result).toBe(false);
    expect(result.tradingState).toBe("ACTIVE");
    expect(result.warnings).toEqual([]);
    // Closed by the final pass at d2's open, 150: 20,000 − 15,000.
    expect(result.finalEquity).toBe(5_000);
  });
});
