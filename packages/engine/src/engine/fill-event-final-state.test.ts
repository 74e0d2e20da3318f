// A network venue's fill event carries the order's state: when it brings the final one (FILLED) and the order's own
// event is lost (a stream gap), it was applied quietly and the strategy's onOrderUpdate never heard FILLED (a take-profit
// placed on FILLED was never placed). Found by a network fuzz. Each final state now reaches the strategy once, whichever
// event brings it; a simulator sends the order's event too, in the same call, so nothing changes there.
import { describe, expect, test } from "bun:test";
import type { Bar, Order, TradingEvent } from "@argo/core";
import { barsFromCloses } from "../test-fixtures/bars.ts";
import { FakeVenue, SyncFakeVenue } from "../test-fixtures/fake-venue.ts";
import { runEngine, testStrategy } from "../test-fixtures/run-engine.ts";

/** Loses the FILLED order event of "E" (its fill event comes); with `resend`, sends it later stamped as bar 3 reaches the venue. */
class LostFilledVenue extends FakeVenue {
  resend = false;
  protected override emit(event: TradingEvent): void {
    if (event.type === "order" && event.order.clientOrderId === "E" && event.order.status === "FILLED") return;
    super.emit(event);
  }
  override processBar(bar: Bar): void {
    if (this.resend && bar === bars[3]) super.emit({ type: "order", order: { ...this.orders.get("E")!, updatedAt: bar.openTime + 1 } });
    super.processBar(bar);
  }
}

const bars = barsFromCloses("X", [100, 100, 100, 100, 100]);

/** Buys 10 as "E" on bar 0 (filled at bar 1's open); on hearing it FILLED, places a take-profit "TP". */
function takeProfit(told: string[]) {
  return testStrategy({
    async onBar(bar, ctx) {
      if (bar === bars[0]) await ctx.placeOrder({ side: "BUY", quantity: 10, clientOrderId: "E" });
    },
    async onOrderUpdate(order: Order, ctx) {
      told.push(`${order.clientOrderId} ${order.status}`);
      if (order.clientOrderId === "E" && order.status === "FILLED") await ctx.placeOrder({ side: "SELL", type: "LIMIT", limitPrice: 150, quantity: 10, clientOrderId: `TP${told.length}` });
    },
  });
}

describe("a final state a fill event brings", () => {
  test("a network venue, the order's FILLED event lost: the strategy hears FILLED from the fill event", async () => {
    const told: string[] = [];
    const venue = new LostFilledVenue({ cash: 10_000 });
    const run = await runEngine({ bars, venue, strategy: takeProfit(told) });
    expect(run.error).toBeUndefined();
    // By hand: SUBMITTED (its event), FILLED (the fill event at bar 1), then the take-profit's SUBMITTED. Before: only
    // "E SUBMITTED", and no take-profit.
    expect(told).toEqual(["E SUBMITTED", "E FILLED", "TP2 SUBMITTED"]);
    expect(venue.placed.map((r) => r.clientOrderId)).toEqual(["E", "TP2"]);
    expect(run.result?.counters.fills).toBe(1);
  });

  test("a network venue sending the order's FILLED event later (otherwise stamped): a repeat, FILLED told once", async () => {
    const told: string[] = [];
    const venue = new LostFilledVenue({ cash: 10_000 });
    venue.resend = true;
    const run = await runEngine({ bars, venue, strategy: takeProfit(told) });
    expect(run.error).toBeUndefined();
    // As above: bar 3's FILLED is the state told at bar 1, so neither a second update nor a second take-profit.
    expect(told).toEqual(["E SUBMITTED", "E FILLED", "TP2 SUBMITTED"]);
    expect(venue.placed.map((r) => r.clientOrderId)).toEqual(["E", "TP2"]);
  });

  test("a simulator (fill event, then the order's event, in one call): FILLED told once, as before", async () => {
    const told: string[] = [];
    const venue = new SyncFakeVenue({ cash: 10_000 });
    const run = await runEngine({ bars, venue, strategy: takeProfit(told) });
    expect(run.error).toBeUndefined();
    expect(told).toEqual(["E SUBMITTED", "E FILLED", "TP2 SUBMITTED"]);
    expect(venue.placed.map((r) => r.clientOrderId)).toEqual(["E", "TP2"]);
  });
});
