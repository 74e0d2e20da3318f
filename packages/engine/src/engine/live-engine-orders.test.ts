import { describe, expect, test } from "bun:test";
import { type Bar, type Fill, isArgoError, type Order, type OrderRequest, registerProvider, unregisterProvider } from "@argo/core";
import * as v from "valibot";
import type { OrderResult } from "../strategy/strategy-context.ts";
import { barsFromCloses, randomCloses } from "../test-fixtures/bars.ts";
import { FakeMarketData } from "../test-fixtures/fake-market-data.ts";
import { FakeVenue } from "../test-fixtures/fake-venue.ts";
import { runEngine, testStrategy } from "../test-fixtures/run-engine.ts";
import type { OrderRejection } from "./callbacks.ts";

const bars = barsFromCloses("BTC", randomCloses(60, 11, 100, 0.01));

describe("orders through the live engine (fakes)", () => {
  test("an order placed on bar t fills on bar t+1 at its open; the strategy sees the fill before bar t+1's onBar", async () => {
    let placed: OrderResult | undefined;
    let openAfterPlace = 0;
    let positionOnNextBar: unknown;
    const run = await runEngine({
      bars,
      strategy: testStrategy({
        async onBar(bar, ctx) {
          if (bar === bars[5]) {
            placed = await ctx.placeOrder({ side: "BUY", quantity: 2 });
            openAfterPlace = ctx.openOrders().length;
          }
          if (bar === bars[6]) positionOnNextBar = ctx.position();
        },
      }),
    });
    expect(placed?.status).toBe("placed");
    expect(openAfterPlace).toBe(1);
    const fills = run.named("onOrderFilled").map(([fill]) => fill as Fill);
    expect(fills).toHaveLength(1);
    expect(fills[0]!.price).toBe(bars[6]!.open);
    expect(fills[0]!.time).toBe(bars[6]!.openTime);
    expect(positionOnNextBar).toMatchObject({ symbol: "BTC", side: "LONG", quantity: 2, averagePrice: bars[6]!.open });
    expect(run.result?.positions).toMatchObject([{ symbol: "BTC", quantity: 2 }]);
    expect(run.result?.account.balance).toBeCloseTo(10_000 - 2 * bars[6]!.open, 9);
  });

  test("onOrderPlaced and onOrderFilled fire once per order and per fill, matching the venue's trades", async () => {
    const venue = new FakeVenue({ allowShort: true });
    const run = await runEngine({
      bars,
      venue,
      strategy: testStrategy({
        onBar(_bar, ctx) {
          // Not awaited on purpose: the engine still gets the order to the venue before the next bar.
          if (ctx.history().length % 4 === 0) void ctx.placeOrder({ side: ctx.history().length % 8 === 0 ? "SELL" : "BUY", quantity: 1 });
        },
      }),
    });
    const placed = run.named("onOrderPlaced").map(([o]) => (o as Order).clientOrderId);
    const filled = run.named("onOrderFilled").map(([f]) => (f as Fill).id);
    expect(placed).toHaveLength(15);
    expect(new Set(placed).size).toBe(15);
    expect(placed.sort()).toEqual([...venue.orders.keys()].sort());
    expect(filled).toHaveLength(venue.trades.length);
    expect(filled).toEqual(venue.trades.map((t) => t.id));
    expect(venue.trades).toHaveLength(14); // the order on the last bar has no next bar to fill on
    expect(run.result?.counters).toMatchObject({ ordersPlaced: 15, fills: 14 });
  });

  test("the strategy's onOrderUpdate gets each status change in order", async () => {
    const updates: string[] = [];
    await runEngine({
      bars: bars.slice(0, 10),
      strategy: testStrategy({
        onBar(bar, ctx) {
          if (bar === bars[2]) void ctx.placeOrder({ side: "BUY", quantity: 1, clientOrderId: "u1" });
        },
        onOrderUpdate: (order) => void updates.push(`${order.clientOrderId}:${order.status}`),
      }),
    });
    expect(updates).toEqual(["u1:SUBMITTED", "u1:FILLED"]);
  });

  test("engine, venue and fill-time refusals resolve as rejected results and are reported once each", async () => {
    const results: OrderResult[] = [];
    const venue = new FakeVenue({ cash: 1000 });
    const run = await runEngine({
      bars: bars.slice(0, 10),
      venue,
      strategy: testStrategy({
        async onBar(bar, ctx) {
          if (bar !== bars[1]) return;
          results.push(await ctx.placeOrder({ side: "BUY", quantity: -1 }));
          results.push(await ctx.placeOrder({ side: "BUY", quantity: 1, clientOrderId: "dup" }));
          results.push(await ctx.placeOrder({ side: "BUY", quantity: 1, clientOrderId: "dup" }));
          results.push(await ctx.placeOrder({ side: "BUY", quantity: 1000, clientOrderId: "too-big" }));
          results.push(await ctx.signal({ action: "CLOSE_LONG" }));
        },
      }),
    });
    expect(results.map((r) => r.status)).toEqual(["rejected", "placed", "rejected", "placed", "skipped"]);
    expect(results[0]).toMatchObject({ code: "INVALID_ORDER" });
    expect(results[2]).toMatchObject({ code: "DUPLICATE_ORDER" });
    const rejections = run.named("onOrderRejected").map(([r]) => r as OrderRejection);
    expect(rejections.map((r) => [r.source, r.code, r.request.clientOrderId])).toEqual([
      ["engine", "INVALID_ORDER", expect.any(String)],
      ["engine", "DUPLICATE_ORDER", "dup"],
      ["venue", "BROKER_REJECTED", "too-big"],
    ]);
    expect(venue.placed.map((r: OrderRequest) => r.clientOrderId)).toEqual(["dup", "too-big"]);
  });

  test("open orders are left working at stop unless cancelOpenOrdersOnStop; cancel and cancel-all work", async () => {
    const strategy = testStrategy({
      async onBar(bar, ctx) {
        if (bar !== bars[1]) return;
        await ctx.placeOrder({ side: "BUY", type: "LIMIT", limitPrice: 1, quantity: 1 });
        await ctx.placeOrder({ side: "BUY", type: "LIMIT", limitPrice: 2, quantity: 1 });
        expect(ctx.openOrders("BTC")).toHaveLength(2);
        expect(await ctx.cancelAllOrders("BTC")).toHaveLength(2);
        expect(ctx.openOrders()).toHaveLength(0);
        await ctx.placeOrder({ side: "BUY", type: "LIMIT", limitPrice: 1, quantity: 1, clientOrderId: "rest" });
        const other = await ctx.placeOrder({ side: "BUY", type: "LIMIT", limitPrice: 1, quantity: 1, clientOrderId: "gone" });
        if (other.status === "placed") expect((await ctx.cancelOrder("gone")).ok).toBe(true);
        expect(await ctx.cancelOrder("gone")).toMatchObject({ ok: false, code: "ORDER_NOT_FOUND" }); // already cancelled
        expect(await ctx.cancelOrder("nope")).toMatchObject({ ok: false, code: "ORDER_NOT_FOUND" });
      },
    });
    const left = await runEngine({ bars: bars.slice(0, 5), strategy });
    expect(left.result?.counters.strategyErrors).toBe(0); // the expectations inside the strategy held
    expect(left.result?.openOrders.map((o) => o.clientOrderId)).toEqual(["rest"]);
    expect(left.venue.orders.get("rest")?.status).toBe("SUBMITTED");
    expect(left.venue.orders.get("gone")?.status).toBe("CANCELLED");
    const cancelled = await runEngine({ bars: bars.slice(0, 5), strategy, engine: { cancelOpenOrdersOnStop: true } });
    expect(cancelled.result?.openOrders).toEqual([]);
    expect(cancelled.venue.orders.get("rest")?.status).toBe("CANCELLED");
  });
});

describe("providers through the registry", () => {
  test("names resolve through createProvider with validated config; the engine owns and closes them", async () => {
    const created: { venue?: FakeVenue; data?: FakeMarketData } = {};
    registerProvider({
      name: "engine-test-venue", displayName: "T", description: "d", isPaperTrading: true, kind: "trading", packageName: "@argo/engine-test",
      configSchema: v.strictObject({ cash: v.number() }), capabilities: {},
      create: (config) => (created.venue = new FakeVenue({ cash: config.cash })),
    });
    registerProvider({
      name: "engine-test-data", displayName: "D", description: "d", isPaperTrading: true, kind: "market-data", packageName: "@argo/engine-test",
      configSchema: v.strictObject({}), capabilities: {},
      create: () => (created.data = new FakeMarketData(bars.slice(0, 10))),
    });
    try {
      let cashAtInit = 0;
      const run = await runEngine({
        bars: [],
        symbols: ["BTC"],
        strategy: testStrategy({ init: (ctx) => void (cashAtInit = ctx.account().balance) }),
        engine: { trading: { provider: "engine-test-venue", config: { cash: 5000 } }, marketData: { provider: "engine-test-data" } },
      });
      expect(run.result?.counters.bars).toBe(10);
      expect(run.result?.mode).toBe("paper");
      expect(cashAtInit).toBe(5000);
      expect(created.venue?.connectionState()).toBe("DISCONNECTED");
      expect(created.data?.closed).toBe(true);
      const bad = await runEngine({ bars: [], symbols: ["BTC"], strategy: testStrategy({}), engine: { trading: { provider: "engine-test-venue", config: { cash: "x" } } } });
      expect(isArgoError(bad.error, "INVALID_CONFIGURATION")).toBe(true);
      expect((bad.error as Error).message).toContain("cash");
      const missing = await runEngine({ bars: [], symbols: ["BTC"], strategy: testStrategy({}), engine: { trading: { provider: "no-such-venue" } } });
      expect(isArgoError(missing.error, "PROVIDER_NOT_FOUND")).toBe(true);
    } finally {
      unregisterProvider("engine-test-venue");
      unregisterProvider("engine-test-data");
    }
  });

  test("a venue instance passed in stays connected after the run; the mode can be set", async () => {
    const run = await runEngine({ bars: bars.slice(0, 3), strategy: testStrategy({}), engine: { mode: "live" } });
    expect(run.venue.connectionState()).toBe("CONNECTED");
    expect(run.result?.mode).toBe("live");
    const seen: Bar[] = [];
    await runEngine({ bars: bars.slice(0, 3), strategy: testStrategy({ onBar: (b, ctx) => void (ctx.mode === "live" && seen.push(b)) }), engine: { mode: "live" } });
    expect(seen).toHaveLength(3);
  });
});
