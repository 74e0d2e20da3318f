import { afterAll, describe, expect, test } from "bun:test";
import { Database } from "bun:sqlite";
import { ArgoError, type Fill, type Order, type TradingEvent } from "@argo/core";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { barsFromCloses } from "../test-fixtures/bars.ts";
import { FakeVenue, SyncFakeVenue } from "../test-fixtures/fake-venue.ts";
import { journalRows } from "../test-fixtures/journal-rows.ts";
import { runEngine, testStrategy } from "../test-fixtures/run-engine.ts";

const root = mkdtempSync(join(tmpdir(), "argo-restart-short-fills-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/**
 * A broker whose order events carry no fills list and whose execution comes after the status: the fake venue's fill
 * events are held back (never sent here), its order events sent without fills. A lookup (getOrder) lists the order's
 * fills, unless `lookupWithoutFills`.
 */
class BareStatusVenue extends FakeVenue {
  lookupWithoutFills = false;
  /** Lookups fail (CONNECTION_LOST): the stop's lookup of the order short of its fill cannot tell. */
  failLookups = false;
  protected override emit(event: TradingEvent): void {
    if (event.type === "fill") return;
    super.emit(event.type === "order" ? { type: "order", order: { ...event.order, fills: [] } } : event);
  }
  override async getOrder(orderId: string): Promise<Order> {
    if (this.failLookups) throw new ArgoError("CONNECTION_LOST", "lookup lost");
    const order = await super.getOrder(orderId);
    return this.lookupWithoutFills ? { ...order, fills: [] } : order;
  }
}

// Closes 100, 101, 102: "buy-1" (BUY 1 X at market, placed on the first bar) fills at the second bar's open, the first
// close, 100. The fake venue numbers its ids in one sequence: the order is v1, its fill f2.
const bars = barsFromCloses("X", [100, 101, 102]);
const expectedFill = { client_order_id: "buy-1", id: "f2", quantity: 1, price: 100 };

async function session(venue: FakeVenue, sessionDir: string, buy: boolean) {
  const outcome = await runEngine({
    bars, venue, engine: { sessionDir, mode: "live" },
    strategy: testStrategy({
      async onBar(bar, ctx) {
        if (buy && bar === bars[0]) await ctx.placeOrder({ side: "BUY", quantity: 1, clientOrderId: "buy-1" });
      },
    }),
  });
  const filled = outcome.named("onOrderFilled").map(([fill]) => `${(fill as Fill).clientOrderId}/${(fill as Fill).id}`);
  const updates = outcome.named("onOrderUpdate").map(([order]) => `${(order as Order).clientOrderId}:${(order as Order).status}`);
  const errors = outcome.named("onError").map(([error]) => [(error as ArgoError).code, (error as ArgoError).message]);
  return { outcome, filled, updates, errors };
}

const journalFills = (dir: string) => journalRows(dir, "SELECT client_order_id, id, quantity, price FROM fills ORDER BY rowid");
const journalOrders = (dir: string) => journalRows(dir, "SELECT client_order_id, status, filled_quantity FROM orders");
const filledOne = [{ client_order_id: "buy-1", status: "FILLED", filled_quantity: 1 }];

/**
 * The first session: buy-1 recorded FILLED 1 with no fill (the status said filled, the execution never came, and the
 * stop's lookup of it failed).
 */
async function stoppedBeforeExecution(dir: string, venue: BareStatusVenue) {
  venue.failLookups = true;
  const first = await session(venue, dir, true);
  venue.failLookups = false;
  expect(first.outcome.error).toBeUndefined();
  expect(journalOrders(dir)).toEqual(filledOne);
  expect(journalFills(dir)).toEqual([]);
  expect(first.filled).toEqual([]);
}

describe("an order recorded FILLED without its fill (the session stopped between the status and the execution)", () => {
  test("the restart asks the venue and books the missing fill once (journal, onOrderFilled); the next restart books nothing", async () => {
    const dir = join(root, "books-once");
    const venue = new BareStatusVenue();
    await stoppedBeforeExecution(dir, venue);

    const restart = await session(venue, dir, false);
    expect(restart.outcome.error).toBeUndefined();
    expect(restart.errors).toEqual([]);
    expect(restart.filled).toEqual(["buy-1/f2"]);
    expect(restart.outcome.result?.counters.fills).toBe(1);
    expect(restart.updates).toEqual([]); // still FILLED 1: no news of the order itself
    expect(journalFills(dir)).toEqual([expectedFill]);
    expect(journalOrders(dir)).toEqual(filledOne);

    const again = await session(venue, dir, false);
    expect(again.errors).toEqual([]);
    expect(again.filled).toEqual([]);
    expect(journalFills(dir)).toEqual([expectedFill]);
  });

  test("a venue that no longer knows the order: ORDER_NOT_FOUND through onError, the order stays FILLED (not FAILED), nothing booked", async () => {
    const dir = join(root, "unknown");
    await stoppedBeforeExecution(dir, new BareStatusVenue());
    const restart = await session(new FakeVenue(), dir, false);
    expect(restart.outcome.error).toBeUndefined();
    expect(restart.errors).toEqual([[
      "ORDER_NOT_FOUND",
      "order buy-1 (BUY X, FILLED when the previous session stopped): recorded filled 1, more than its fills in the journal, and fake-venue no longer knows it; the missing fill was not booked: check the account. Checked again at the next start",
    ]]);
    expect(restart.filled).toEqual([]);
    expect(journalOrders(dir)).toEqual(filledOne);
    expect(journalFills(dir)).toEqual([]);
  });

  test("a lookup that lists no fill either: INVALID_DATA says the fill is missing; nothing booked", async () => {
    const dir = join(root, "lookup-without-fills");
    const venue = new BareStatusVenue();
    await stoppedBeforeExecution(dir, venue);
    venue.lookupWithoutFills = true;
    const restart = await session(venue, dir, false);
    expect(restart.errors).toEqual([[
      "INVALID_DATA",
      "order buy-1 (BUY X, FILLED when the previous session stopped): recorded filled 1, more than its fills in the journal, and fake-venue lists no fill the journal lacks; the missing fill was not booked: check the account. Checked again at the next start",
    ]]);
    expect(restart.filled).toEqual([]);
    expect(journalFills(dir)).toEqual([]);
  });

  test("a simulator answering in the call is not asked: it sends each fill with its status, so a short record is not its doing", async () => {
    const dir = join(root, "simulator");
    /** The synchronous fake venue, counting lookups. */
    class CountingVenue extends SyncFakeVenue {
      lookups = 0;
      override async getOrder(orderId: string): Promise<Order> {
        this.lookups++;
        return super.getOrder(orderId);
      }
    }
    const venue = new CountingVenue();
    const first = await session(venue, dir, true);
    expect(first.filled).toEqual(["buy-1/f2"]);
    // The fill row removed by hand: the record is now short as a network venue's could be.
    const db = new Database(join(dir, "journal.sqlite"));
    db.run("DELETE FROM fills");
    db.close();
    const restart = await session(venue, dir, false);
    expect(restart.errors).toEqual([]);
    expect(venue.lookups).toBe(0);
    expect(restart.filled).toEqual([]);
  });
});
