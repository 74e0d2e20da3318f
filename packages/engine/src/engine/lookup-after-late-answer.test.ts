import { ArgoError, type Fill, type Order, type OrderRequest, type TradingEvent } from "@argo/core";
import { afterAll, expect, test } from "bun:test";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { OrderResult } from "../strategy/strategy-context.ts";
import { barsFromCloses } from "../test-fixtures/bars.ts";
import { FakeVenue } from "../test-fixtures/fake-venue.ts";
import { journalRows } from "../test-fixtures/journal-rows.ts";
import { runEngine, testStrategy } from "../test-fixtures/run-engine.ts";

const DEADLINE = 40;
const root = mkdtempSync(join(tmpdir(), "argo-lookup-after-late-answer-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/**
 * A broker whose order events for B1 were lost (a reconnect gap): B1 fills at once at 50 (its own record says FILLED with
 * fill F1), but its placement answer, the order as taken (SUBMITTED), is held past the deadline. The lookup at the
 * deadline fails (a connection reset), so the outcome is unknown; the next lookup, a deadline later, lets the held answer
 * land while it is on its way and then answers the venue's record: FILLED, listing F1.
 */
class LostEventsVenue extends FakeVenue {
  lookups = 0;
  private releaseAnswer!: () => void;
  private readonly answerHeld = new Promise<void>((resolve) => (this.releaseAnswer = resolve));

  override async placeOrder(request: OrderRequest): Promise<Order> {
    const taken = await super.placeOrder(request);
    const fill: Fill = { id: "F1", clientOrderId: taken.clientOrderId, venueOrderId: taken.venueOrderId, symbol: "X", side: "BUY", quantity: 1, price: 50, fee: 0, time: 0 };
    Object.assign(this.orders.get(taken.clientOrderId)!, { status: "FILLED", filledQuantity: 1, averageFillPrice: 50, fills: [fill] });
    await this.answerHeld;
    return taken;
  }

  override async getOrder(id: string): Promise<Order> {
    if (++this.lookups === 1) throw new ArgoError("CONNECTION_LOST", "socket reset");
    if (this.lookups === 2) {
      this.releaseAnswer();
      await Bun.sleep(5); // the late answer reaches the engine first
    }
    return super.getOrder(id);
  }

  protected override emit(event: TradingEvent): void {
    if (event.type !== "order" && event.type !== "fill") super.emit(event);
  }
}

test("a lookup answering after the late placement answer settled the order still books the fill it lists", async () => {
  const venue = new LostEventsVenue();
  const dir = join(root, "s1");
  const results: OrderResult[] = [];
  const outcome = await runEngine({
    bars: barsFromCloses("X", [100, 100, 100, 100]), venue, engine: { sessionDir: dir, mode: "live", venueCallTimeoutMs: DEADLINE },
    strategy: testStrategy({
      async onBar(_bar, ctx) {
        if (ctx.history().length !== 1) return;
        // A LIMIT the fake venue's own matching never reaches (closes of 100): only the record above fills it.
        results.push(await ctx.placeOrder({ side: "BUY", type: "LIMIT", limitPrice: 50, quantity: 1, clientOrderId: "B1" }));
        await Bun.sleep(1.5 * DEADLINE); // due for the next bar's lookup
      },
    }),
  });
  expect(outcome.error).toBeUndefined();
  expect(venue.lookups).toBeGreaterThanOrEqual(2);
  // Told the outcome was unknown, then the late answer booked it placed.
  expect(results.map((r) => (r.status === "rejected" ? r.code : r.status))).toEqual(["CONNECTION_LOST"]);
  expect(outcome.named("onOrderPlaced").map(([o]) => (o as Order).clientOrderId)).toEqual(["B1"]);
  // Before: the lookup's FILLED answer was dropped, F1 never booked, and B1 stayed open (SUBMITTED) for the session.
  expect(outcome.named("onOrderFilled").map(([f]) => (f as Fill).id)).toEqual(["F1"]);
  expect(outcome.result?.counters.fills).toBe(1);
  expect(outcome.result?.openOrders).toEqual([]);
  expect(journalRows<{ id: string }>(dir, "SELECT id FROM fills")).toEqual([{ id: "F1" }]);
});
