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
import type { OrderRejection } from "./callbacks.ts";

const DEADLINE = 40;
const ID = "entry-1";
const root = mkdtempSync(join(tmpdir(), "argo-declared-id-reuse-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let dirs = 0;

/**
 * Bar 1 places {@link ID} (its outcome becomes unknown); bar 2 waits past a deadline, so bar 3's turn asks the venue again
 * and declares it not placed. Bar 3 then sends {@link ID} again and one order with an engine id; `landAt` is the bar on
 * which the first placement lands (after that bar's placements); bar 4 tries {@link ID} once more.
 */
async function run(refuse: boolean, landAt: number, landingWindowMs?: number) {
  // Landed, the held placement is taken, or refused by the venue with INVALID_ORDER (`refuse`).
  const venue = new QueuedVenue(ID, { refuse, idsUniqueAmongOpenOrders: true });
  if (landingWindowMs !== undefined) Object.assign(venue, { landingWindowMs });
  const warnings: string[] = [];
  const results: OrderResult[] = [];
  let bar = 0;
  const strategy = testStrategy({
    async onBar(_bar, ctx) {
      bar++;
      if (bar === 1 || bar === 3 || bar === 4) results.push(await ctx.placeOrder({ side: "BUY", type: "LIMIT", limitPrice: 50, quantity: 1, clientOrderId: ID }));
      if (bar === 3) results.push(await ctx.placeOrder({ side: "BUY", type: "LIMIT", limitPrice: 50, quantity: 1 }));
      if (bar === 2) await Bun.sleep(2 * DEADLINE);
      if (bar === landAt) {
        venue.land();
        await Bun.sleep(5); // its answer (or refusal) reaches the engine
      }
    },
  });
  const dir = join(root, `s${++dirs}`);
  const logger = { ...silentLogger, warn: (message: string) => void warnings.push(message) };
  const outcome = await runEngine({
    bars: barsFromCloses("X", [100, 100, 100, 100, 100]), venue, strategy,
    engine: { sessionDir: dir, mode: "live", venueCallTimeoutMs: DEADLINE, logger, orderIdPrefix: "e-" },
  });
  return { outcome, venue, warnings, results, dir };
}

const describeResult = (r: OrderResult) => (r.status === "placed" ? `placed ${r.order.clientOrderId}` : r.status === "rejected" ? r.code : r.status);

describe("a strategy's client id whose placement was declared not placed (the venue did not know it yet)", () => {
  test("stays taken: sent again, it is refused before the venue, naming the id and why; the first, landing later, is booked once", async () => {
    const { outcome, venue, warnings, results, dir } = await run(false, 3);
    expect(outcome.error).toBeUndefined();
    expect(warnings.filter((w) => w.startsWith(`order ${ID}: fake-venue does not hold it`))).toHaveLength(1);
    // Bar 1: unknown outcome. Bar 3: the reuse refused (before, it was sent: a second order under the same id), the
    // engine's own id placed. Bar 4 (after the first landed): the id names that order.
    expect(results.map(describeResult)).toEqual(["CONNECTION_LOST", "DUPLICATE_ORDER", "placed e-1", "DUPLICATE_ORDER"]);
    const reuse = results[1] as Extract<OrderResult, { status: "rejected" }>;
    expect(reuse.reason).toContain(`client order id "${ID}"`);
    expect(reuse.reason).toContain("may still land");
    const rejections = outcome.named("onOrderRejected").map(([r]) => r as OrderRejection);
    expect(rejections.filter((r) => r.code === "DUPLICATE_ORDER").map((r) => r.source)).toEqual(["engine", "engine"]);
    // The venue was sent the id once: the first placement, which landed.
    expect(venue.requests.filter((id) => id === ID)).toHaveLength(1);
    expect(venue.placed.map((r) => r.clientOrderId)).toEqual(["e-1", ID]);
    // That landed order is booked once: placed once, one journal row.
    expect(outcome.named("onOrderPlaced").map(([o]) => (o as Order).clientOrderId)).toEqual(["e-1", ID]);
    expect(outcome.result?.counters.ordersPlaced).toBe(2);
    expect(journalRows<{ n: number }>(dir, `SELECT count(*) AS n FROM orders WHERE client_order_id = '${ID}'`)).toEqual([{ n: 1 }]);
  });

  test("is freed once the venue's landing window has passed (the request can no longer land): sent again, it is placed", async () => {
    // A window of one call deadline has passed when bar 3's lookup declares the placement not placed (its outcome became
    // unknown a deadline after it was sent at the earliest), so the id is free for bar 3's turn. It never lands.
    const { outcome, venue, results, warnings, dir } = await run(false, 99, DEADLINE);
    expect(outcome.error).toBeUndefined();
    expect(results.map(describeResult)).toEqual(["CONNECTION_LOST", `placed ${ID}`, "placed e-1", "DUPLICATE_ORDER"]);
    expect(venue.requests.filter((id) => id === ID)).toHaveLength(2);
    expect(warnings.filter((w) => w.startsWith(`order ${ID}: fake-venue does not hold it and its landing window`))).toHaveLength(1);
    // One journal row for the id: the first placement's PENDING record went with its window; the second is the order.
    expect(journalRows<{ n: number }>(dir, `SELECT count(*) AS n FROM orders WHERE client_order_id = '${ID}'`)).toEqual([{ n: 1 }]);
  });

  test("is freed when the venue then refuses that first placement: sent again, it is placed", async () => {
    const { outcome, venue, results } = await run(true, 3);
    expect(outcome.error).toBeUndefined();
    // Bar 3 still refuses the reuse (the first placement had not been answered); its late refusal, also on bar 3, frees
    // the id, so bar 4's placement goes to the venue and is placed.
    expect(results.map(describeResult)).toEqual(["CONNECTION_LOST", "DUPLICATE_ORDER", "placed e-1", `placed ${ID}`]);
    expect(venue.requests.filter((id) => id === ID)).toHaveLength(2);
    expect(venue.placed.map((r) => r.clientOrderId)).toEqual(["e-1", ID]);
  });

  test("keeps its journal record: landing while the session is stopped, it is booked at the next start, and its id stays taken", async () => {
    // Never lands in the first session (landAt 99): declared not placed on bar 3, reuses refused. Then it lands while no
    // session runs, and a second session on the same journal starts and tries the id on its first bar.
    const { outcome, venue, dir } = await run(false, 99);
    expect(outcome.error).toBeUndefined();
    expect(journalRows<{ status: string }>(dir, `SELECT status FROM orders WHERE client_order_id = '${ID}'`)).toEqual([{ status: "PENDING" }]);
    venue.land();
    await Bun.sleep(5);
    expect(venue.placed.map((r) => r.clientOrderId)).toContain(ID);
    const again: OrderResult[] = [];
    const restart = await runEngine({
      bars: barsFromCloses("X", [100, 100], Date.UTC(2024, 0, 1) + 5 * 60_000), venue, // the minutes after the first session's five
      strategy: testStrategy({
        async onBar(_bar, ctx) {
          if (again.length === 0) again.push(await ctx.placeOrder({ side: "BUY", type: "LIMIT", limitPrice: 50, quantity: 1, clientOrderId: ID }));
        },
      }),
      engine: { sessionDir: dir, mode: "live", venueCallTimeoutMs: DEADLINE, orderIdPrefix: "f-" },
    });
    expect(restart.error).toBeUndefined();
    // The start asked the venue about the PENDING record and found the order working: it is the session's again, beside
    // the first session's e-1 (a LIMIT at 50 that the closes of 100 never reach).
    expect(restart.result?.openOrders.map((o) => o.clientOrderId).sort()).toEqual(["e-1", ID]);
    // Before: the record was gone, the start knew nothing of the order, and the id went to the venue a second time.
    expect(again.map(describeResult)).toEqual(["DUPLICATE_ORDER"]);
    expect(venue.requests.filter((id) => id === ID)).toHaveLength(1);
  });
});
