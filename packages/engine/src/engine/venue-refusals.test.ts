import { describe, expect, test } from "bun:test";
import { ArgoError, type Order, type OrderRequest } from "@argo/core";
import type { OrderRejection } from "./callbacks.ts";
import type { OrderResult } from "../strategy/strategy-context.ts";
import { barsFromCloses } from "../test-fixtures/bars.ts";
import { LaterVenue } from "../test-fixtures/later-venue.ts";
import { runEngine, testStrategy } from "../test-fixtures/run-engine.ts";

const bars = barsFromCloses("X", [100, 101, 102, 103]);

/**
 * A venue that books every order it is sent as REJECTED (insufficient balance), as a broker that answers a refusal with
 * the order's state does (Interactive Brokers' orderStatus "Inactive"); `answer`: "lost" drops the answer on the wire
 * (the lookup then finds the order), "order" answers with the REJECTED order. `event` also sends the order event.
 */
class RefusingVenue extends LaterVenue {
  constructor(private readonly answer: "lost" | "order", private readonly event: boolean) {
    super();
  }

  override async placeOrder(request: OrderRequest): Promise<Order> {
    await null;
    const order: Order = {
      ...request, clientOrderId: request.clientOrderId!, venueOrderId: "v-rejected", timeInForce: "GTC", status: "REJECTED",
      rejectReason: "insufficient balance", quantity: request.quantity ?? 0, filledQuantity: 0, averageFillPrice: 0, fills: [],
      createdAt: this.time, updatedAt: this.time,
    };
    this.orders.set(order.clientOrderId, order);
    if (this.event) this.emit({ type: "order", order: { ...order } });
    if (this.answer === "lost") throw new ArgoError("CONNECTION_LOST", "socket hang up");
    return { ...order };
  }
}

/** Places one buy on bar 0 and keeps its result. */
function buyingOnce(results: OrderResult[]) {
  return testStrategy({
    async onBar(bar, ctx) {
      if (bar === bars[0]) results.push(await ctx.placeOrder({ side: "BUY", quantity: 1 }));
    },
  });
}

describe("a placement the venue shows REJECTED (in its answer, or found by the lookup after a lost answer)", () => {
  for (const [answer, event] of [["lost", false], ["lost", true], ["order", false], ["order", true]] as const) {
    test(`answer ${answer}${event ? ", with its event" : ""}: rejected once as the venue's refusal, never booked placed`, async () => {
      const results: OrderResult[] = [];
      const run = await runEngine({ bars, venue: new RefusingVenue(answer, event), strategy: buyingOnce(results), engine: { mode: "live" } });
      expect(results.map((r) => [r.status, (r as { code?: string }).code])).toEqual([["rejected", "BROKER_REJECTED"]]);
      expect((results[0] as { reason: string }).reason).toBe("insufficient balance");
      expect(run.named("onOrderPlaced")).toEqual([]);
      expect(run.named("onOrderRejected").map(([r]) => (r as OrderRejection).source)).toEqual(["venue"]);
      expect([run.result?.counters.ordersPlaced, run.result?.counters.ordersRejected]).toEqual([0, 1]);
      expect(run.result?.openOrders).toEqual([]);
    });
  }
});

describe("refusals of a client id the strategy sends again", () => {
  test("each refused placement is reported: the venue's twice, then the risk limits'", async () => {
    class Refusing extends LaterVenue {
      override async placeOrder(): Promise<Order> {
        await null;
        throw new ArgoError("INSUFFICIENT_FUNDS", "account has insufficient balance for requested action");
      }
    }
    const results: OrderResult[] = [];
    const run = await runEngine({
      bars, venue: new Refusing(), engine: { mode: "live", risk: { maxPositionQuantity: 10 } },
      strategy: testStrategy({
        async onBar(bar, ctx) {
          // A refusal frees the id, so the same id may be sent again (a retry of the same intent).
          if (bar === bars[0] || bar === bars[1]) results.push(await ctx.placeOrder({ side: "BUY", quantity: 1, clientOrderId: "entry-1" }));
          if (bar === bars[2]) results.push(await ctx.placeOrder({ side: "BUY", quantity: 1000, clientOrderId: "entry-1" }));
        },
      }),
    });
    expect(results.map((r) => (r as { code: string }).code)).toEqual(["INSUFFICIENT_FUNDS", "INSUFFICIENT_FUNDS", "RISK_REJECTED"]);
    expect(run.named("onOrderRejected").map(([r]) => `${(r as OrderRejection).source}:${(r as OrderRejection).code}`))
      .toEqual(["venue:INSUFFICIENT_FUNDS", "venue:INSUFFICIENT_FUNDS", "risk:RISK_REJECTED"]);
    expect(run.result?.counters.ordersRejected).toBe(3);
  });
});
