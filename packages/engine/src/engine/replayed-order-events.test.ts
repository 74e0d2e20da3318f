import { describe, expect, test } from "bun:test";
import type { Order, TradingEvent } from "@argo/core";
import { barsFromCloses } from "../test-fixtures/bars.ts";
import { LaterVenue } from "../test-fixtures/later-venue.ts";
import { runEngine, testStrategy } from "../test-fixtures/run-engine.ts";

/**
 * A venue that, after a reconnect, sends the day's order events again oldest first (IB re-sending openOrder/orderStatus,
 * a websocket replaying its backlog). Nothing changed: each state must reach onOrderUpdate once.
 */
class ReplayingVenue extends LaterVenue {
  readonly sent: Order[] = [];
  protected override emit(event: TradingEvent): void {
    if (event.type === "order") this.sent.push({ ...event.order });
    super.emit(event);
  }
  /** Every order event sent so far, again, in the order first sent. */
  replay(): void {
    for (const order of [...this.sent]) super.emit({ type: "order", order: { ...order } });
  }
}

/** Buys 1 X on the first bar ("entry"); on its FILLED places a take-profit SELL 1 at 200; the venue replays at `replayAt`. */
async function run(venue: ReplayingVenue, replayAt: number, quantity = 1) {
  const bars = barsFromCloses("X", [100, 101, 102, 103, 104]);
  const updates: string[] = [];
  const outcome = await runEngine({
    bars, venue, engine: { mode: "live" },
    strategy: testStrategy({
      async onBar(bar, ctx) {
        if (bar === bars[0]) await ctx.placeOrder({ side: "BUY", quantity, clientOrderId: "entry" });
        if (bar === bars[replayAt]) venue.replay();
      },
      async onOrderUpdate(order, ctx) {
        updates.push(`${order.clientOrderId}:${order.status}:${order.filledQuantity}`);
        if (order.clientOrderId === "entry" && order.status === "FILLED") await ctx.placeOrder({ symbol: "X", side: "SELL", type: "LIMIT", limitPrice: 200, quantity, clientOrderId: "tp" });
      },
    }),
  });
  return { outcome, updates };
}

describe("a venue replaying its order events oldest first after a reconnect", () => {
  test("[SUBMITTED, FILLED] again after the live pair: each state reaches onOrderUpdate once, one take-profit is placed", async () => {
    const venue = new ReplayingVenue();
    // Replayed on bar 3: by then entry was SUBMITTED (bar 0), FILLED at bar 1's open, and tp SUBMITTED. The replay
    // repeats entry SUBMITTED (older than FILLED: refused), entry FILLED (the state last applied: a repeat) and tp
    // SUBMITTED (the same: a repeat). Nothing new, so the strategy hears each state once, as listed here by hand.
    const { outcome, updates } = await run(venue, 3);
    expect(outcome.error).toBeUndefined();
    expect(updates).toEqual(["entry:SUBMITTED:0", "entry:FILLED:1", "tp:SUBMITTED:0"]);
    expect(outcome.named("onOrderUpdate").map(([o]) => `${(o as Order).clientOrderId}:${(o as Order).status}`)).toEqual(["entry:SUBMITTED", "entry:FILLED", "tp:SUBMITTED"]);
    expect(venue.placed.filter((r) => r.side === "SELL")).toHaveLength(1);
    // Long 1 from the entry, one take-profit of 1 working against it.
    expect(outcome.result?.openOrders.map((o) => `${o.clientOrderId} ${o.side} ${o.quantity}`)).toEqual(["tp SELL 1"]);
  });

  test("a replay of partial fills [SUBMITTED, 1 of 2, 2 of 2]: every stale state is refused, the last one is a repeat", async () => {
    /** Reports a fill of 2 as 1 of 2, then 2 of 2 (as a broker reports partial fills); the fake venue's fill event comes first. */
    class PartialVenue extends ReplayingVenue {
      protected override emit(event: TradingEvent): void {
        if (event.type === "fill" && event.order.quantity === 2) {
          super.emit({ type: "order", order: { ...event.order, status: "PARTIALLY_FILLED", filledQuantity: 1 } });
        }
        super.emit(event);
      }
    }
    const venue = new PartialVenue();
    const { outcome, updates } = await run(venue, 3, 2);
    expect(outcome.error).toBeUndefined();
    expect(updates).toEqual(["entry:SUBMITTED:0", "entry:PARTIALLY_FILLED:1", "entry:FILLED:2", "tp:SUBMITTED:0"]);
    expect(venue.placed.filter((r) => r.side === "SELL")).toHaveLength(1);
  });

  test("control: a state that is new after the replay (the take-profit cancelled at the venue) is still delivered", async () => {
    const venue = new ReplayingVenue();
    const bars = barsFromCloses("X", [100, 101, 102, 103, 104]);
    const updates: string[] = [];
    await runEngine({
      bars, venue, engine: { mode: "live" },
      strategy: testStrategy({
        async onBar(bar, ctx) {
          if (bar === bars[0]) await ctx.placeOrder({ side: "BUY", type: "LIMIT", limitPrice: 50, quantity: 1, clientOrderId: "rest" });
          if (bar === bars[2]) venue.replay();
          if (bar === bars[3]) await ctx.cancelOrder("rest");
        },
        onOrderUpdate(order) {
          updates.push(`${order.clientOrderId}:${order.status}`);
        },
      }),
    });
    expect(updates).toEqual(["rest:SUBMITTED", "rest:CANCELLED"]);
  });
});
