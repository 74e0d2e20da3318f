import { describe, expect, test } from "bun:test";
import type { Order } from "@argo/core";
import { barsFromCloses } from "../test-fixtures/bars.ts";
import { FakeVenue } from "../test-fixtures/fake-venue.ts";
import { runEngine, testStrategy } from "../test-fixtures/run-engine.ts";

const bars = barsFromCloses("X", [100, 100, 100, 100]);

/** Tries to write to an order the strategy was handed; the message of the TypeError, or "written" when the write went through. */
function scribble(order: Order): string {
  try {
    (order as { quantity: number }).quantity = 1;
    (order.fills as unknown as unknown[]).push("junk");
    return "written";
  } catch (error) {
    return (error as Error).constructor.name;
  }
}

describe("the orders a strategy is handed are frozen copies: writing to one cannot change the engine's records", () => {
  test("a placement's result: the write throws, the mirror and what the strategy reads next keep quantity 5", async () => {
    const seen: Array<string | number | boolean | undefined> = [];
    const venue = new FakeVenue();
    await runEngine({
      bars, venue,
      strategy: testStrategy({
        async onBar(bar, ctx) {
          if (bar !== bars[0]) return;
          const result = await ctx.placeOrder({ side: "BUY", type: "LIMIT", limitPrice: 1, quantity: 5, clientOrderId: "rest" });
          if (result.status !== "placed") throw new Error(`not placed: ${result.status}`);
          seen.push(Object.isFrozen(result.order), result.order === result.order, scribble(result.order), ctx.openOrders()[0]?.quantity);
          seen.push(JSON.parse(JSON.stringify(result)).order.clientOrderId, { ...result }.order === result.order, structuredClone(result).order.quantity);
        },
      }),
    });
    expect(seen).toEqual([true, true, "TypeError", 5, "rest", true, 5]);
    expect(venue.orders.get("rest")?.quantity).toBe(5);
  });

  test("onOrderUpdate's order: a write throws, and the order stays in the mirror as the venue sent it", async () => {
    const writes: string[] = [];
    const open: number[] = [];
    const run = await runEngine({
      bars,
      strategy: testStrategy({
        async onBar(bar, ctx) {
          if (bar === bars[0]) await ctx.placeOrder({ side: "BUY", type: "LIMIT", limitPrice: 1, quantity: 5, clientOrderId: "rest" });
          if (bar === bars[2]) open.push(...ctx.openOrders().map((o) => o.quantity - o.filledQuantity));
        },
        onOrderUpdate(order) {
          writes.push(`${Object.isFrozen(order)} ${scribble(order)}`);
        },
      }),
    });
    expect(writes[0]).toBe("true TypeError");
    expect(open).toEqual([5]);
    expect(run.named("onStrategyError")).toHaveLength(0); // scribble caught its own TypeError
  });

  test("cancel results: the cancelled order of cancelOrder and each of cancelAllOrders are frozen copies", async () => {
    const seen: string[] = [];
    await runEngine({
      bars,
      strategy: testStrategy({
        async onBar(bar, ctx) {
          if (bar === bars[0]) {
            await ctx.placeOrder({ side: "BUY", type: "LIMIT", limitPrice: 1, quantity: 5, clientOrderId: "one" });
            await ctx.placeOrder({ side: "BUY", type: "LIMIT", limitPrice: 1, quantity: 3, clientOrderId: "two" });
          }
          if (bar === bars[1]) {
            const cancelled = await ctx.cancelOrder("one");
            if (cancelled.ok) seen.push(`${cancelled.order.status} ${scribble(cancelled.order)}`);
            for (const order of await ctx.cancelAllOrders()) seen.push(`${order.clientOrderId} ${order.status} ${scribble(order)}`);
          }
        },
      }),
    });
    expect(seen).toEqual(["CANCELLED TypeError", "two CANCELLED TypeError"]);
  });
});
