import { afterAll, describe, expect, test } from "bun:test";
import type { Fill, TradingEvent } from "@argo/core";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { barsFromCloses } from "../test-fixtures/bars.ts";
import { FakeVenue } from "../test-fixtures/fake-venue.ts";
import { journalRows } from "../test-fixtures/journal-rows.ts";
import { runEngine, testStrategy } from "../test-fixtures/run-engine.ts";

const root = mkdtempSync(join(tmpdir(), "argo-order-status-fills-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/**
 * A broker that sends an order's status before its execution (IB: orderStatus(Filled), then execDetails): the fake
 * venue's fill events are held back until `release`; its order events, which list the order's fills, go at once.
 */
class StatusFirstVenue extends FakeVenue {
  readonly held: TradingEvent[] = [];
  protected override emit(event: TradingEvent): void {
    if (event.type === "fill") this.held.push(event);
    else super.emit(event);
  }
  release(): void {
    for (const event of this.held.splice(0)) super.emit(event);
  }
}

// Closes 100, 101, 102: "buy-1" (BUY 1 X at market, placed on the first bar) fills at the second bar's open, the first
// close, 100. The fake venue numbers its ids in one sequence: the order is v1, its fill f2.
const bars = barsFromCloses("X", [100, 101, 102]);
const expectedFill = { client_order_id: "buy-1", id: "f2", quantity: 1, price: 100 };

/** One session buying 1 X; `onLastBar` runs on the last bar's turn. Returns what the callbacks saw of fills. */
async function session(venue: StatusFirstVenue, sessionDir: string, buy: boolean, onLastBar?: () => void) {
  const outcome = await runEngine({
    bars, venue, engine: { sessionDir, mode: "live" },
    strategy: testStrategy({
      async onBar(bar, ctx) {
        if (buy && bar === bars[0]) await ctx.placeOrder({ side: "BUY", quantity: 1, clientOrderId: "buy-1" });
        if (bar === bars[2]) onLastBar?.();
      },
    }),
  });
  const filled = outcome.named("onOrderFilled").map(([fill]) => `${(fill as Fill).clientOrderId}/${(fill as Fill).id}`);
  return { outcome, filled, errors: outcome.named("onError") };
}

const journalFills = (dir: string) => journalRows(dir, "SELECT client_order_id, id, quantity, price FROM fills ORDER BY rowid");

describe("a FILLED status whose order lists its fill, the execution event still on its way", () => {
  test("the session stops before the execution comes: the fill is booked from the status (journal, onOrderFilled), once over a restart", async () => {
    const dir = join(root, "stop-before-execution");
    const venue = new StatusFirstVenue();
    const first = await session(venue, dir, true);
    expect(first.outcome.error).toBeUndefined();
    expect(first.errors).toEqual([]);
    expect(journalRows(dir, "SELECT status, filled_quantity FROM orders")).toEqual([{ status: "FILLED", filled_quantity: 1 }]);
    expect(journalFills(dir)).toEqual([expectedFill]);
    expect(first.filled).toEqual(["buy-1/f2"]);
    expect(first.outcome.result?.counters.fills).toBe(1);

    venue.release(); // the execution arrives after the stop: nobody listens
    const restart = await session(venue, dir, false);
    expect(restart.outcome.error).toBeUndefined();
    expect(restart.errors).toEqual([]);
    expect(restart.filled).toEqual([]);
    expect(journalFills(dir)).toEqual([expectedFill]);
  });

  test("the execution comes later in the same session: a repeat of the fill booked from the status, not booked again", async () => {
    const dir = join(root, "execution-later");
    const venue = new StatusFirstVenue();
    const run = await session(venue, dir, true, () => venue.release());
    expect(run.outcome.error).toBeUndefined();
    expect(venue.held).toEqual([]); // released on the last bar, while the session listened
    expect(run.filled).toEqual(["buy-1/f2"]);
    expect(run.outcome.result?.counters.fills).toBe(1);
    expect(journalFills(dir)).toEqual([expectedFill]);
    // The position moved by the one fill only: long 1.
    expect(run.outcome.result?.positions.map((p) => `${p.side} ${p.quantity}`)).toEqual(["LONG 1"]);
  });
});
