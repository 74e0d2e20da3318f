import type { ArgoError, Order } from "@argo/core";
import { describe, expect, test } from "bun:test";
import { barsFromCloses } from "../test-fixtures/bars.ts";
import { FakeVenue } from "../test-fixtures/fake-venue.ts";
import { runEngine, testStrategy } from "../test-fixtures/run-engine.ts";

/** A venue adapter whose cancel answers with an order of another id (a mix-up in its id mapping), cancelled. */
class MixedUpCancelVenue extends FakeVenue {
  override async cancelOrder(orderId: string): Promise<Order> {
    const other = this.orders.values().next().value!;
    return { ...other, clientOrderId: `not-${orderId}`, venueOrderId: "V-OTHER", status: "CANCELLED" };
  }
}

describe("a cancel answered with another order than the one asked about", () => {
  test("is a failed cancel reported as INVALID_DATA naming both ids; the other order is not booked", async () => {
    const venue = new MixedUpCancelVenue();
    const results: unknown[] = [];
    const run = await runEngine({
      bars: barsFromCloses("X", [100, 100, 100]),
      venue,
      strategy: testStrategy({
        async onBar(_bar, ctx) {
          if (ctx.history().length !== 2) return;
          const placed = await ctx.placeOrder({ side: "BUY", type: "LIMIT", limitPrice: 1, quantity: 1, clientOrderId: "mine" });
          expect(placed.status).toBe("placed");
          results.push(await ctx.cancelOrder("mine"));
        },
      }),
    });
    // Before: ok, with the other order, which the engine then recorded as a cancelled order it never placed.
    expect(results).toEqual([{ ok: false, code: "INVALID_DATA", reason: expect.stringContaining('answered the cancel of "mine" with another order ("not-mine")') }]);
    expect(run.named("onError").map(([e]) => (e as ArgoError).code)).toContain("INVALID_DATA");
    expect(run.result?.openOrders.map((o) => o.clientOrderId)).toEqual(["mine"]);
  });
});
