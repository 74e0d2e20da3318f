import type { TradingProvider } from "@argo/core";
import type { LiveEngine } from "@argo/engine";
import { LatencyHistogram, type SessionEvent } from "@argo/status-api";
import { makeBar, makeFill, makeOrder } from "@argo/status-api/testing";
import { describe, expect, test } from "bun:test";
import { RunnerSession } from "./runner-session.ts";

function session() {
  const trading = { connectionState: () => "CONNECTED" } as unknown as TradingProvider;
  const options = { mode: "paper" as const, symbols: ["BTCUSD"], interval: "1m", marketDataName: "simulated", tradingName: "paper", config: {}, venueCallTimeoutMs: 30_000 };
  const runner = new RunnerSession(options, trading, {} as LiveEngine, new LatencyHistogram());
  return { runner, callbacks: runner.callbacks() };
}

describe("RunnerSession", () => {
  test("an order filled in two parts counts as one filled order, and each fill is an event", async () => {
    const { runner, callbacks } = session();
    const events: SessionEvent[] = [];
    runner.subscribe((event) => events.push(event));
    const order = makeOrder({ clientOrderId: "o-1", quantity: 2 });
    callbacks.onOrderPlaced!(order);
    callbacks.onOrderFilled!(makeFill({ id: "f-1", clientOrderId: "o-1" }), { ...order, status: "PARTIALLY_FILLED", filledQuantity: 1 });
    expect((await runner.metrics()).counters).toMatchObject({ ordersPlaced: 1, ordersFilled: 0 });
    callbacks.onOrderFilled!(makeFill({ id: "f-2", clientOrderId: "o-1" }), { ...order, status: "FILLED", filledQuantity: 2 });
    expect((await runner.metrics()).counters).toMatchObject({ ordersPlaced: 1, ordersFilled: 1 });
    expect(events.map((e) => e.type)).toEqual(["fill", "fill"]);
    // The order as it stands last is the one listed.
    expect((await runner.recentOrders(10)).map((o) => [o.clientOrderId, o.status])).toEqual([["o-1", "FILLED"]]);
  });

  test("recent orders are newest first, an update moves its order to the front, and only the newest 1000 are kept", async () => {
    const { runner, callbacks } = session();
    for (let i = 0; i < 1001; i++) callbacks.onOrderPlaced!(makeOrder({ clientOrderId: `o-${i}` }));
    callbacks.onOrderUpdate!(makeOrder({ clientOrderId: "o-5", status: "CANCELLED" }));
    const recent = await runner.recentOrders(2000);
    expect(recent).toHaveLength(1000);
    expect(recent.slice(0, 3).map((o) => o.clientOrderId)).toEqual(["o-5", "o-1000", "o-999"]);
    expect(recent[0]!.status).toBe("CANCELLED");
    // o-0 was the oldest when the 1001st arrived; o-1 is the oldest left.
    expect(recent.at(-1)!.clientOrderId).toBe("o-1");
    expect(new Set(recent.map((o) => o.clientOrderId)).size).toBe(1000);
    expect((await runner.recentOrders(2)).map((o) => o.clientOrderId)).toEqual(["o-5", "o-1000"]);
  });

  test("a bar is counted, becomes the last bar seen and an event", async () => {
    const { runner, callbacks } = session();
    const events: SessionEvent[] = [];
    runner.subscribe((event) => events.push(event));
    const before = Date.now();
    callbacks.onMarketData!(makeBar());
    const info = await runner.info();
    expect(info.lastBarAt).toBeGreaterThanOrEqual(before);
    expect(info.providers.trading).toEqual({ name: "paper", connected: true, isPaperTrading: true });
    expect((await runner.metrics()).counters.barsProcessed).toBe(1);
    expect(events).toEqual([{ type: "bar", time: info.lastBarAt!, data: makeBar() }]);
  });
});
