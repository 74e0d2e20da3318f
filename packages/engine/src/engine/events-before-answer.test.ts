import type { Order, OrderRequest } from "@argo/core";
import { describe, expect, test } from "bun:test";
import type { OrderResult } from "../strategy/strategy-context.ts";
import { barsFromCloses } from "../test-fixtures/bars.ts";
import { FakeVenue } from "../test-fixtures/fake-venue.ts";
import { runEngine, testStrategy } from "../test-fixtures/run-engine.ts";

/**
 * A broker that fills a market order at once and sends its stream's events before the answer to the placement call
 * (Binance's executionReport often reaches the user stream before the REST response does).
 */
class EventsFirstVenue extends FakeVenue {
  override async placeOrder(request: OrderRequest): Promise<Order> {
    const order = this.placeNow(request);
    const last = this.barsSeen.at(-1);
    if (last !== undefined) this.processBar(last); // fills at once: fill, order, position and account events
    await Bun.sleep(5);
    return { ...(this.orders.get(order.clientOrderId) ?? order) };
  }
}

/** The callbacks about one order, by name, in the order they came. */
const about = (calls: unknown[][], id: string) =>
  calls.filter(([, arg]) => (arg as { clientOrderId?: string } | undefined)?.clientOrderId === id).map(([name]) => name);

describe("a venue whose events overtake its answer", () => {
  test("the order is reported placed first, then its updates and fill, each once; the strategy's answer says placed", async () => {
    const results: OrderResult[] = [];
    let bar = 0;
    const strategy = testStrategy({
      async onBar(_bar, ctx) {
        if (++bar === 1) results.push(await ctx.placeOrder({ side: "BUY", type: "MARKET", quantity: 1, clientOrderId: "quick-1" }));
      },
    });
    const run = await runEngine({ bars: barsFromCloses("X", [100, 101, 102]), venue: new EventsFirstVenue(), strategy, engine: { mode: "live" } });
    expect(run.error).toBeUndefined();
    expect(results.map((r) => r.status)).toEqual(["placed"]);
    expect(about(run.calls, "quick-1")).toEqual(["onOrderPlaced", "onOrderUpdate", "onOrderFilled", "onOrderUpdate"]);
    expect(run.result?.counters).toMatchObject({ ordersPlaced: 1, ordersRejected: 0, fills: 1 });
  });
});
