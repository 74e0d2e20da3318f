// The engine's own closes (closeAtEnd, and the close when out of money) meet the venue's rules like any order: a close
// the venue refuses whole (a quantity cap per order) goes in smaller orders, and what still cannot be closed (a leftover
// under the minimum order value) is named in a warning with the venue's reason, never reported as closed. Every
// expectation is worked out by hand in the comments.
import { afterAll, describe, expect, test } from "bun:test";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ArgoError, type OrderRequest } from "@argo/core";
import { createPaperVenue } from "@argo/provider-paper";
import { silentLogger } from "../strategy/logger.ts";
import { writeBacktestResults } from "./backtest-report.ts";
import { backtest, bars, NO_COSTS, onBarAt } from "./backtest.test-helper.ts";
import { InMemoryMarketData } from "./in-memory-market-data.ts";
import { runBacktest } from "./run-backtest.ts";

const folder = mkdtempSync(join(tmpdir(), "argo-settle-refusals-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

// Opens 100 (d0, d1), 110, 120, 130 (d4, the last bar).
const RISING = bars("X", [[100, 100, 100, 100], [100, 101, 99, 100], [110, 111, 109, 110], [120, 121, 119, 120], [130, 131, 129, 130]]);

/** Places a market order of `quantity` on the bars `days` (index = day). */
const orderOn = (side: "BUY" | "SELL", plan: Record<number, number>) =>
  onBarAt(async (i, _bar, ctx) => {
    const quantity = plan[i];
    if (quantity !== undefined) await ctx.placeOrder({ side, type: "MARKET", quantity });
  });

describe("closeAtEnd in pieces finer than the position's own decimals", () => {
  test("LONG 3 made of two fills of 1.5 under a cap of 2 closes in 1.5 and 1.5: never sells 4 and flips it", async () => {
    // Whole 3 is refused (3 > 2); the hint is the earlier fill of 1.5 (on the 0.5 grid): 1.5, then what is left, 1.5.
    const result = await backtest(RISING, orderOn("BUY", { 0: 1.5, 1: 1.5 }), { venue: { defaultRules: { stepSize: 0.5, maxQuantity: 2 } } });
    expect(result.positions).toEqual([]);
    expect(result.fills.filter((f) => f.side === "SELL").map((f) => f.quantity)).toEqual([1.5, 1.5]);
    // One refusal (the whole 3 above the cap of 2), then two orders of 1.5.
    expect(result.counters.ordersRejected).toBe(1);
    expect(result.warnings).toEqual([
      'closeAtEnd "last-open" closed LONG 3 X in 2 orders of at most 1.5: the venue refused it in one (quantity 3 of X is above the maximum quantity 2 (LOT_SIZE)); that refusal is counted in ordersRejected',
    ]);
    expect(result.warnings.some((w) => w.includes("still open") || w.includes("went past"))).toBe(false);
  });
});

describe("closeAtEnd under a venue cap of 10 per order", () => {
  test("LONG 20 (two buys of 10) is closed at the last open in 2 orders of 10; the refused whole close is explained", async () => {
    // Buys fill at d1's open 100 and d2's open 110; the close of 20 is refused (20 > 10), then 10 and 10 at d4's open 130.
    const result = await backtest(RISING, orderOn("BUY", { 0: 10, 1: 10 }), { venue: { defaultRules: { stepSize: 1, maxQuantity: 10 } } });
    expect(result.positions).toEqual([]);
    expect(result.openTrades).toEqual([]);
    expect(result.trades.map((t) => [t.size, t.entryPrice, t.exitPrice])).toEqual([[10, 100, 130], [10, 110, 130]]);
    // 10,000 − 1,000 − 1,100 + 20 · 130 = 10,500.
    expect(result.finalEquity).toBe(10_500);
    expect(result.counters.ordersRejected).toBe(1);
    expect(result.warnings).toEqual([
      'closeAtEnd "last-open" closed LONG 20 X in 2 orders of at most 10: the venue refused it in one ' +
        "(quantity 20 of X is above the maximum quantity 10 (LOT_SIZE)); that refusal is counted in ordersRejected",
    ]);
  });

  test("LONG 25 on a lot of 5 (buys of 10, 10, 5) is closed in orders of the largest earlier fill, 10: 10, 10, 5", async () => {
    // Halving alone would try 12, 6, 3, 1: none a multiple of 5. The venue took orders of 10 before, so 10 fits its rules.
    const result = await backtest(RISING, orderOn("BUY", { 0: 10, 1: 10, 2: 5 }), { venue: { defaultRules: { stepSize: 5, maxQuantity: 10 } } });
    expect(result.positions).toEqual([]);
    const closes = result.fills.filter((f) => f.side === "SELL");
    expect(closes.map((f) => [f.quantity, f.price])).toEqual([[10, 130], [10, 130], [5, 130]]);
    expect(result.counters.ordersRejected).toBe(1);
  });

  test("LONG 21 (buys of 7 × 3): 21 refused, then orders of the largest earlier fill, 7: 7, 7, 7", async () => {
    const result = await backtest(RISING, orderOn("BUY", { 0: 7, 1: 7, 2: 7 }), { venue: { defaultRules: { stepSize: 1, maxQuantity: 10 } } });
    expect(result.positions).toEqual([]);
    expect(result.fills.filter((f) => f.side === "SELL").map((f) => f.quantity)).toEqual([7, 7, 7]);
  });
});

describe("closeAtEnd with a leftover under the venue's minimum order value", () => {
  // Lot 0.01, minimum order value 10, at most 10 per order.
  const rules = { defaultRules: { stepSize: 0.01, minNotional: 10, maxQuantity: 10 } };

  test("LONG 0.05 worth 6.50 at the last open stays open: a warning names it, the quantity and the venue's reason; run.json has it", async () => {
    // Buy 1 (fills d1 at 100), sell 0.95 (fills d2 at 110): 0.05 left; its close at 130 is worth 6.50 < 10.
    const input = bars("BTC", [[100, 100, 100, 100], [100, 101, 99, 100], [110, 111, 109, 110], [120, 121, 119, 120], [130, 131, 129, 130]]);
    const strat = onBarAt(async (i, _bar, ctx) => {
      if (i === 0) await ctx.placeOrder({ side: "BUY", type: "MARKET", quantity: 1 });
      if (i === 1) await ctx.placeOrder({ side: "SELL", type: "MARKET", quantity: 0.95 });
    });
    const result = await backtest(input, strat, { venue: rules });
    expect(result.positions.map((p) => [p.symbol, p.side, p.quantity])).toEqual([["BTC", "LONG", expect.closeTo(0.05, 12)]]);
    const warning = 'closeAtEnd "last-open" could not close LONG 0.05 BTC: the venue refused the order ' +
      "(order value 6.5 of BTC is below the minimum notional 10 (MIN_NOTIONAL)); it stays open, marked at the last close (openTrades lists it)";
    expect(result.warnings).toEqual([warning]);
    expect(result.openTrades.map((t) => [t.symbol, t.size])).toEqual([["BTC", expect.closeTo(0.05, 12)]]);
    const dir = join(folder, "dust");
    await writeBacktestResults(dir, result);
    expect(JSON.parse(readFileSync(join(dir, "run.json"), "utf8")).warnings).toEqual([warning]);
  });

  test("LONG 10.05 closes 10 and keeps 0.05 (worth 6.50): the warning says what was closed and what is still open", async () => {
    // Buys of 10 (d1, 100) and 10 (d2, 110), a sell of 9.95 (d3, 120): 10.05 held. At 130: 10.05 > 10 is refused; the
    // largest earlier fill below it, 10, is taken; the 0.05 left is worth 6.50 < 10 and refused.
    const strat = onBarAt(async (i, _bar, ctx) => {
      if (i === 0) await ctx.placeOrder({ side: "BUY", type: "MARKET", quantity: 10 });
      if (i === 1) await ctx.placeOrder({ side: "BUY", type: "MARKET", quantity: 10 });
      if (i === 2) await ctx.placeOrder({ side: "SELL", type: "MARKET", quantity: 9.95 });
    });
    const result = await backtest(RISING, strat, { venue: rules });
    expect(result.fills.filter((f) => f.price === 130).map((f) => f.quantity)).toEqual([10]);
    expect(result.positions.map((p) => [p.symbol, p.quantity])).toEqual([["X", expect.closeTo(0.05, 12)]]);
    // One warning: the close was split, but what matters is what it left open (no sentence claims it closed 10.05).
    expect(result.warnings).toEqual([
      'closeAtEnd "last-open" closed 10 of LONG 10.05 X, but 0.05 is still open: the venue refused the order ' +
        "(order value 6.5 of X is below the minimum notional 10 (MIN_NOTIONAL)); it stays open, marked at the last close (openTrades lists it)",
    ]);
    // Cash 10,000 − 1,000 − 1,100 + 9.95 · 120 + 10 · 130 = 10,394; plus 0.05 marked at the last close 130: 10,400.5.
    expect(result.finalEquity).toBeCloseTo(10_400.5, 9);
  });
});

describe("out of money with a close the venue refuses", async () => {
  // Short 10 at d1's open 100 and 10 at d2's open 100 (cash 12,000); d3 closes at 700: 12,000 − 20 · 700 = −2,000 ≤ 0.
  const input = bars("X", [[100, 100, 100, 100], [100, 101, 99, 100], [100, 101, 99, 100], [700, 701, 699, 700], [700, 701, 699, 700]]);
  const venue = createPaperVenue({ ...NO_COSTS, defaultRules: { stepSize: 1 } });
  // A venue that refuses the engine's out-of-money closes (as a broker may refuse a symbol halted for trading).
  const place = venue.placeOrderSync.bind(venue);
  venue.placeOrderSync = (request: OrderRequest) => {
    if (request.reason === "out of money") throw new ArgoError("INVALID_ORDER", "trading in X is halted");
    return place(request);
  };
  const result = await runBacktest({
    symbols: ["X"], interval: "1d", marketData: new InMemoryMarketData(input), trading: venue, logger: silentLogger,
    strategy: orderOn("SELL", { 0: 10, 1: 10 }),
  });

  test("the warning does not claim the close: it names SHORT 20 X, still held at the venue, and the venue's reason", async () => {
    expect(result.outOfMoney?.equity).toBe(-2_000);
    expect((await venue.getPositions()).map((p) => [p.symbol, p.side, p.quantity])).toEqual([["X", "SHORT", 20]]);
    expect(result.warnings[0]).toBe(
      "out of money at the bar at 2024-01-04T00:00:00.000Z: the equity at its close was -2000.00, so every position was closed at that " +
        "close except: could not close SHORT 20 X: the venue refused the order (trading in X is halted) (still held at the venue); " +
        "trading stopped there and the equity is 0 from that bar to the end (1 later bar not traded)",
    );
  });
});
