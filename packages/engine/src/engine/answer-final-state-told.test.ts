// A final state only a venue's answer brought never reached the strategy (network fuzz, network7): a placement answered
// FILLED (Binance's newOrderRespType FULL), or a failed one a lookup found FILLED, was booked by noteOrder, which tells
// nothing, and the stream's events that a gap lost did not come; a cancel-all's CANCELLED for a placement whose answer
// was still on its way was told only for an order the mirror held. onOrderUpdate hears each final state once.
import { describe, expect, test } from "bun:test";
import { ArgoError, type Bar, type Order, type OrderRequest, type TradingEvent } from "@argo/core";
import type { OrderResult } from "../strategy/strategy-context.ts";
import { barsFromCloses } from "../test-fixtures/bars.ts";
import { FakeVenue, SyncFakeVenue } from "../test-fixtures/fake-venue.ts";
import { QueuedVenue } from "../test-fixtures/queued-venue.ts";
import { runEngine, testStrategy } from "../test-fixtures/run-engine.ts";

const bars = barsFromCloses("BTC", [100, 100, 100, 100, 100, 100]);

/**
 * Fills "entry" in the placement call and answers FILLED with its fill listed. `lost`: its events (SUBMITTED, the fill,
 * FILLED) are lost in a stream gap; `after`: they come after the answer (with the next bar); `lookup`: lost, and the answer too (the
 * connection drops), so the engine's lookup finds the order FILLED.
 */
class AnsweredFilledVenue extends FakeVenue {
  /** Set while the venue's events are held back from the stream. */
  private held: TradingEvent[] | undefined;
  sentAfter = false;
  constructor(private readonly mode: "lost" | "after" | "lookup") {
    super({ cash: 10_000 });
  }
  override async placeOrder(request: OrderRequest): Promise<Order> {
    if (request.clientOrderId !== "entry") return super.placeOrder(request);
    this.held = [];
    this.placeNow(request);
    const order = this.orders.get("entry")!;
    this.fill(order, 100, bars[0]!);
    const events = this.held;
    this.held = undefined;
    if (this.mode === "after") this.late = events;
    if (this.mode === "lookup") throw new ArgoError("CONNECTION_LOST", "socket reset");
    return structuredClone(order);
  }
  /** `after`: the events held back, sent with the next bar (well after the answer was applied). */
  private late: TradingEvent[] = [];
  override processBar(bar: Bar): void {
    for (const event of this.late.splice(0)) (this.sentAfter = true), this.emit(event);
    super.processBar(bar);
  }
  protected override emit(event: TradingEvent): void {
    if (this.held !== undefined) this.held.push(structuredClone(event));
    else super.emit(event);
  }
}

/** Buys 1 "entry" at market on the first bar; logs every order update it hears. */
function buying(told: string[], results: OrderResult[]) {
  return testStrategy({
    async onBar(bar, ctx) {
      if (bar === bars[0]) results.push(await ctx.placeOrder({ side: "BUY", type: "MARKET", quantity: 1, clientOrderId: "entry" }));
    },
    onOrderUpdate(order) {
      told.push(`${order.clientOrderId} ${order.status} ${order.filledQuantity}`);
    },
  });
}

describe("a placement whose answer (or lookup) brings it final", () => {
  for (const mode of ["lost", "lookup", "after"] as const) {
    test(`${mode}: onOrderUpdate hears FILLED once, its fill is booked once`, async () => {
      const venue = new AnsweredFilledVenue(mode);
      const told: string[] = [], results: OrderResult[] = [];
      const run = await runEngine({ bars, venue, strategy: buying(told, results), engine: { mode: "live" } });
      expect(run.error).toBeUndefined();
      expect(results.map((r) => r.status)).toEqual(["placed"]);
      // By hand: one final state, filled 1 (before: nothing heard when the events were lost).
      expect(told).toEqual(["entry FILLED 1"]);
      expect(run.named("onOrderPlaced")).toHaveLength(1);
      expect(run.named("onOrderFilled").map(([fill]) => (fill as { quantity: number }).quantity)).toEqual([1]);
      expect(run.result?.openOrders).toEqual([]);
      if (mode === "after") expect(venue.sentAfter).toBe(true);
    });
  }

  test("a simulator (events in the call) is told FILLED once, by its own events, when its lookup finds it FILLED", async () => {
    // Fills in the call, its events told at once, then fails: the engine's lookup finds the order FILLED (see found).
    class FillsInCall extends SyncFakeVenue {
      override placeOrderSync(request: OrderRequest): Order {
        const answer = super.placeOrderSync(request);
        this.fill(this.orders.get(answer.clientOrderId)!, 100, bars[0]!);
        throw new ArgoError("CONNECTION_LOST", "socket reset");
      }
    }
    const told: string[] = [], results: OrderResult[] = [];
    const run = await runEngine({ bars, venue: new FillsInCall({ cash: 10_000 }), strategy: buying(told, results) });
    expect(run.error).toBeUndefined();
    // By hand: SUBMITTED and FILLED, each from its own event in the call.
    expect(told).toEqual(["entry SUBMITTED 0", "entry FILLED 1"]);
    expect(run.named("onOrderFilled")).toHaveLength(1);
  });
});

/**
 * "lmt" lands at once (its SUBMITTED event lost in a gap), but its answer comes only after the cancel-all's; the
 * cancel-all reaches the venue after it, cancels it (that event lost too) and answers listing it CANCELLED.
 */
class OvertakenVenue extends FakeVenue {
  private quiet = false;
  private landed!: () => void;
  private readonly lands = new Promise<void>((resolve) => (this.landed = resolve));
  private cancelled!: () => void;
  private readonly cancelAnswered = new Promise<void>((resolve) => (this.cancelled = resolve));
  override async placeOrder(request: OrderRequest): Promise<Order> {
    if (request.clientOrderId !== "lmt") return super.placeOrder(request);
    this.quiet = true;
    const answer = this.placeNow(request);
    this.quiet = false;
    this.landed();
    await this.cancelAnswered;
    await new Promise((resolve) => setTimeout(resolve, 0)); // past the cancel-all answer's handling
    return answer;
  }
  override async cancelAllOrders(symbol?: string): Promise<Order[]> {
    await this.lands;
    this.quiet = true;
    const out = await super.cancelAllOrders(symbol);
    this.quiet = false;
    this.cancelled();
    return out;
  }
  protected override emit(event: TradingEvent): void {
    if (!this.quiet) super.emit(event);
  }
}

describe("a cancel-all answer for a placement still on its way", () => {
  test("its CANCELLED reaches onOrderUpdate once; the order is booked placed, not left open", async () => {
    const venue = new OvertakenVenue({ cash: 10_000 });
    const told: string[] = [], results: OrderResult[] = [];
    let cancelAll: Order[] | undefined;
    const run = await runEngine({
      bars,
      venue,
      engine: { mode: "live" },
      strategy: testStrategy({
        async onBar(bar, ctx) {
          if (bar !== bars[1]) return;
          const cancelling = ctx.cancelAllOrders();
          results.push(await ctx.placeOrder({ side: "BUY", type: "LIMIT", limitPrice: 50, quantity: 1, clientOrderId: "lmt" }));
          cancelAll = await cancelling;
        },
        onOrderUpdate(order) {
          told.push(`${order.clientOrderId} ${order.status}`);
        },
      }),
    });
    expect(run.error).toBeUndefined();
    expect(cancelAll?.map((o) => [o.clientOrderId, o.status])).toEqual([["lmt", "CANCELLED"]]);
    expect(results.map((r) => r.status)).toEqual(["placed"]);
    // By hand: the only state the strategy can learn is the cancel-all's CANCELLED (before: nothing).
    expect(told).toEqual(["lmt CANCELLED"]);
    expect(run.named("onOrderPlaced")).toHaveLength(1);
    expect(run.result?.openOrders).toEqual([]);
  });
});

describe("review: a final state a late answer or a lookup brings, told once", () => {
  const DEADLINE = 40;

  test("a late FILLED answer of an order declared not placed reaches onOrderUpdate once", async () => {
    // A venue reporting through answers only: the placement misses its deadline, a lookup declares it not placed, then
    // its answer lands FILLED. Found in review: told twice (by found's event path and by the came-back booking).
    const ID = "entry-1";
    const five = barsFromCloses("X", [100, 100, 100, 100, 100]);
    class FilledOnLanding extends QueuedVenue {
      override async placeOrder(request: OrderRequest): Promise<Order> {
        const answer = await super.placeOrder(request);
        const order = this.orders.get(answer.clientOrderId)!;
        this.fill(order, 100, five[0]!);
        return structuredClone(order);
      }
    }
    const venue = new FilledOnLanding(ID, { answersOnly: true });
    const updates: string[] = [];
    let bar = 0;
    const strategy = testStrategy({
      async onBar(_bar, ctx) {
        bar++;
        if (bar === 1) await ctx.placeOrder({ side: "BUY", type: "MARKET", quantity: 5, clientOrderId: ID });
        if (bar === 2) await Bun.sleep(2 * DEADLINE);
        if (bar === 3) {
          venue.land();
          while (venue.placed.length === 0) await Bun.sleep(1);
          await Bun.sleep(5);
        }
      },
      onOrderUpdate: (order: Order) => void updates.push(`${order.clientOrderId} ${order.status}`),
    });
    const run = await runEngine({ bars: five, venue, strategy, engine: { mode: "live", venueCallTimeoutMs: DEADLINE } });
    expect(run.error).toBeUndefined();
    expect(updates).toEqual([`${ID} FILLED`]);
  });

  test("a late FILLED answer after a lookup found the order SUBMITTED reaches onOrderUpdate", async () => {
    // The venue takes the order at once but answers FILLED after three deadlines and sends no events; the first lookup
    // finds it SUBMITTED. Found in review: the late answer booked the fill but told nothing.
    const four = barsFromCloses("X", [100, 100, 100, 100]);
    class SlowFilledAnswer extends FakeVenue {
      override async placeOrder(request: OrderRequest): Promise<Order> {
        const answer = this.placeNow(request);
        await Bun.sleep(3 * DEADLINE);
        this.fill(this.orders.get(answer.clientOrderId)!, 100, four[0]!);
        return structuredClone(this.orders.get(answer.clientOrderId)!);
      }
      protected override emit(_event: TradingEvent): void {}
    }
    const updates: string[] = [];
    let bar = 0;
    const strategy = testStrategy({
      async onBar(_bar, ctx) {
        bar++;
        if (bar === 1) await ctx.placeOrder({ side: "BUY", type: "MARKET", quantity: 1, clientOrderId: "e" });
        if (bar === 2) await Bun.sleep(5 * DEADLINE);
      },
      onOrderUpdate: (order: Order) => void updates.push(`${order.clientOrderId} ${order.status}`),
    });
    const run = await runEngine({ bars: four, venue: new SlowFilledAnswer({ cash: 10_000 }), strategy, engine: { mode: "live", venueCallTimeoutMs: DEADLINE } });
    expect(run.error).toBeUndefined();
    expect(updates.filter((u) => u === "e FILLED")).toHaveLength(1);
    expect(run.named("onOrderFilled")).toHaveLength(1);
  });
});

