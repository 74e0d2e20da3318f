import { describe, expect, test } from "bun:test";
import { ArgoError, type Order, type OrderRequest } from "@argo/core";
import { barsFromCloses } from "../test-fixtures/bars.ts";
import { LaterVenue } from "../test-fixtures/later-venue.ts";
import { runEngine, testStrategy } from "../test-fixtures/run-engine.ts";

/** Order "a" fails with a lost connection (tripping a one-error circuit breaker); every other placement is slower on the wire. */
class SlowAfterFailureVenue extends LaterVenue {
  override async placeOrder(request: OrderRequest): Promise<Order> {
    if (request.clientOrderId === "a") {
      await null;
      throw new ArgoError("CONNECTION_LOST", "socket reset");
    }
    await Bun.sleep(20);
    return super.placeOrder(request);
  }
}

/** On bar 0: a long 5 (market) first, then two buy limits "a" and "b" at once, the second still on the wire when the first fails. */
const strategy = testStrategy({
  async onBar(bar, ctx) {
    if (ctx.history().length === 1) await ctx.placeOrder({ side: "BUY", quantity: 5 });
    if (ctx.history().length !== 2) return;
    await Promise.all([
      ctx.placeOrder({ side: "SELL", type: "LIMIT", limitPrice: 100.5, quantity: 2, clientOrderId: "a" }),
      ctx.placeOrder({ side: "SELL", type: "LIMIT", limitPrice: 100.5, quantity: 2, clientOrderId: "b" }),
    ]);
  },
});

describe("a placement on its way when the engine halts", () => {
  test("is cancelled once the venue shows it: it never fills in HALTED", async () => {
    const bars = barsFromCloses("X", [100, 100, 101, 101]);
    const venue = new SlowAfterFailureVenue();
    const run = await runEngine({ bars, venue, strategy, engine: { mode: "live", risk: { circuitBreakerErrors: 1 } } });
    expect(run.named("onTradingStateChange").map(([c]) => (c as { to: string }).to)).toEqual(["HALTED"]);
    // Before, the halt's cancel-all reached the venue first and "b" then sold 2 at 101 in HALTED.
    expect(venue.orders.get("b")?.status).toBe("CANCELLED");
    expect(run.named("onOrderFilled").map(([f]) => (f as { clientOrderId: string }).clientOrderId)).not.toContain("b");
    expect(run.result?.positions.map((p) => [p.side, p.quantity])).toEqual([["LONG", 5]]);
    expect(run.result?.openOrders).toEqual([]);
  });

  test("with closePositionsOnHalt the close waits for it and its cancel: the whole long is sold, once", async () => {
    const bars = barsFromCloses("X", [100, 100, 101, 101]);
    const venue = new SlowAfterFailureVenue();
    const run = await runEngine({ bars, venue, strategy, engine: { mode: "live", risk: { circuitBreakerErrors: 1, closePositionsOnHalt: true } } });
    // Sized beside "b" still in flight, the close would sell only 3 and "b", cancelled, would leave 2 long.
    const closes = venue.placed.filter((r) => r.side === "SELL" && r.type === "MARKET").map((r) => r.quantity);
    expect(closes).toEqual([5]);
    expect(venue.orders.get("b")?.status).toBe("CANCELLED");
    expect(await venue.getPositions()).toEqual([]);
  });

  test("a strategy that does not await its placements: the close still waits for the one on its way", async () => {
    // The halt comes while settle() waits for the bar's calls, taken out of the pending list already.
    const unawaited = testStrategy({
      onBar(_bar, ctx) {
        if (ctx.history().length === 1) void ctx.placeOrder({ side: "BUY", quantity: 5 });
        if (ctx.history().length !== 2) return;
        void ctx.placeOrder({ side: "SELL", type: "LIMIT", limitPrice: 100.5, quantity: 2, clientOrderId: "a" });
        void ctx.placeOrder({ side: "SELL", type: "LIMIT", limitPrice: 100.5, quantity: 2, clientOrderId: "b" });
      },
    });
    const venue = new SlowAfterFailureVenue();
    await runEngine({
      bars: barsFromCloses("X", [100, 100, 101, 101]), venue, strategy: unawaited,
      engine: { mode: "live", risk: { circuitBreakerErrors: 1, closePositionsOnHalt: true } },
    });
    expect(venue.placed.filter((r) => r.side === "SELL" && r.type === "MARKET").map((r) => r.quantity)).toEqual([5]);
    expect(venue.orders.get("b")?.status).toBe("CANCELLED");
    expect(await venue.getPositions()).toEqual([]);
  });
});
