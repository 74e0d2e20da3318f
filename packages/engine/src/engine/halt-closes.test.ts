import { describe, expect, test } from "bun:test";
import type { Order, OrderRequest } from "@argo/core";
import { barsFromCloses } from "../test-fixtures/bars.ts";
import { FakeVenue } from "../test-fixtures/fake-venue.ts";
import { LaggingPositionsVenue } from "../test-fixtures/lagging-positions-venue.ts";
import { runEngine, testStrategy } from "../test-fixtures/run-engine.ts";

// Long 50 bought at 100 with 10,000: equity 5,000 + 50 × close. The 15% halt comes at close 70 (8,500), bar 6.
const closes = [100, 100, 100, 90, 80, 75, 70, 65, 60];
const bars = barsFromCloses("X", closes);
const risk = { maxDrawdown: 0.1, closePositionsOnHalt: true };

/** Buys 50 on the first bar; on the third, `exit` places a resting sell far above the market (a take-profit). */
const strategy = (exit: OrderRequest["clientOrderId"]) =>
  testStrategy({
    async onBar(bar, ctx) {
      if (bar === bars[0]) await ctx.placeOrder({ side: "BUY", quantity: 50 });
      if (bar === bars[2]) await ctx.placeOrder({ side: "SELL", type: "LIMIT", limitPrice: 1000, quantity: 20, clientOrderId: exit });
    },
  });

/** A venue whose cancel-all answers only after the event loop turned, as a venue across a network does; it logs the calls. */
class SlowCancelVenue extends FakeVenue {
  readonly log: string[] = [];
  override async cancelAllOrders(symbol?: string): Promise<Order[]> {
    this.log.push("cancel-all sent");
    await new Promise<void>((resolve) => setImmediate(resolve));
    const cancelled = await super.cancelAllOrders(symbol);
    this.log.push(`cancel-all answered: ${cancelled.map((o) => o.clientOrderId).join(",")}`);
    return cancelled;
  }
  override async placeOrder(request: OrderRequest): Promise<Order> {
    this.log.push(`place ${request.side} ${request.quantity}`);
    return super.placeOrder(request);
  }
}

/** A venue that leaves one order out of a cancel-all (an order it could not cancel). */
class StuckOrderVenue extends FakeVenue {
  override async cancelAllOrders(symbol?: string): Promise<Order[]> {
    const stuck = this.orders.get("stuck");
    if (stuck === undefined) return super.cancelAllOrders(symbol);
    this.orders.delete("stuck");
    try {
      return await super.cancelAllOrders(symbol);
    } finally {
      this.orders.set("stuck", stuck);
    }
  }
}

describe("closePositionsOnHalt", () => {
  test("the closes wait for the cancel-all's answer: a working exit and the close never both sell", async () => {
    const venue = new SlowCancelVenue();
    const run = await runEngine({ bars, venue, strategy: strategy("take-profit"), engine: { risk } });
    expect(run.result?.tradingState).toBe("HALTED");
    expect(venue.log).toEqual(["place BUY 50", "place SELL 20", "cancel-all sent", "cancel-all answered: take-profit", "place SELL 50"]);
    expect(run.result?.positions).toEqual([]);
  });

  test("an order the cancel-all left working is not sold again: the close takes only the free rest", async () => {
    const venue = new StuckOrderVenue();
    const run = await runEngine({ bars, venue, strategy: strategy("stuck"), engine: { risk } });
    expect(run.result?.tradingState).toBe("HALTED");
    expect(venue.placed.at(-1)).toMatchObject({ side: "SELL", type: "MARKET", quantity: 30, reason: "close on halt" });
    // 50 − 30 closed: the rest is exactly what the order still working would sell.
    expect(run.result?.positions).toMatchObject([{ side: "LONG", quantity: 20 }]);
    expect(run.result?.openOrders.map((o) => [o.clientOrderId, o.quantity])).toEqual([["stuck", 20]]);
  });

  test("a fill whose position event lags does not trip the limits: the position is read from the venue first", async () => {
    // Without the read, the mirror would hold the cash spent on the long 50 and no long: equity 5,000, a false halt on bar 1.
    const venue = new LaggingPositionsVenue();
    const run = await runEngine({ bars: bars.slice(0, 3), venue, strategy: strategy("take-profit"), engine: { risk } });
    expect(run.named("onTradingStateChange")).toEqual([]);
    expect(run.result?.tradingState).toBe("ACTIVE");
    expect(venue.readSymbols).toEqual(["X"]);
    expect(run.result?.positions).toMatchObject([{ symbol: "X", side: "LONG", quantity: 50 }]);
  });

  test("when the venue cannot say what it holds: no limit judges the unconfirmed equity, and the halt closes nothing there", async () => {
    // Every read fails. The limits never judge cash spent beside a position the mirror has not heard of (a false 50%
    // drawdown); five failed reads in a row trip the circuit breaker, and the close on halt, reading again and failing,
    // sends nothing: a close sized from the mirror could be the wrong size or side.
    const venue = new LaggingPositionsVenue(true);
    const run = await runEngine({ bars, venue, strategy: strategy("take-profit"), engine: { risk } });
    const changes = run.named("onTradingStateChange").map(([c]) => (c as { reason: string }).reason);
    expect(changes).toEqual([expect.stringContaining("circuit breaker: 5 consecutive trading provider errors")]);
    // Bars 1–2 fail (the take-profit's placement on bar 2 resets the breaker's count), bars 3–7 trip it, then the halt's read.
    expect(venue.readSymbols).toEqual(Array(8).fill("X"));
    expect(venue.placed.map((r) => [r.side, r.quantity])).toEqual([["BUY", 50], ["SELL", 20]]);
  });
});
