import { describe, expect, test } from "bun:test";
import { ArgoError, type Order, type OrderRequest } from "@argo/core";
import { CircuitBreaker } from "../risk/circuit-breaker.ts";
import type { RiskManager } from "../risk/risk-manager.ts";
import { barsFromCloses } from "../test-fixtures/bars.ts";
import { FakeVenue } from "../test-fixtures/fake-venue.ts";
import { runEngine, testStrategy } from "../test-fixtures/run-engine.ts";
import { FINISHED_ORDERS_KEPT } from "./account-mirror.ts";
import type { BarPipeline } from "./bar-pipeline.ts";
import type { OrderRejection } from "./callbacks.ts";
import { OrderGateway } from "./order-gateway.ts";

/** A gateway over the least of a pipeline that reporting a rejection touches: counters and the callback guard. */
function gateway() {
  const reported: string[] = [];
  const pipeline = {
    options: { mode: "live" },
    trading: new FakeVenue(),
    counters: { ordersRejected: 0 },
    guard: { call: (_name: string, rejection: OrderRejection) => void reported.push(rejection.request.clientOrderId!) },
  };
  const g = new OrderGateway(pipeline as unknown as BarPipeline, {} as RiskManager, new CircuitBreaker(5), "t-", 30_000);
  return { g, reported, pipeline };
}

const rejected = (id: string): Order => ({
  symbol: "X", side: "BUY", type: "MARKET", clientOrderId: id, venueOrderId: `v-${id}`, timeInForce: "GTC", status: "REJECTED", quantity: 1,
  filledQuantity: 0, averageFillPrice: 0, fills: [], createdAt: 1, updatedAt: 1, rejectReason: "no",
});

describe("venue rejections reported once, remembered for a bounded number of orders", () => {
  test("after more than FINISHED_ORDERS_KEPT venue rejections only the last FINISHED_ORDERS_KEPT are remembered", () => {
    const { g, reported, pipeline } = gateway();
    const total = FINISHED_ORDERS_KEPT + 300;
    for (let i = 0; i < total; i++) {
      g.venueRejected(rejected(`r${i}`));
      g.reject(rejected(`r${i}`), "BROKER_REJECTED", "no", "venue"); // the same refusal thrown as well: not reported again
    }
    expect(reported).toHaveLength(total);
    expect(pipeline.counters.ordersRejected).toBe(total);
    expect(g.rememberedRejections).toBe(FINISHED_ORDERS_KEPT);
    // The newest FINISHED_ORDERS_KEPT are still known (r300 … r(total-1)); r299 and older were forgotten, oldest first.
    g.venueRejected(rejected(`r${total - FINISHED_ORDERS_KEPT}`));
    expect(reported).toHaveLength(total);
    g.venueRejected(rejected(`r${total - FINISHED_ORDERS_KEPT - 1}`));
    expect(reported.at(-1)).toBe(`r${total - FINISHED_ORDERS_KEPT - 1}`);
    expect(g.rememberedRejections).toBe(FINISHED_ORDERS_KEPT);
  });

  test("engine and risk refusals are not remembered (they are reported by the engine alone, once)", () => {
    const { g, reported } = gateway();
    g.reject(rejected("e1"), "INVALID_ORDER", "bad", "engine");
    g.reject(rejected("k1"), "RISK_REJECTED", "limit", "risk");
    expect(reported).toEqual(["e1", "k1"]);
    expect(g.rememberedRejections).toBe(0);
  });

  test("through the engine: a venue that emits REJECTED and then throws reports each order once", async () => {
    class EventThenThrow extends FakeVenue {
      protected override placeNow(request: OrderRequest): Order {
        const order = rejected(request.clientOrderId!);
        this.emit({ type: "order", order });
        throw new ArgoError("BROKER_REJECTED", `refused ${order.clientOrderId}`);
      }
    }
    const bars = barsFromCloses("X", [10, 11, 12]);
    const run = await runEngine({
      bars,
      venue: new EventThenThrow(),
      strategy: testStrategy({
        async onBar(bar, ctx) {
          if (bar !== bars[1]) return;
          for (const id of ["a", "b", "c"]) await ctx.placeOrder({ side: "BUY", quantity: 1, clientOrderId: id });
        },
      }),
    });
    expect(run.named("onOrderRejected").map(([r]) => (r as OrderRejection).request.clientOrderId)).toEqual(["a", "b", "c"]);
    expect(run.result?.counters.ordersRejected).toBe(3);
  });
});
