import { describe, expect, test } from "bun:test";
import { ArgoError, type Order, type OrderRequest, type TradingEvent } from "@argo/core";
import { barsFromCloses } from "../test-fixtures/bars.ts";
import { LaterVenue } from "../test-fixtures/later-venue.ts";
import { runEngine, testStrategy } from "../test-fixtures/run-engine.ts";

const DEADLINE = 40;
const bars = barsFromCloses("X", [100, 100, 101, 101]);

/**
 * The sell limit "a" is lost on the wire: its answer never comes. `landsAfterMs` set, the request reaches the venue that
 * much later; unset, never. `muted`: the venue's events for "a" are lost too (its stream is down for it).
 */
class LostLimitVenue extends LaterVenue {
  constructor(
    private readonly landsAfterMs?: number,
    private readonly muted = false,
  ) {
    super();
  }

  override async placeOrder(request: OrderRequest): Promise<Order> {
    if (request.clientOrderId !== "a") return super.placeOrder(request);
    if (this.landsAfterMs !== undefined) setTimeout(() => this.placeNow(request), this.landsAfterMs);
    return new Promise<Order>(() => {});
  }

  protected override emit(event: TradingEvent): void {
    if (this.muted && event.type === "order" && event.order.clientOrderId === "a") return;
    super.emit(event);
  }
}

/** Bar 0: buy 5 at market; bar 1: the sell limit "a" of 2, whose unknown outcome trips a one-error circuit breaker. */
const strategy = testStrategy({
  async onBar(_bar, ctx) {
    if (ctx.history().length === 1) await ctx.placeOrder({ side: "BUY", quantity: 5 });
    if (ctx.history().length === 2) await ctx.placeOrder({ side: "SELL", type: "LIMIT", limitPrice: 150, quantity: 2, clientOrderId: "a" });
  },
});

const halting = { mode: "live" as const, venueCallTimeoutMs: DEADLINE, risk: { circuitBreakerErrors: 1, closePositionsOnHalt: true } };

describe("a placement of unknown outcome when the engine halts and closes its positions", () => {
  test("the venue never took it: asked once it is due, it no longer limits the close, and the whole long is sold", async () => {
    const venue = new LostLimitVenue();
    const run = await runEngine({ bars, venue, strategy, engine: halting });
    expect(run.named("onTradingStateChange").map(([c]) => (c as { to: string }).to)).toEqual(["HALTED"]);
    // Before, the close was sized beside "a" as if it worked: it sold 3 and left a long 2 open after the halt.
    const closes = venue.placed.filter((r) => r.side === "SELL" && r.type === "MARKET").map((r) => r.quantity);
    expect(closes).toEqual([5]);
    expect(await venue.getPositions()).toEqual([]);
    expect(venue.orders.has("a")).toBe(false);
  });

  test("it lands after the halt's cancel-all: found open, it is cancelled, and the close sells the whole long", async () => {
    const venue = new LostLimitVenue(1.5 * DEADLINE);
    const run = await runEngine({ bars, venue, strategy, engine: halting });
    // Before, the close (sized beside "a") sold 3; "a", cancelled on arrival, left a long 2 open.
    expect(venue.placed.filter((r) => r.side === "SELL" && r.type === "MARKET").map((r) => r.quantity)).toEqual([5]);
    expect(venue.orders.get("a")?.status).toBe("CANCELLED");
    expect(await venue.getPositions()).toEqual([]);
    expect(run.result?.openOrders).toEqual([]);
  });
});

describe("a placement whose outcome becomes unknown only after the halt", () => {
  test("another call trips the halt while it waits for its answer: it is still asked about before the close", async () => {
    // "b" fails at once (the venue never holds it) and trips the breaker while "a" is still within its first deadline.
    class TwoLostVenue extends LostLimitVenue {
      override async placeOrder(request: OrderRequest): Promise<Order> {
        if (request.clientOrderId === "b") throw new ArgoError("CONNECTION_LOST", "b lost");
        return super.placeOrder(request);
      }
    }
    const venue = new TwoLostVenue();
    const twoAtOnce = testStrategy({
      async onBar(_bar, ctx) {
        if (ctx.history().length === 1) await ctx.placeOrder({ side: "BUY", quantity: 5 });
        if (ctx.history().length !== 2) return;
        const a = ctx.placeOrder({ side: "SELL", type: "LIMIT", limitPrice: 150, quantity: 2, clientOrderId: "a" });
        await ctx.placeOrder({ side: "BUY", type: "LIMIT", limitPrice: 1, quantity: 1, clientOrderId: "b" });
        await a;
      },
    });
    await runEngine({ bars, venue, strategy: twoAtOnce, engine: halting });
    // Before, whether to ask was decided at the halt, when "a" was not yet unresolved: the close sold 3, leaving long 2.
    expect(venue.placed.filter((r) => r.side === "SELL" && r.type === "MARKET").map((r) => r.quantity)).toEqual([5]);
    expect(await venue.getPositions()).toEqual([]);
  });
});

describe("a placement of unknown outcome at the end of the run", () => {
  test("is asked about once more when due: found at the venue, the result lists it open", async () => {
    // "a" lands after its first lookup, without an event or an answer; the last bar waits past a deadline, so the stop's lookup is due.
    const venue = new LostLimitVenue(1.5 * DEADLINE, true);
    const lastWaits = testStrategy({
      async onBar(_bar, ctx) {
        if (ctx.history().length === 1) await ctx.placeOrder({ side: "BUY", quantity: 5 });
        if (ctx.history().length === 2) await ctx.placeOrder({ side: "SELL", type: "LIMIT", limitPrice: 150, quantity: 2, clientOrderId: "a" });
        if (ctx.history().length === 2) await Bun.sleep(3 * DEADLINE);
      },
    });
    const run = await runEngine({ bars: bars.slice(0, 2), venue, strategy: lastWaits, engine: { mode: "live", venueCallTimeoutMs: DEADLINE } });
    // Before, the run ended with "a" neither placed nor open in the result, though the venue held it.
    expect(run.result?.openOrders.map((o) => o.clientOrderId)).toEqual(["a"]);
    expect(run.named("onOrderPlaced").map(([o]) => (o as Order).clientOrderId)).toContain("a");
  });
});
