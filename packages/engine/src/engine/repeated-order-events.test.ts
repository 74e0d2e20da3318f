import { describe, expect, test } from "bun:test";
import type { Order, OrderRequest, TradingEvent } from "@argo/core";
import { barsFromCloses } from "../test-fixtures/bars.ts";
import { LaterVenue } from "../test-fixtures/later-venue.ts";
import { runEngine, testStrategy } from "../test-fixtures/run-engine.ts";

/** A venue that sends each FILLED order event twice (a websocket re-delivering after a reconnect, a broker repeating a status). */
class RepeatingVenue extends LaterVenue {
  protected override emit(event: TradingEvent): void {
    super.emit(event);
    if (event.type === "order" && event.order.status === "FILLED") super.emit({ type: "order", order: { ...event.order } });
  }
}

describe("an order event the venue repeats with nothing changed", () => {
  test("reaches onOrderUpdate once: a take-profit placed on FILLED is placed once", async () => {
    const venue = new RepeatingVenue();
    const updates: string[] = [];
    const run = await runEngine({
      bars: barsFromCloses("X", [100, 101, 102, 103]), venue, engine: { mode: "live" },
      strategy: testStrategy({
        async onBar(_bar, ctx) {
          if (ctx.history().length === 1) await ctx.placeOrder({ side: "BUY", quantity: 1 });
        },
        async onOrderUpdate(order, ctx) {
          updates.push(`${order.side}:${order.status}`);
          if (order.side === "BUY" && order.status === "FILLED") await ctx.placeOrder({ symbol: "X", side: "SELL", type: "LIMIT", limitPrice: 200, quantity: 1 });
        },
      }),
    });
    expect(updates).toEqual(["BUY:SUBMITTED", "BUY:FILLED", "SELL:SUBMITTED"]);
    expect(run.named("onOrderUpdate").map(([o]) => (o as Order).status)).toEqual(["SUBMITTED", "FILLED", "SUBMITTED"]);
    expect(venue.placed.filter((r) => r.side === "SELL")).toHaveLength(1);
  });

  test("the same status with something changed (a limit price amended at the venue) is delivered", async () => {
    class AmendingVenue extends LaterVenue {
      override async placeOrder(request: OrderRequest): Promise<Order> {
        const order = await super.placeOrder(request);
        this.emit({ type: "order", order: { ...order, limitPrice: 98, updatedAt: order.updatedAt + 1 } });
        return order;
      }
    }
    const updates: string[] = [];
    await runEngine({
      bars: barsFromCloses("X", [100, 101, 102]), venue: new AmendingVenue(), engine: { mode: "live" },
      strategy: testStrategy({
        async onBar(_bar, ctx) {
          if (ctx.history().length === 1) await ctx.placeOrder({ side: "BUY", type: "LIMIT", limitPrice: 99, quantity: 1 });
        },
        onOrderUpdate(order) {
          updates.push(`${order.status}:${order.limitPrice}`);
        },
      }),
    });
    expect(updates).toEqual(["SUBMITTED:99", "SUBMITTED:98"]);
  });
});
