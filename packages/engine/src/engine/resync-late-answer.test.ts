// A placement on its way as the link came back, whose outcome stayed unknown (its answer past the deadline, its lookup
// failed), then answered late: the answer was made as the venue took the order, before the venue refused it in the gap
// (whose events were lost). Booked from that answer alone, the order stayed working for the session (a network fuzz
// found it with a halt's close, which then blocked every top-up). The resync now asks about it once it is booked working.
import { describe, expect, test } from "bun:test";
import { ArgoError, type Order, type OrderRequest } from "@argo/core";
import { barsFromCloses } from "../test-fixtures/bars.ts";
import { FakeVenue } from "../test-fixtures/fake-venue.ts";
import { runEngine, testStrategy } from "../test-fixtures/run-engine.ts";

const DEADLINE = 30;

/**
 * Placing "C": the link drops (RECONNECTING) and is back 1 ms later; the venue takes "C" and refuses it in the gap (no
 * event comes); its answer, SUBMITTED, comes 1.2 deadlines after the call. The first lookup of "C" fails.
 */
class GapVenue extends FakeVenue {
  readonly lookups: string[] = [];

  override async placeOrder(request: OrderRequest): Promise<Order> {
    if (request.clientOrderId !== "C") return super.placeOrder(request);
    this.emit({ type: "connection", state: "RECONNECTING" });
    setTimeout(() => this.emit({ type: "connection", state: "CONNECTED" }), 1);
    const order: Order = {
      ...request, clientOrderId: "C", venueOrderId: "vC", timeInForce: "GTC", status: "SUBMITTED", quantity: request.quantity!,
      filledQuantity: 0, averageFillPrice: 0, fills: [], createdAt: this.time, updatedAt: this.time,
    };
    this.orders.set("C", { ...order, status: "REJECTED", rejectReason: "refused in the gap" });
    return new Promise((resolve) => setTimeout(() => resolve(order), DEADLINE * 1.2));
  }

  override async getOrder(orderId: string): Promise<Order> {
    this.lookups.push(orderId);
    if (this.lookups.length === 1) throw new ArgoError("CONNECTION_LOST", "lookup lost");
    return super.getOrder(orderId);
  }
}

describe("a placement on its way at a reconnect, of unknown outcome, answered late", () => {
  test("is asked about once its late answer books it working: the venue's refusal is taken, the order not held working", async () => {
    const bars = barsFromCloses("X", [100, 100, 100, 100, 100]);
    const venue = new GapVenue();
    const told: string[] = [];
    const strategy = testStrategy({
      async onBar(bar, ctx) {
        if (bar === bars[0]) await ctx.placeOrder({ side: "BUY", type: "LIMIT", limitPrice: 90, quantity: 1, clientOrderId: "C" });
        // The late answer comes while this turn waits (the run would otherwise be over before it).
        if (bar === bars[1]) await new Promise((resolve) => setTimeout(resolve, DEADLINE * 3));
      },
      onOrderUpdate: (order: Order) => void told.push(`${order.clientOrderId} ${order.status}`),
    });
    const run = await runEngine({ bars, venue, strategy, engine: { mode: "live", venueCallTimeoutMs: DEADLINE } });
    expect(run.error).toBeUndefined();
    expect(venue.orders.get("C")?.status).toBe("REJECTED");
    // By hand: the placement's lookup (failed), then the one after the late answer (REJECTED). Before: only the first,
    // and "C" was held SUBMITTED to the end.
    expect(venue.lookups).toEqual(["C", "C"]);
    expect(run.result?.openOrders.map((o) => o.clientOrderId)).toEqual([]);
    expect(told).toEqual(["C REJECTED"]);
    // The unknown outcome first, then the venue's refusal, each once.
    expect(run.named("onOrderRejected").map(([r]) => (r as { code: string }).code).at(-1)).toBe("BROKER_REJECTED");
  });
});
