import type { Order } from "@argo/core";
import { afterAll, describe, expect, test } from "bun:test";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { silentLogger } from "../strategy/logger.ts";
import type { OrderResult } from "../strategy/strategy-context.ts";
import { barsFromCloses } from "../test-fixtures/bars.ts";
import { journalRows } from "../test-fixtures/journal-rows.ts";
import { QueuedVenue } from "../test-fixtures/queued-venue.ts";
import { runEngine, testStrategy } from "../test-fixtures/run-engine.ts";

const DEADLINE = 40;
const ID = "entry-1";
const root = mkdtempSync(join(tmpdir(), "argo-late-after-not-placed-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let dirs = 0;

/**
 * Bar 1 places the order (its outcome becomes unknown); bar 2 waits past a deadline, so bar 3's turn asks the venue again
 * and it is declared not placed; then it lands. Bar 4 tries its id again.
 */
async function run(answersOnly: boolean, eventsDelayMs?: number) {
  const venue = new QueuedVenue(ID, { answersOnly, ...(eventsDelayMs === undefined ? {} : { eventsDelayMs }) });
  const warnings: string[] = [];
  const results: OrderResult[] = [];
  const updates: string[] = [];
  let bar = 0;
  let declaredFirst = false;
  const strategy = testStrategy({
    async onBar(_bar, ctx) {
      bar++;
      if (bar === 1 || bar === 4) results.push(await ctx.placeOrder({ side: "BUY", type: "MARKET", quantity: 5, clientOrderId: ID }));
      if (bar === 2) await Bun.sleep(2 * DEADLINE);
      if (bar === 3) {
        declaredFirst = warnings.some((w) => w.startsWith(`order ${ID}: fake-venue does not hold it`));
        venue.land();
        while (venue.placed.length === 0) await Bun.sleep(1);
        await Bun.sleep(1 + 2 * (eventsDelayMs ?? 0)); // its answer reaches the engine (and its delayed event)
      }
    },
    onOrderUpdate(order) {
      updates.push(`${order.clientOrderId} ${order.status}`);
    },
  });
  const dir = join(root, `s${++dirs}`);
  const logger = { ...silentLogger, warn: (message: string) => void warnings.push(message) };
  const outcome = await runEngine({
    bars: barsFromCloses("X", [100, 100, 100, 100, 100]), venue, strategy,
    engine: { sessionDir: dir, mode: "live", venueCallTimeoutMs: DEADLINE, logger },
  });
  return { outcome, venue, warnings, results, updates, dir, declaredFirst };
}

describe("a placement declared not placed (the venue did not know it) that reaches the venue after all", () => {
  for (const answersOnly of [true, false]) {
    test(`is booked placed, reported once, and keeps its id (${answersOnly ? "its late answer" : "its event"} shows it)`, async () => {
      const { outcome, venue, warnings, results, updates, dir, declaredFirst } = await run(answersOnly);
      expect(outcome.error).toBeUndefined();
      expect(declaredFirst).toBe(true); // bar 3's lookup declared it not placed before it landed
      expect(warnings.filter((w) => w.startsWith(`order ${ID} reached fake-venue after all`))).toHaveLength(1);
      // One order reached the venue: placed once, in the counters and onOrderPlaced alike.
      expect(venue.placed.map((r) => r.clientOrderId)).toEqual([ID]);
      expect(outcome.named("onOrderPlaced").map(([o]) => (o as Order).clientOrderId)).toEqual([ID]);
      expect(outcome.result?.counters.ordersPlaced).toBe(1);
      // The strategy, told the order failed, hears it exists.
      expect(updates[0]).toBe(`${ID} SUBMITTED`);
      // Its id names that order now: a second order with it is refused before the venue.
      expect(results.map((r) => r.status)).toEqual(["rejected", "rejected"]);
      expect(results[1]).toMatchObject({ code: "DUPLICATE_ORDER" });
      expect(journalRows<{ n: number }>(dir, `SELECT count(*) AS n FROM orders WHERE client_order_id = '${ID}'`)).toEqual([{ n: 1 }]);
    });
  }

  test("its late answer and then its own event of the same state tell the strategy that state once", async () => {
    // Found by the verify31 fuzz: the answer booked it and told SUBMITTED; the venue's SUBMITTED event 5 ms behind was
    // told again (a strategy placing a stop on SUBMITTED would place two).
    const { outcome, updates } = await run(false, 5);
    expect(outcome.error).toBeUndefined();
    expect(updates[0]).toBe(`${ID} SUBMITTED`);
    expect(updates.filter((update) => update === `${ID} SUBMITTED`)).toHaveLength(1);
  });
});
