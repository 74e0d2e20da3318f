import { describe, expect, test } from "bun:test";
import type { OrderResult } from "../strategy/strategy-context.ts";
import { barsFromCloses } from "../test-fixtures/bars.ts";
import { FakeVenue, SyncFakeVenue } from "../test-fixtures/fake-venue.ts";
import { LaterVenue } from "../test-fixtures/later-venue.ts";
import { runEngine, testStrategy } from "../test-fixtures/run-engine.ts";
import type { OrderRejection } from "./callbacks.ts";
import { STOPPING_REASON } from "./strategy-order-gate.ts";

const bars = barsFromCloses("X", [100, 100, 100]);
const venues: Array<[string, () => FakeVenue]> = [
  ["a venue answering through promises", () => new LaterVenue()],
  ["a simulator answering in the call", () => new SyncFakeVenue()],
];

describe("cancelOpenOrdersOnStop: nothing the strategy places after onStop is left working", () => {
  for (const [name, make] of venues) {
    test(`an order placed again on hearing of the stop's cancel is refused, with no venue call (${name})`, async () => {
      const venue = make();
      const replaced: OrderResult[] = [];
      const strategy = testStrategy({
        onBar(_bar, ctx) {
          if (ctx.history().length === 1) void ctx.placeOrder({ side: "BUY", quantity: 1, type: "LIMIT", limitPrice: 90, clientOrderId: "guard" });
        },
        async onOrderUpdate(order, ctx) {
          // A strategy that keeps a protective order working: whoever cancels it, it places it again.
          if (order.status === "CANCELLED") replaced.push(await ctx.placeOrder({ symbol: "X", side: "BUY", quantity: 1, type: "LIMIT", limitPrice: 90 }));
        },
      });
      const run = await runEngine({ bars, strategy, venue, engine: { cancelOpenOrdersOnStop: true } });
      expect(run.error).toBeUndefined();
      expect(replaced).toHaveLength(1);
      expect(replaced[0]).toMatchObject({ status: "rejected", code: "CONTEXT_CANCELLED", reason: STOPPING_REASON });
      // The venue saw the one order and its cancel, nothing after: nothing is working there, and the result says so.
      expect(venue.placed.map((r) => r.clientOrderId)).toEqual(["guard"]);
      expect([...venue.orders.values()].filter((o) => o.status === "SUBMITTED")).toEqual([]);
      expect(run.result!.openOrders).toEqual([]);
      const rejections = run.named("onOrderRejected") as Array<[OrderRejection]>;
      expect(rejections.map(([r]) => [r.code, r.source, r.reason])).toEqual([["CONTEXT_CANCELLED", "engine", STOPPING_REASON]]);
    });
  }

  test("onStop itself may still place, and a cancel after it still reaches the venue", async () => {
    const venue = new LaterVenue();
    const results: string[] = [];
    const strategy = testStrategy({
      async onOrderUpdate(order, ctx) {
        // Heard from the stop's cancel-all: a cancel then is not refused by the engine, so the venue answers it (the
        // order is no longer open there).
        if (order.status === "CANCELLED") {
          const cancel = await ctx.cancelOrder(order.clientOrderId);
          results.push(cancel.ok ? "cancelled again" : `${cancel.code}: ${cancel.reason}`);
        }
      },
      async onStop(ctx) {
        results.push((await ctx.placeOrder({ symbol: "X", side: "BUY", quantity: 1, type: "LIMIT", limitPrice: 80, clientOrderId: "a" })).status);
      },
    });
    const run = await runEngine({ bars, strategy, venue, engine: { cancelOpenOrdersOnStop: true } });
    expect(results).toEqual(["placed", "ORDER_NOT_FOUND: a is not open: it is CANCELLED"]);
    expect(venue.orders.get("a")!.status).toBe("CANCELLED");
    expect(run.named("onOrderRejected")).toEqual([]);
  });
});
