import type { Order, OrderRequest } from "@argo/core";
import { describe, expect, test } from "bun:test";
import { barsFromCloses } from "../test-fixtures/bars.ts";
import { FakeVenue } from "../test-fixtures/fake-venue.ts";
import { runEngine, testStrategy } from "../test-fixtures/run-engine.ts";

const DEADLINE = 100;

/** A venue across a slow network: every placement answers after 60 ms, well within the call deadline. */
class SlowVenue extends FakeVenue {
  override async placeOrder(request: OrderRequest): Promise<Order> {
    await Bun.sleep(60);
    return super.placeOrder(request);
  }
}

describe("the stop's grace runs out only while no venue call is on its way", () => {
  test("an onStop placing 5 orders one after another (300 ms in all, each call within its deadline) is not cut short", async () => {
    const venue = new SlowVenue();
    const stop = new AbortController();
    const results: string[] = [];
    const run = await runEngine({
      bars: barsFromCloses("X", [100, 100, 100]),
      venue,
      signal: stop.signal,
      engine: { venueCallTimeoutMs: DEADLINE, cancelOpenOrdersOnStop: false },
      strategy: testStrategy({
        onBar() {
          stop.abort("Ctrl-C");
        },
        async onStop(ctx) {
          for (let i = 0; i < 5; i++) results.push((await ctx.placeOrder({ side: "BUY", type: "LIMIT", limitPrice: 1, quantity: 1 })).status);
        },
      }),
    });
    // Before: given up after 100 ms in all: the 5th refused, an order landing after the result, a STRATEGY_ERROR reported.
    expect(results).toEqual(["placed", "placed", "placed", "placed", "placed"]);
    expect(run.named("onStrategyError")).toEqual([]);
    expect(run.result?.openOrders).toHaveLength(5);
    expect(venue.orders.size).toBe(5);
  });
});
