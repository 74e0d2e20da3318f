import { describe, expect, test } from "bun:test";
import type { Order, OrderRequest } from "@argo/core";
import type { CancelResult, OrderResult } from "../strategy/strategy-context.ts";
import { barsFromCloses } from "../test-fixtures/bars.ts";
import { LaterVenue } from "../test-fixtures/later-venue.ts";
import { runEngine, testStrategy } from "../test-fixtures/run-engine.ts";

/** A venue whose placements take a while on the wire, while cancels are answered at once. */
class SlowPlacementVenue extends LaterVenue {
  override async placeOrder(request: OrderRequest): Promise<Order> {
    await Bun.sleep(15);
    return super.placeOrder(request);
  }
}

describe("a cancel issued while its order's placement is still on its way", () => {
  test("reaches the venue after the placement: the order is cancelled, never left working to fill", async () => {
    const bars = barsFromCloses("X", [100, 100, 99, 98]);
    const venue = new SlowPlacementVenue();
    const outcomes: (OrderResult | CancelResult)[] = [];
    const run = await runEngine({
      bars, venue, engine: { mode: "live" },
      strategy: testStrategy({
        async onBar(bar, ctx) {
          if (bar !== bars[0]) return;
          const placed = ctx.placeOrder({ side: "BUY", type: "LIMIT", limitPrice: 99.5, quantity: 1, clientOrderId: "dip" });
          outcomes.push(await ctx.cancelOrder("dip"), await placed);
        },
      }),
    });
    // Before, the cancel overtook the placement (ORDER_NOT_FOUND) and the limit bought on bar 2's dip.
    expect(outcomes.map((o) => ("ok" in o ? `cancel ${o.ok}` : o.status))).toEqual(["cancel true", "placed"]);
    expect(venue.orders.get("dip")?.status).toBe("CANCELLED");
    expect(run.named("onOrderFilled")).toEqual([]);
    expect(run.result?.openOrders).toEqual([]);
  });
});

describe("a cancel-all issued while placements are still on their way", () => {
  test("reaches the venue after them: nothing placed before it is left working", async () => {
    const bars = barsFromCloses("X", [100, 100, 99, 98]);
    const venue = new SlowPlacementVenue();
    let cancelled: Order[] = [];
    const run = await runEngine({
      bars, venue, engine: { mode: "live" },
      strategy: testStrategy({
        async onBar(bar, ctx) {
          if (bar !== bars[0]) return;
          void ctx.placeOrder({ side: "BUY", type: "LIMIT", limitPrice: 99.5, quantity: 1, clientOrderId: "dip-1" });
          void ctx.placeOrder({ side: "BUY", type: "LIMIT", limitPrice: 99.4, quantity: 1, clientOrderId: "dip-2" });
          cancelled = await ctx.cancelAllOrders();
        },
      }),
    });
    expect(cancelled.map((o) => o.clientOrderId).sort()).toEqual(["dip-1", "dip-2"]);
    expect(run.named("onOrderFilled")).toEqual([]);
    expect(run.result?.openOrders).toEqual([]);
  });
});
