import type { Order, TradingEvent } from "@argo/core";
import { afterAll, expect, test } from "bun:test";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { barsFromCloses } from "../test-fixtures/bars.ts";
import { FakeVenue } from "../test-fixtures/fake-venue.ts";
import { journalRows } from "../test-fixtures/journal-rows.ts";
import { runEngine, testStrategy } from "../test-fixtures/run-engine.ts";
import { FINISHED_ORDERS_KEPT } from "./account-mirror.ts";

// Every order sent pays an fsync (Journal.sending): 4,200 of them take seconds on a disk, nothing in memory (/dev/shm, where there is one).
const root = mkdtempSync(join(existsSync("/dev/shm") ? "/dev/shm" : tmpdir(), "argo-evicted-stale-event-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Keeps the first order's first event (its SUBMITTED state), to send it again later as a reconnect's replayed backlog would. */
class ReplayingVenue extends FakeVenue {
  first: Order | undefined;
  protected override emit(event: TradingEvent): void {
    if (this.first === undefined && event.type === "order") this.first = { ...event.order };
    super.emit(event);
  }
  replayFirst(): void {
    super.emit({ type: "order", order: { ...this.first! } });
  }
}

test("an old SUBMITTED of an order finished so long ago that the mirror forgot it does not reopen it", async () => {
  // More finished orders than the mirror keeps, so the first one has left it: 42 bars of 100 market orders, each filled
  // at the next bar's open (buys and sells in turn, so the position stays flat).
  const PER_BAR = 100;
  const BARS = 42;
  expect(PER_BAR * BARS).toBeGreaterThan(FINISHED_ORDERS_KEPT);
  const dir = join(root, "s");
  const venue = new ReplayingVenue({ cash: 1e9, allowShort: true });
  const seen: string[] = [];
  const updatesAfterReplay: string[] = [];
  let bar = 0;
  let replayed = false;
  const strategy = testStrategy({
    onBar(_bar, ctx) {
      bar++;
      if (bar <= BARS) for (let i = 0; i < PER_BAR; i++) void ctx.placeOrder({ side: i % 2 === 0 ? "BUY" : "SELL", type: "MARKET", quantity: 1 });
      if (bar === BARS + 2) {
        seen.push(`before: ${ctx.openOrders().length} open`);
        replayed = true;
        venue.replayFirst();
      }
      if (bar === BARS + 3) seen.push(`after: ${ctx.openOrders().length} open`);
    },
    onOrderUpdate(order) {
      if (replayed) updatesAfterReplay.push(`${order.clientOrderId} ${order.status}`);
    },
  });
  const run = await runEngine({ bars: barsFromCloses("X", Array(BARS + 4).fill(100)), venue, strategy, engine: { sessionDir: dir, mode: "live" } });
  expect(run.error).toBeUndefined();
  const id = venue.first!.clientOrderId;
  expect(venue.first!.status).toBe("SUBMITTED");
  // Every order filled before the replay (hand count: PER_BAR × BARS fills), and the replay changed nothing.
  expect(run.result?.counters.fills).toBe(PER_BAR * BARS);
  expect(seen).toEqual(["before: 0 open", "after: 0 open"]);
  expect(updatesAfterReplay).toEqual([]);
  expect(run.result?.openOrders).toEqual([]);
  expect(journalRows<{ status: string }>(dir, `SELECT status FROM orders WHERE client_order_id = '${id}'`)).toEqual([{ status: "FILLED" }]);
});
