import type { Fill, Order, TradingEvent } from "@argo/core";
import { afterAll, expect, test } from "bun:test";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { barsFromCloses } from "../test-fixtures/bars.ts";
import { FakeVenue } from "../test-fixtures/fake-venue.ts";
import { journalRows } from "../test-fixtures/journal-rows.ts";
import { runEngine, testStrategy } from "../test-fixtures/run-engine.ts";

const root = mkdtempSync(join(tmpdir(), "argo-fill-event-listed-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A network venue the test makes report what it says. */
class ReportingVenue extends FakeVenue {
  send(event: TradingEvent): void {
    this.emit(event);
  }
}

/**
 * B1: LIMIT BUY 2 at 50 placed on the first bar (the closes of 100 never reach it). On the second bar the venue records it
 * FILLED 2 with fills a and b (1 at 50 each) and sends one fill event: `sent`'s, carrying that order state. The other
 * fill's own events were lost (a reconnect gap, or a backlog replayed with the current order).
 */
async function run(dir: string, sent: "a" | "b") {
  const venue = new ReportingVenue();
  return runEngine({
    bars: barsFromCloses("X", [100, 100, 100]), venue, engine: { sessionDir: dir, mode: "live" },
    strategy: testStrategy({
      async onBar(bar, ctx) {
        if (ctx.history().length === 1) await ctx.placeOrder({ side: "BUY", type: "LIMIT", limitPrice: 50, quantity: 2, clientOrderId: "B1" });
        if (ctx.history().length !== 2) return;
        const placed = venue.orders.get("B1")!;
        const fill = (id: string): Fill => ({ id, clientOrderId: "B1", venueOrderId: placed.venueOrderId, symbol: "X", side: "BUY", quantity: 1, price: 50, fee: 0, time: bar.openTime });
        const filled: Order = { ...placed, status: "FILLED", filledQuantity: 2, averageFillPrice: 50, fills: [fill("a"), fill("b")] };
        venue.orders.set("B1", filled);
        venue.send({ type: "fill", fill: fill(sent), order: { ...filled } });
      },
    }),
  });
}

const fillIds = (dir: string) => journalRows<{ id: string }>(dir, "SELECT id FROM fills ORDER BY rowid");

test("a fill event whose order lists an earlier fill whose own events were lost books that fill too, first", async () => {
  // Both fills are the venue's: a must be booked from the list, before b, and each once.
  const dir = join(root, "s1");
  const outcome = await run(dir, "b");
  expect(outcome.error).toBeUndefined();
  // Before: only b was booked; B1 recorded FILLED 2 short of a until the next start asked the venue.
  expect(outcome.named("onOrderFilled").map(([f]) => (f as Fill).id)).toEqual(["a", "b"]);
  expect(outcome.result?.counters.fills).toBe(2);
  expect(fillIds(dir)).toEqual([{ id: "a" }, { id: "b" }]);
  expect(outcome.named("onError")).toEqual([]);
});

test("a fill event for the earlier fill carrying the newer order state books its fills in the list's order", async () => {
  const dir = join(root, "s2");
  const outcome = await run(dir, "a");
  expect(outcome.named("onOrderFilled").map(([f]) => (f as Fill).id)).toEqual(["a", "b"]);
  expect(fillIds(dir)).toEqual([{ id: "a" }, { id: "b" }]);
});
