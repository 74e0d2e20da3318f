// A lookup of an order the engine holds as working (a cancel refused as filled, a reconnect's gap, a halt) that fails
// used to be reported and never asked again in the session: a fill it would have found stayed unbooked until a restart.
// Now it is asked again at the next bars (bounded), and never twice at once.
import { describe, expect, test } from "bun:test";
import { ArgoError, type Order, type TradingEvent } from "@argo/core";
import { barsFromCloses } from "../test-fixtures/bars.ts";
import { FakeVenue } from "../test-fixtures/fake-venue.ts";
import { runEngine, testStrategy } from "../test-fixtures/run-engine.ts";

/** Loses every event of the orders in `silenced`; lookups of an id fail `failLookups` times (CONNECTION_LOST) first. */
class LossyVenue extends FakeVenue {
  readonly silenced = new Set<string>();
  readonly failLookups = new Map<string, number>();
  /** Lookups by id, and the most of one id on their way at once. */
  readonly lookups: string[] = [];
  mostAtOnce = 0;
  private atOnce = 0;
  private muting = false;

  /** The open time of the newest bar the venue had seen at each lookup. */
  readonly lookupSteps: Array<number | undefined> = [];

  override async getOrder(orderId: string): Promise<Order> {
    this.lookups.push(orderId);
    this.lookupSteps.push(this.barsSeen.at(-1)?.openTime);
    this.mostAtOnce = Math.max(this.mostAtOnce, ++this.atOnce);
    try {
      await null; // answered a step later, as across a network
      const left = this.failLookups.get(orderId) ?? 0;
      if (left > 0) {
        this.failLookups.set(orderId, left - 1);
        throw new ArgoError("CONNECTION_LOST", `lookup of ${orderId} lost`);
      }
      return await super.getOrder(orderId);
    } finally {
      this.atOnce--;
    }
  }

  protected override emit(event: TradingEvent): void {
    if (event.type === "fill" || event.type === "order") this.muting = this.silenced.has(event.order.clientOrderId);
    if (this.muting && event.type !== "connection") return;
    super.emit(event);
  }
}

// A limit BUY 1 at 95 placed on bar 0 fills on bar 2 (low 94.525), its events lost; on bar 3 the strategy cancels it and
// the venue refuses: ORDER_ALREADY_FILLED. The engine asks the venue about it.
const bars = barsFromCloses("X", [100, 100, 95, 96, 97, 98, 99, 100, 101, 102, 103]);

/** The engine's bound on failed lookups of one order (LOOKUP_ATTEMPTS in lookup-retries.ts), as the README states it. */
const LOOKUP_ATTEMPTS = 5;

function cancelling(extra?: (bar: (typeof bars)[number], ctx: { cancelOrder(id: string): Promise<unknown> }) => Promise<void>) {
  const told: string[] = [];
  const strategy = testStrategy({
    async onBar(bar, ctx) {
      if (bar === bars[0]) await ctx.placeOrder({ side: "BUY", type: "LIMIT", quantity: 1, limitPrice: 95, clientOrderId: "L1" });
      if (bar === bars[3]) await ctx.cancelOrder("L1");
      await extra?.(bar, ctx);
    },
    onOrderUpdate: (order: Order) => void told.push(`${order.clientOrderId} ${order.status}`),
  });
  return { strategy, told };
}

describe("a failed lookup outside a halt", () => {
  test("is asked again at the next bar: the fill it finds is booked, once", async () => {
    const venue = new LossyVenue({ cash: 10_000 });
    venue.silenced.add("L1");
    venue.failLookups.set("L1", 1);
    const { strategy, told } = cancelling();
    const run = await runEngine({ bars, venue, strategy });
    expect(run.error).toBeUndefined();
    // The cancel's lookup (bar 3) fails; bar 4's answers FILLED. Before: fills 0, L1 shown working to the end.
    expect(venue.lookups.filter((id) => id === "L1")).toHaveLength(2);
    expect(run.result?.counters.fills).toBe(1);
    expect(told).toEqual(["L1 FILLED"]);
    expect(run.result?.openOrders).toEqual([]);
    // By hand: 1 bought at 95 of 10,000: long 1, cash 9,905.
    expect(run.result?.positions.map((p) => [p.side, p.quantity])).toEqual([["LONG", 1]]);
    expect(run.result?.account.balance).toBe(9_905);
    // The first failure is reported (as before); the retry that answered reports nothing.
    expect(run.named("onError").map(([e]) => (e as ArgoError).code)).toEqual(["CONNECTION_LOST"]);
  });

  test("is asked at most LOOKUP_ATTEMPTS times in all, and the giving up is reported once", async () => {
    const venue = new LossyVenue({ cash: 10_000 });
    venue.silenced.add("L1");
    venue.failLookups.set("L1", 1_000);
    const { strategy } = cancelling();
    const run = await runEngine({ bars, venue, strategy });
    expect(run.error).toBeUndefined();
    // Bar 3's lookup and one at each of bars 4.. until the bound (the 11 bars leave room for more).
    expect(LOOKUP_ATTEMPTS).toBeLessThan(bars.length - 3);
    expect(venue.lookups.filter((id) => id === "L1")).toHaveLength(LOOKUP_ATTEMPTS);
    const messages = run.named("onError").map(([e]) => (e as ArgoError).message);
    expect(messages.filter((m) => m.includes("L1") && m.includes("gave up"))).toHaveLength(1);
    // The first failure and the giving up: nothing in between.
    expect(messages).toHaveLength(2);
    expect(run.result?.counters.fills).toBe(0);
  });

  test("with two symbols, asked again once per time step, not at each symbol's bar (docs hunt)", async () => {
    // X's bars as above, Y's beside them in each step. Before, the retries came at X's and Y's bars alike: the five
    // lookups were spent within three steps (a brief outage used them all). By hand: the cancel's lookup at step 3,
    // then one at each of steps 4, 5, 6 and 7: five lookups, each in its own step.
    const y = barsFromCloses("Y", bars.map(() => 50));
    const both = bars.flatMap((bar, i) => [bar, y[i]!]);
    const venue = new LossyVenue({ cash: 10_000 });
    venue.silenced.add("L1");
    venue.failLookups.set("L1", 1_000);
    const { strategy } = cancelling();
    const run = await runEngine({ bars: both, venue, strategy });
    expect(run.error).toBeUndefined();
    expect(venue.lookups.filter((id) => id === "L1")).toHaveLength(LOOKUP_ATTEMPTS);
    const steps = venue.lookupSteps.map((time) => bars.findIndex((bar) => bar.openTime === time));
    expect(steps).toEqual([3, 4, 5, 6, 7]);
  });

  test("an order asked about twice at once (two cancels refused) is looked up once; the retry waits for no answer on its way", async () => {
    const venue = new LossyVenue({ cash: 10_000 });
    venue.silenced.add("L1");
    venue.failLookups.set("L1", 1);
    const strategy = testStrategy({
      async onBar(bar, ctx) {
        if (bar === bars[0]) await ctx.placeOrder({ side: "BUY", type: "LIMIT", quantity: 1, limitPrice: 95, clientOrderId: "L1" });
        if (bar === bars[3]) await Promise.all([ctx.cancelOrder("L1"), ctx.cancelOrder("L1")]);
      },
    });
    const run = await runEngine({ bars, venue, strategy });
    expect(run.error).toBeUndefined();
    // Before, each refused cancel asked on its own: two lookups of L1 on their way at once.
    expect(venue.mostAtOnce).toBe(1);
    expect(venue.lookups.filter((id) => id === "L1")).toHaveLength(2);
    expect(run.result?.counters.fills).toBe(1);
  });
});
