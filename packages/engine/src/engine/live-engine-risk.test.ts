import { describe, expect, test } from "bun:test";
import type { Bar } from "@argo/core";
import type { TradingStateChange } from "../risk/trading-state.ts";
import type { OrderResult } from "../strategy/strategy-context.ts";
import { barsFromCloses } from "../test-fixtures/bars.ts";
import { FakeVenue } from "../test-fixtures/fake-venue.ts";
import { runEngine, testStrategy } from "../test-fixtures/run-engine.ts";
import type { OrderRejection } from "./callbacks.ts";

const closeTime = (bar: Bar) => bar.openTime + 60_000;

describe("risk through the live engine (fakes)", () => {
  test("a position limit refuses the order before the venue: RISK_REJECTED result and onOrderRejected", async () => {
    const results: OrderResult[] = [];
    const venue = new FakeVenue();
    const run = await runEngine({
      bars: barsFromCloses("X", [100, 100, 100]),
      venue,
      engine: { risk: { maxPositionQuantity: 5, maxOpenOrders: 2 } },
      strategy: testStrategy({
        async onBar(bar, ctx) {
          if (ctx.history().length !== 1) return;
          results.push(await ctx.placeOrder({ side: "BUY", quantity: 6 }));
          // Not awaited: in-flight orders count against maxOpenOrders.
          const a = ctx.placeOrder({ side: "BUY", type: "LIMIT", limitPrice: 1, quantity: 1 });
          const b = ctx.placeOrder({ side: "BUY", type: "LIMIT", limitPrice: 1, quantity: 1 });
          const c = ctx.placeOrder({ side: "BUY", type: "LIMIT", limitPrice: 1, quantity: 1 });
          results.push(...(await Promise.all([a, b, c])));
        },
      }),
    });
    expect(results.map((r) => (r.status === "rejected" ? r.code : r.status))).toEqual(["RISK_REJECTED", "placed", "placed", "RISK_REJECTED"]);
    expect((results[0] as { reason: string }).reason).toContain("maxPositionQuantity 5");
    expect((results[3] as { reason: string }).reason).toContain("maxOpenOrders 2");
    const rejected = run.named("onOrderRejected").map(([r]) => r as OrderRejection);
    expect(rejected.map((r) => [r.source, r.code])).toEqual([["risk", "RISK_REJECTED"], ["risk", "RISK_REJECTED"]]);
    expect(venue.placed).toHaveLength(2);
  });

  // Buys 50 at 100 with 10,000: equity = 5,000 + 50 × close. Peak 10,000; REDUCING at 10% (close 80, bar 7);
  // selling 1 at bar 8's open (80) leaves 5,080 + 49 × close; HALTED at 15% (8,500): close 65 (8,265) on bar 10.
  const closes = [100, 100, 100, 100, 95, 90, 85, 80, 75, 70, 65, 60, 55];
  const bars = barsFromCloses("X", closes);
  const drawdownStrategy = (seen: Record<number, string>) =>
    testStrategy({
      async onBar(bar, ctx) {
        const i = bars.indexOf(bar);
        if (i === 0) {
          await ctx.placeOrder({ side: "BUY", quantity: 50 });
          await ctx.placeOrder({ side: "BUY", type: "LIMIT", limitPrice: 1, quantity: 1, clientOrderId: "resting" });
        }
        if (i === 7) {
          const buy = await ctx.placeOrder({ side: "BUY", quantity: 1 });
          const sell = await ctx.placeOrder({ side: "SELL", quantity: 1 });
          seen[7] = `${ctx.tradingState} buy:${buy.status === "rejected" ? buy.code : buy.status} sell:${sell.status}`;
        }
        if (i === 10) {
          const sell = await ctx.placeOrder({ side: "SELL", quantity: 1 });
          seen[10] = `${ctx.tradingState} sell:${sell.status === "rejected" ? sell.code : sell.status}`;
        }
      },
    });

  test("drawdown: ACTIVE → REDUCING (only reducing orders) → HALTED (all open orders cancelled, nothing accepted)", async () => {
    const seen: Record<number, string> = {};
    const run = await runEngine({ bars, strategy: drawdownStrategy(seen), engine: { risk: { maxDrawdown: 0.1 } } });
    const changes = run.named("onTradingStateChange").map(([c]) => c as TradingStateChange);
    expect(changes.map((c) => [c.from, c.to, c.time])).toEqual([
      ["ACTIVE", "REDUCING", closeTime(bars[7]!)],
      ["REDUCING", "HALTED", closeTime(bars[10]!)],
    ]);
    expect(changes[0]!.reason).toContain("maxDrawdown 10.00%");
    expect(changes[1]!.reason).toContain("haltDrawdown 15.00%");
    expect(seen).toEqual({ 7: "REDUCING buy:RISK_REJECTED sell:placed", 10: "HALTED sell:TRADING_HALTED" });
    expect(run.venue.orders.get("resting")?.status).toBe("CANCELLED");
    expect(run.result?.tradingState).toBe("HALTED");
    expect(run.result?.positions).toMatchObject([{ side: "LONG", quantity: 49 }]);
  });

  test("closePositionsOnHalt flattens every position with market orders when HALTED", async () => {
    const run = await runEngine({ bars, strategy: drawdownStrategy({}), engine: { risk: { maxDrawdown: 0.1, closePositionsOnHalt: true } } });
    expect(run.result?.positions).toEqual([]);
    expect(run.venue.trades.at(-1)).toMatchObject({ side: "SELL", quantity: 49, price: closes[10], time: bars[11]!.openTime });
  });

  test("daily loss on daily bars: REDUCING on a 6% day, lifted the next day, HALTED on an 11% day", async () => {
    const day = 86_400_000;
    const daily = barsFromCloses("X", [100, 100, 100, 94, 100, 89, 90], Date.UTC(2024, 0, 1), "1d", day);
    const run = await runEngine({
      bars: daily,
      engine: { interval: "1d", risk: { maxDailyLoss: 0.05, haltDailyLoss: 0.1 } },
      strategy: testStrategy({ onBar: (bar, ctx) => void (bar === daily[0] && ctx.placeOrder({ side: "BUY", quantity: 100 })) }),
    });
    const changes = run.named("onTradingStateChange").map(([c]) => c as TradingStateChange);
    expect(changes.map((c) => [c.from, c.to, c.time])).toEqual([
      ["ACTIVE", "REDUCING", daily[3]!.openTime + day], // 10,000 → 9,400
      ["REDUCING", "ACTIVE", daily[4]!.openTime + day], // new day
      ["ACTIVE", "HALTED", daily[5]!.openTime + day], // 10,000 → 8,900
    ]);
  });

  test("the circuit breaker halts after 5 consecutive provider errors; later orders never reach the venue", async () => {
    const venue = new FakeVenue({ failCalls: { count: 100, code: "CONNECTION_LOST" } });
    const codes: string[] = [];
    const run = await runEngine({
      bars: barsFromCloses("X", Array.from({ length: 8 }, () => 100)),
      venue,
      strategy: testStrategy({
        async onBar(_bar, ctx) {
          const result = await ctx.placeOrder({ side: "BUY", quantity: 1 });
          codes.push(result.status === "rejected" ? result.code : result.status);
        },
      }),
    });
    expect(codes).toEqual([...Array(5).fill("CONNECTION_LOST"), ...Array(3).fill("TRADING_HALTED")]);
    const changes = run.named("onTradingStateChange").map(([c]) => c as TradingStateChange);
    expect(changes).toHaveLength(1);
    expect(changes[0]!.reason).toContain("circuit breaker: 5 consecutive trading provider errors");
    expect(venue.options.failCalls?.count).toBe(100 - 5 - 1); // five orders, then the cancel-all of the halt
    // Provider failures (not order refusals) are non-fatal errors too: five orders and the cancel-all.
    expect(run.named("onError").map(([e]) => (e as { code: string }).code)).toEqual(Array(6).fill("CONNECTION_LOST"));
  });

  test("order refusals do not trip the breaker; the threshold is configurable", async () => {
    const refusals = await runEngine({
      bars: barsFromCloses("X", Array.from({ length: 8 }, () => 100)),
      venue: { failCalls: { count: 100, code: "INSUFFICIENT_FUNDS" } },
      strategy: testStrategy({ onBar: (_b, ctx) => void ctx.placeOrder({ side: "BUY", quantity: 1 }) }),
    });
    expect(refusals.named("onTradingStateChange")).toHaveLength(0);
    expect(refusals.named("onError")).toHaveLength(0); // a refusal is the venue answering: onOrderRejected only
    expect(refusals.named("onOrderRejected")).toHaveLength(8);
    const three = await runEngine({
      bars: barsFromCloses("X", Array.from({ length: 8 }, () => 100)),
      venue: { failCalls: { count: 100, code: "RATE_LIMITED" } },
      engine: { risk: { circuitBreakerErrors: 3 } },
      strategy: testStrategy({ onBar: (_b, ctx) => void ctx.placeOrder({ side: "BUY", quantity: 1 }) }),
    });
    expect(three.named("onTradingStateChange").map(([c]) => (c as TradingStateChange).reason)).toEqual([
      expect.stringContaining("circuit breaker: 3 consecutive"),
    ]);
  });
});
