// A venue across a network can lose an order's events (a stream gap, a reconnect without replay: Binance's user data
// stream does not replay what it missed). Three places the engine now asks the venue instead of going on without them
// (a network fuzz found each): a cancel refused because the order is done, the halt's closes, and the end of the run.
import { describe, expect, test } from "bun:test";
import { ArgoError, type Order, type OrderRequest, type TradingEvent } from "@argo/core";
import { barsFromCloses } from "../test-fixtures/bars.ts";
import { FakeVenue } from "../test-fixtures/fake-venue.ts";
import { runEngine, testStrategy } from "../test-fixtures/run-engine.ts";

/** Loses every event of the orders in `silenced` (their fills, states, and the position and account events after them). */
class LossyVenue extends FakeVenue {
  readonly silenced = new Set<string>();
  openOrderReads = 0;
  private muting = false;
  /** Tells the engine the link's state, as an adapter's socket would. */
  link(state: "RECONNECTING" | "CONNECTED"): void {
    super.emit({ type: "connection", state });
  }
  override async getOpenOrders(symbol?: string): Promise<Order[]> {
    this.openOrderReads++;
    return super.getOpenOrders(symbol);
  }
  protected override emit(event: TradingEvent): void {
    if (event.type === "fill" || event.type === "order") this.muting = this.silenced.has(event.order.clientOrderId);
    if (this.muting && event.type !== "connection") return;
    super.emit(event);
  }
}

/** Loses the position and account events once `quiet` is set (a fill's own event still comes). */
class QuietVenue extends FakeVenue {
  quiet = false;
  protected override emit(event: TradingEvent): void {
    if (this.quiet && (event.type === "position" || event.type === "account")) return;
    super.emit(event);
  }
}

describe("events a venue lost are asked for", () => {
  test("a cancel refused ORDER_ALREADY_FILLED: the order is looked up, its fill booked, the strategy told (the refusal still said)", async () => {
    // A limit BUY 1 at 95 placed on bar 0 fills on bar 2 (low 94.5): its events are lost. On bar 3 the strategy cancels it.
    const bars = barsFromCloses("X", [100, 100, 95, 96, 97, 98]);
    const venue = new LossyVenue({ cash: 10_000 });
    venue.silenced.add("L1");
    const told: string[] = [];
    const cancels: string[] = [];
    const strategy = testStrategy({
      async onBar(bar, ctx) {
        if (bar === bars[0]) await ctx.placeOrder({ side: "BUY", type: "LIMIT", quantity: 1, limitPrice: 95, clientOrderId: "L1" });
        if (bar === bars[3]) {
          const answer = await ctx.cancelOrder("L1");
          cancels.push(answer.ok ? "cancelled" : answer.code);
        }
      },
      onOrderUpdate: (order: Order) => void told.push(`${order.clientOrderId} ${order.status}`),
    });
    const run = await runEngine({ bars, venue, strategy });
    expect(run.error).toBeUndefined();
    expect(cancels).toEqual(["ORDER_ALREADY_FILLED"]);
    expect(venue.orders.get("L1")?.status).toBe("FILLED");
    // Its SUBMITTED was lost too: the lookup's FILLED is the one update the strategy hears.
    expect(told).toEqual(["L1 FILLED"]);
    expect(run.result?.counters.fills).toBe(1);
    expect(run.result?.openOrders).toEqual([]);
    expect(run.result?.positions.map((p) => [p.side, p.quantity])).toEqual([["LONG", 1]]);
  });

  test("the halt's closes: a working order the cancel-all did not answer is looked up first, so the close covers its fill", async () => {
    // Long 100 at 100 (bar 0's market buy fills at bar 1's open) of 20,000. A limit BUY 50 at 80 rests; bar 3 (low under
    // 75) fills it at 80, its events lost. As the engine knows it: 10,000 cash + 100 × 60 at bar 4 = 16,000, 20 % down,
    // past the 15 % halt (1.5 × maxDrawdown 10 %).
    const bars = barsFromCloses("X", [100, 100, 100, 75, 60, 60, 60]);
    const venue = new LossyVenue({ cash: 20_000 });
    venue.silenced.add("L2");
    const strategy = testStrategy({
      async onBar(bar, ctx) {
        if (bar === bars[0]) await ctx.placeOrder({ side: "BUY", type: "MARKET", quantity: 100 });
        if (bar === bars[1]) await ctx.placeOrder({ side: "BUY", type: "LIMIT", quantity: 50, limitPrice: 80, clientOrderId: "L2" });
      },
    });
    const run = await runEngine({ bars, venue, strategy, engine: { risk: { maxDrawdown: 0.1, closePositionsOnHalt: true } } });
    expect(run.error).toBeUndefined();
    expect(run.result?.tradingState).toBe("HALTED");
    expect(venue.orders.get("L2")?.status).toBe("FILLED");
    // The close sold the 150 the venue held, not the 100 the engine had heard of: flat at the venue and in the result.
    expect(venue.placed.filter((r) => r.side === "SELL").map((r) => r.quantity)).toEqual([150]);
    expect(await venue.getPositions()).toEqual([]);
    expect(run.result?.positions).toEqual([]);
  });

  test("the end of the run: a fill heard after the last bar's reads, without its position and account events, is confirmed", async () => {
    // A limit BUY 3 at 90 rests. During the last bar's turn the venue fills it (a trade it saw on its own feed): the fill
    // event comes, its position and account events are lost. Nothing reads the venue after that turn but the run's end.
    const bars = barsFromCloses("X", [100, 100, 100, 100]);
    const venue = new QuietVenue({ cash: 100_000 });
    const last = bars[bars.length - 1]!;
    const strategy = testStrategy({
      async onBar(bar, ctx) {
        if (bar === bars[0]) await ctx.placeOrder({ side: "BUY", type: "LIMIT", quantity: 3, limitPrice: 90, clientOrderId: "L3" });
        if (bar === last) {
          venue.quiet = true;
          // The venue's own trade through 90 (a later minute it sees before the engine does): L3 fills at 90.
          venue.processBar({ ...last, openTime: last.openTime + 30_000, open: 90, high: 90, low: 88, close: 89 });
        }
      },
    });
    const run = await runEngine({ bars, venue, strategy });
    expect(run.error).toBeUndefined();
    expect(run.result?.counters.fills).toBe(1);
    // By hand: 3 bought at 90 of 100,000: long 3, cash 99,730, as the venue holds them.
    expect((await venue.getPositions()).map((p) => p.quantity)).toEqual([3]);
    expect(run.result?.positions.map((p) => p.quantity)).toEqual([3]);
    expect(run.result?.account.balance).toBe(99_730);
  });

  test("a reconnect: what the venue did while the link was down is asked for, so a fill made in the gap is booked", async () => {
    // A limit BUY 2 at 95 rests. The link drops (RECONNECTING), the venue fills the order meanwhile (its events lost, as
    // a stream without replay loses them), then the link is back (CONNECTED): the engine reads the open orders, looks up
    // the one missing from them, and books its fill.
    const bars = barsFromCloses("X", [100, 100, 100, 100, 100]);
    const venue = new LossyVenue({ cash: 10_000 });
    const told: string[] = [];
    const strategy = testStrategy({
      async onBar(bar, ctx) {
        if (bar === bars[0]) await ctx.placeOrder({ side: "BUY", type: "LIMIT", quantity: 2, limitPrice: 95, clientOrderId: "L4" });
        if (bar === bars[2]) {
          venue.link("RECONNECTING");
          venue.silenced.add("L4");
          venue.processBar({ ...bar, openTime: bar.openTime + 30_000, open: 95, high: 95, low: 94, close: 94 });
          venue.silenced.delete("L4");
          venue.link("CONNECTED");
        }
      },
      onOrderUpdate: (order: Order) => void told.push(`${order.clientOrderId} ${order.status}`),
    });
    const run = await runEngine({ bars, venue, strategy });
    expect(run.error).toBeUndefined();
    expect(venue.orders.get("L4")?.status).toBe("FILLED");
    expect(told).toEqual(["L4 SUBMITTED", "L4 FILLED"]);
    expect(run.result?.counters.fills).toBe(1);
    expect(run.result?.openOrders).toEqual([]);
    // By hand: 2 bought at 95 of 10,000: long 2, cash 9,810.
    expect(run.result?.positions.map((p) => [p.side, p.quantity])).toEqual([["LONG", 2]]);
    expect(run.result?.account.balance).toBe(9_810);
  });

  test("a drop without a gap (nothing happened meanwhile): the resync reads, finds nothing new, tells nothing twice", async () => {
    const bars = barsFromCloses("X", [100, 100, 100, 100]);
    const venue = new LossyVenue({ cash: 10_000 });
    const told: string[] = [];
    const strategy = testStrategy({
      async onBar(bar, ctx) {
        if (bar === bars[0]) await ctx.placeOrder({ side: "BUY", type: "LIMIT", quantity: 2, limitPrice: 50, clientOrderId: "L5" });
        if (bar === bars[1]) {
          venue.link("RECONNECTING");
          venue.link("CONNECTED");
        }
      },
      onOrderUpdate: (order: Order) => void told.push(`${order.clientOrderId} ${order.status}`),
    });
    const run = await runEngine({ bars, venue, strategy });
    expect(run.error).toBeUndefined();
    expect(venue.openOrderReads).toBe(2); // the start's, and the reconnect's
    expect(told).toEqual(["L5 SUBMITTED"]);
    expect(run.result?.openOrders.map((o) => [o.clientOrderId, o.status])).toEqual([["L5", "SUBMITTED"]]);
  });

  test("a flapping link (five drops within one resync) costs two open-orders reads, and the gap's fill is booked", async () => {
    // L6 (BUY 2 at 95) fills on bar 2 with its events lost. On bar 3 the link drops and comes back five times at once:
    // the first return starts a resync; the four during it coalesce into one more after it. By hand: reads = the
    // start's + 2; L6 found FILLED by its lookup: long 2, cash 10,000 − 190 = 9,810.
    const bars = barsFromCloses("X", [100, 100, 95, 96, 97]);
    const venue = new LossyVenue({ cash: 10_000 });
    venue.silenced.add("L6");
    const strategy = testStrategy({
      async onBar(bar, ctx) {
        if (bar === bars[0]) await ctx.placeOrder({ side: "BUY", type: "LIMIT", quantity: 2, limitPrice: 95, clientOrderId: "L6" });
        if (bar === bars[3]) {
          for (let i = 0; i < 5; i++) {
            venue.link("RECONNECTING");
            venue.link("CONNECTED");
          }
        }
      },
    });
    const run = await runEngine({ bars, venue, strategy });
    expect(run.error).toBeUndefined();
    expect(venue.openOrderReads).toBe(3);
    expect(run.result?.positions.map((p) => [p.side, p.quantity])).toEqual([["LONG", 2]]);
    expect(run.result?.account.balance).toBe(9_810);
  });

  test("the end of the run's reads on a venue gone down are reported, never a halt during the stop (review)", async () => {
    // As the test above, then the venue goes down: the end's position and account reads fail. With a circuit breaker of 1
    // the failure used to halt the stopping session (HALTED in its result, a cancel-all and closes sent during the stop).
    const bars = barsFromCloses("X", [100, 100, 100, 100]);
    const venue = new (class extends QuietVenue {
      down = false;
      override async getPosition(symbol: string) {
        if (this.down) throw new ArgoError("CONNECTION_LOST", "venue down");
        return super.getPosition(symbol);
      }
      override async getPositions() {
        if (this.down) throw new ArgoError("CONNECTION_LOST", "venue down");
        return super.getPositions();
      }
      override async getAccount() {
        if (this.down) throw new ArgoError("CONNECTION_LOST", "venue down");
        return super.getAccount();
      }
    })({ cash: 100_000 });
    const last = bars[bars.length - 1]!;
    const strategy = testStrategy({
      async onBar(bar, ctx) {
        if (bar === bars[0]) await ctx.placeOrder({ side: "BUY", type: "LIMIT", quantity: 3, limitPrice: 90, clientOrderId: "L6" });
        if (bar === last) {
          venue.quiet = true;
          venue.processBar({ ...last, openTime: last.openTime + 30_000, open: 90, high: 90, low: 88, close: 89 });
          venue.down = true;
        }
      },
    });
    const run = await runEngine({ bars, venue, strategy, engine: { risk: { circuitBreakerErrors: 1, closePositionsOnHalt: true } } });
    expect(run.error).toBeUndefined();
    expect(run.result?.tradingState).toBe("ACTIVE");
    expect(run.named("onTradingStateChange")).toEqual([]);
    expect(run.named("onError").map(([e]) => (e as ArgoError).code)).toContain("CONNECTION_LOST");
    expect(venue.placed.filter((r) => r.side === "SELL")).toEqual([]);
  });

  test("a lookup's FILLED, then the stream's late FILLED stamped otherwise: told once, one take-profit (network fuzz)", async () => {
    // L7's events are held (late on the wire). The strategy's cancel is refused as filled: the lookup applies FILLED and
    // the strategy places its take-profit. Then the held events arrive, the FILLED stamped 1 ms later (the stream's event
    // time, not the REST updateTime): the same final state, no news.
    const bars = barsFromCloses("X", [100, 100, 95, 96, 97, 98]);
    const venue = new (class extends LossyVenue {
      readonly held: TradingEvent[] = [];
      protected override emit(event: TradingEvent): void {
        if ((event.type === "fill" || event.type === "order") && event.order.clientOrderId === "L7") this.held.push(event);
        else super.emit(event);
      }
      deliverLate(): void {
        for (const event of this.held.splice(0)) {
          const order = { ...(event as { order: Order }).order, updatedAt: (event as { order: Order }).order.updatedAt + 1 };
          super.emit(event.type === "fill" ? { ...event, order } : { type: "order", order });
        }
      }
    })({ cash: 10_000 });
    const told: string[] = [];
    const strategy = testStrategy({
      async onBar(bar, ctx) {
        if (bar === bars[0]) await ctx.placeOrder({ side: "BUY", type: "LIMIT", quantity: 1, limitPrice: 95, clientOrderId: "L7" });
        if (bar === bars[3]) await ctx.cancelOrder("L7");
        if (bar === bars[4]) venue.deliverLate();
      },
      async onOrderUpdate(order: Order, ctx) {
        told.push(`${order.clientOrderId} ${order.status}`);
        if (order.clientOrderId === "L7" && order.status === "FILLED") await ctx.placeOrder({ side: "SELL", type: "LIMIT", quantity: 1, limitPrice: 150 });
      },
    });
    const run = await runEngine({ bars, venue, strategy });
    expect(run.error).toBeUndefined();
    expect(told.filter((t) => t.startsWith("L7"))).toEqual(["L7 FILLED"]);
    expect(venue.placed.filter((r) => r.side === "SELL")).toHaveLength(1);
    expect(run.result?.counters.fills).toBe(1);
  });

  test("a working state told again stamped otherwise is no news; the same status with another price is", async () => {
    // A resync's answer beside the stream's event repeats the working state (this venue's SUBMITTED) with only its time
    // changed: the strategy heard it once. An amended order (same status, another limit price) is news. Expected by
    // hand: SUBMITTED at 50, then the amended SUBMITTED at 60.
    const bars = barsFromCloses("X", [100, 100, 100, 100, 100]);
    const venue = new (class extends LossyVenue {
      again(change: Partial<Order>): void {
        const order = this.orders.get("W1")!;
        this.emit({ type: "order", order: { ...order, ...change, updatedAt: order.updatedAt + 1 } });
      }
    })({ cash: 10_000 });
    const told: string[] = [];
    const strategy = testStrategy({
      async onBar(bar, ctx) {
        if (bar === bars[0]) await ctx.placeOrder({ side: "BUY", type: "LIMIT", quantity: 1, limitPrice: 50, clientOrderId: "W1" });
        if (bar === bars[2]) venue.again({});
        if (bar === bars[3]) venue.again({ limitPrice: 60 });
      },
      onOrderUpdate(order: Order) {
        if (order.clientOrderId === "W1") told.push(`${order.status} ${order.limitPrice}`);
      },
    });
    const run = await runEngine({ bars, venue, strategy });
    expect(run.error).toBeUndefined();
    expect(told).toEqual(["SUBMITTED 50", "SUBMITTED 60"]);
  });

  test("a placement on its way as the link comes back, filled in the gap: once answered, it is asked about (network fuzz)", async () => {
    // The link drops; M1 (market BUY 1) is sent, lands and fills in the gap (its events lost); the link is back and the
    // resync reads the open orders before M1's answer (SUBMITTED, from before the fill) arrives. Then it is looked up.
    const bars = barsFromCloses("X", [100, 100, 100, 100]);
    const venue = new (class extends LossyVenue {
      private answers: Array<() => void> = [];
      holding = false;
      override placeOrder(request: OrderRequest): Promise<Order> {
        const answer = super.placeOrder(request);
        if (!this.holding) return answer;
        return new Promise((resolve, reject) => this.answers.push(() => void answer.then(resolve, reject)));
      }
      releaseAnswers(): void {
        this.holding = false;
        for (const release of this.answers.splice(0)) release();
      }
    })({ cash: 10_000 });
    const told: string[] = [];
    const strategy = testStrategy({
      async onBar(bar, ctx) {
        if (bar !== bars[1]) return;
        venue.link("RECONNECTING");
        venue.silenced.add("M1");
        venue.holding = true;
        const placed = ctx.placeOrder({ side: "BUY", type: "MARKET", quantity: 1, clientOrderId: "M1" });
        venue.processBar({ ...bar, openTime: bar.openTime + 30_000 });
        venue.silenced.delete("M1");
        venue.link("CONNECTED");
        await Promise.resolve();
        venue.releaseAnswers();
        await placed;
      },
      onOrderUpdate: (order: Order) => void told.push(`${order.clientOrderId} ${order.status}`),
    });
    const run = await runEngine({ bars, venue, strategy });
    expect(run.error).toBeUndefined();
    expect(venue.orders.get("M1")?.status).toBe("FILLED");
    expect(run.result?.counters.fills).toBe(1);
    expect(run.result?.openOrders).toEqual([]);
    expect(run.result?.positions.map((p) => [p.side, p.quantity])).toEqual([["LONG", 1]]);
    expect(told).toContain("M1 FILLED");
  });

  test("a venue failing during the strategy's onStop is reported, never a halt with closes during the stop (review)", async () => {
    const bars = barsFromCloses("X", [100, 100, 100]);
    const venue = new (class extends LossyVenue {
      down = false;
      override placeOrder(request: OrderRequest): Promise<Order> {
        return this.down ? Promise.reject(new ArgoError("CONNECTION_LOST", "venue down")) : super.placeOrder(request);
      }
    })({ cash: 10_000 });
    const strategy = testStrategy({
      async onBar(bar, ctx) {
        if (bar === bars[0]) await ctx.placeOrder({ side: "BUY", type: "MARKET", quantity: 3 });
      },
      async onStop(ctx) {
        venue.down = true;
        await ctx.placeOrder({ side: "SELL", type: "LIMIT", quantity: 3, limitPrice: 150 });
      },
    });
    const run = await runEngine({ bars, venue, strategy, engine: { risk: { circuitBreakerErrors: 1, closePositionsOnHalt: true } } });
    expect(run.error).toBeUndefined();
    expect(run.result?.tradingState).toBe("ACTIVE");
    expect(run.named("onTradingStateChange")).toEqual([]);
    expect(venue.placed.filter((r) => r.side === "SELL")).toEqual([]);
    expect(run.result?.positions.map((p) => p.quantity)).toEqual([3]);
  });

  test("a lookup answered with another order is reported, and nothing of it applied", async () => {
    const bars = barsFromCloses("X", [100, 100, 95, 96, 97]);
    const venue = new (class extends LossyVenue {
      override async getOrder(orderId: string): Promise<Order> {
        const order = await super.getOrder(orderId);
        return orderId === "L8" ? { ...order, clientOrderId: "someone-else" } : order;
      }
    })({ cash: 10_000 });
    venue.silenced.add("L8");
    const strategy = testStrategy({
      async onBar(bar, ctx) {
        if (bar === bars[0]) await ctx.placeOrder({ side: "BUY", type: "LIMIT", quantity: 1, limitPrice: 95, clientOrderId: "L8" });
        if (bar === bars[3]) await ctx.cancelOrder("L8");
      },
    });
    const run = await runEngine({ bars, venue, strategy });
    expect(run.error).toBeUndefined();
    const messages = run.named("onError").map(([e]) => (e as ArgoError).message);
    expect(messages).toContain('fake-venue answered the lookup of "L8" with another order ("someone-else")');
    expect(run.result?.counters.fills).toBe(0);
  });

  test("a cancel's answer is applied as the order's event: its CANCELLED lost on the stream still reaches the strategy, once", async () => {
    // The strategy cancels L9 on bar 2; the venue's CANCELLED event is lost (a stream gap), its answer says CANCELLED.
    const bars = barsFromCloses("X", [100, 100, 100, 100]);
    const venue = new LossyVenue({ cash: 10_000 });
    const told: string[] = [];
    const strategy = testStrategy({
      async onBar(bar, ctx) {
        if (bar === bars[0]) await ctx.placeOrder({ side: "BUY", type: "LIMIT", quantity: 1, limitPrice: 50, clientOrderId: "L9" });
        if (bar === bars[2]) {
          venue.silenced.add("L9");
          await ctx.cancelOrder("L9");
          venue.silenced.delete("L9");
        }
      },
      onOrderUpdate: (order: Order) => void told.push(`${order.clientOrderId} ${order.status}`),
    });
    const run = await runEngine({ bars, venue, strategy });
    expect(run.error).toBeUndefined();
    expect(told).toEqual(["L9 SUBMITTED", "L9 CANCELLED"]);
    expect(run.result?.openOrders).toEqual([]);
  });

  test("a cancel whose event does come: CANCELLED reaches the strategy once, answer and event alike", async () => {
    const bars = barsFromCloses("X", [100, 100, 100, 100]);
    const venue = new LossyVenue({ cash: 10_000 });
    const told: string[] = [];
    const strategy = testStrategy({
      async onBar(bar, ctx) {
        if (bar === bars[0]) await ctx.placeOrder({ side: "BUY", type: "LIMIT", quantity: 1, limitPrice: 50, clientOrderId: "L10" });
        if (bar === bars[2]) await ctx.cancelOrder("L10");
      },
      onOrderUpdate: (order: Order) => void told.push(`${order.clientOrderId} ${order.status}`),
    });
    const run = await runEngine({ bars, venue, strategy });
    expect(run.error).toBeUndefined();
    expect(told).toEqual(["L10 SUBMITTED", "L10 CANCELLED"]);
  });

  test("a cancel answered 'requested' (still working, stamped at the answer) is no second SUBMITTED; a foreign order in a cancel-all answer is not the strategy's (review)", async () => {
    const bars = barsFromCloses("X", [100, 100, 100, 100]);
    const venue = new (class extends LossyVenue {
      override async cancelOrder(orderId: string): Promise<Order> {
        const order = await this.getOrder(orderId);
        // The broker takes the request; its CANCELLED event comes a little later, on the stream.
        setTimeout(() => void super.cancelOrder(orderId), 5);
        return { ...order, updatedAt: order.updatedAt + 5 };
      }
      override async cancelAllOrders(symbol?: string): Promise<Order[]> {
        const cancelled = await super.cancelAllOrders(symbol);
        const manual = { ...cancelled[0]!, clientOrderId: "manual-1", venueOrderId: "v-manual", status: "CANCELLED" as const, fills: [] };
        return [...cancelled, manual];
      }
    })({ cash: 10_000 });
    const told: string[] = [];
    const strategy = testStrategy({
      async onBar(bar, ctx) {
        if (bar === bars[0]) {
          await ctx.placeOrder({ side: "BUY", type: "LIMIT", quantity: 1, limitPrice: 50, clientOrderId: "L11" });
          await ctx.placeOrder({ side: "BUY", type: "LIMIT", quantity: 1, limitPrice: 40, clientOrderId: "L12" });
        }
        if (bar === bars[1]) {
          await ctx.cancelOrder("L11");
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
        if (bar === bars[2]) await ctx.cancelAllOrders();
      },
      onOrderUpdate: (order: Order) => void told.push(`${order.clientOrderId} ${order.status}`),
    });
    const run = await runEngine({ bars, venue, strategy });
    expect(run.error).toBeUndefined();
    expect(told).toEqual(["L11 SUBMITTED", "L12 SUBMITTED", "L11 CANCELLED", "L12 CANCELLED"]);
  });

  test("the halt's closes: an order the cancel-all answered still working ('cancel requested') is looked up too (docs hunt)", async () => {
    // As the halt test above, but the cancel-all answers L13 as ACCEPTED (it had filled at the venue, its events lost).
    const bars = barsFromCloses("X", [100, 100, 100, 75, 60, 60, 60]);
    const venue = new (class extends LossyVenue {
      override async cancelAllOrders(symbol?: string): Promise<Order[]> {
        const cancelled = await super.cancelAllOrders(symbol);
        const l13 = this.orders.get("L13")!;
        return [...cancelled, { ...l13, status: "ACCEPTED", filledQuantity: 0, fills: [] }];
      }
    })({ cash: 20_000 });
    venue.silenced.add("L13");
    const strategy = testStrategy({
      async onBar(bar, ctx) {
        if (bar === bars[0]) await ctx.placeOrder({ side: "BUY", type: "MARKET", quantity: 100 });
        if (bar === bars[1]) await ctx.placeOrder({ side: "BUY", type: "LIMIT", quantity: 50, limitPrice: 80, clientOrderId: "L13" });
      },
    });
    const run = await runEngine({ bars, venue, strategy, engine: { risk: { maxDrawdown: 0.1, closePositionsOnHalt: true } } });
    expect(run.error).toBeUndefined();
    expect(run.result?.tradingState).toBe("HALTED");
    expect(venue.placed.filter((r) => r.side === "SELL").map((r) => r.quantity)).toEqual([150]);
    expect(await venue.getPositions()).toEqual([]);
  });
});
