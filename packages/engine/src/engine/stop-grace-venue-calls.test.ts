import { ArgoError, type Order, type OrderRequest } from "@argo/core";
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

  test("a placement of unknown outcome (the venue never answers) does not keep the stop waiting for ever", async () => {
    // Review: counting such placements as "on its way" renewed the grace without end: only a bar's lookup settles them.
    class SilentVenue extends FakeVenue {
      override placeOrder(): Promise<Order> {
        return new Promise<Order>(() => {});
      }
      override async getOrder(): Promise<Order> {
        throw new ArgoError("CONNECTION_LOST", "no answer");
      }
    }
    const stop = new AbortController();
    const run = await runEngine({
      bars: barsFromCloses("X", [100, 100, 100]),
      venue: new SilentVenue(),
      signal: stop.signal,
      engine: { venueCallTimeoutMs: 30 },
      strategy: testStrategy({
        async onBar(_bar, ctx) {
          await ctx.placeOrder({ side: "BUY", type: "LIMIT", limitPrice: 1, quantity: 1 });
          stop.abort("Ctrl-C");
          await new Promise<never>(() => {});
        },
      }),
    });
    expect(run.result?.status).toBe("aborted");
  }, 5_000);

  test("after a hung onBar is given up, onStop still places its orders", async () => {
    // Review: the give-up closed the gate for every callback, so an onStop flattening positions was refused.
    const stop = new AbortController();
    const results: string[] = [];
    await runEngine({
      bars: barsFromCloses("X", [100, 100, 100]),
      signal: stop.signal,
      engine: { venueCallTimeoutMs: 30 },
      strategy: testStrategy({
        async onBar() {
          stop.abort("Ctrl-C");
          await new Promise<never>(() => {});
        },
        async onStop(ctx) {
          results.push((await ctx.placeOrder({ side: "SELL", type: "LIMIT", limitPrice: 1000, quantity: 1 })).status);
        },
      }),
    });
    expect(results).toEqual(["placed"]);
  });
});
