import { ArgoError, type Order, type OrderRequest } from "@argo/core";
import { afterAll, describe, expect, test } from "bun:test";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { CancelResult, OrderResult } from "../strategy/strategy-context.ts";
import { barsFromCloses } from "../test-fixtures/bars.ts";
import { FakeVenue } from "../test-fixtures/fake-venue.ts";
import { journalRows } from "../test-fixtures/journal-rows.ts";
import { runEngine, testStrategy } from "../test-fixtures/run-engine.ts";

const root = mkdtempSync(join(tmpdir(), "argo-venue-deadline-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let dirs = 0;
const sessionDir = () => join(root, `s${++dirs}`);
const DEADLINE = 40;

const journalStatuses = (dir: string) => journalRows<{ status: string }>(dir, "SELECT status FROM orders ORDER BY rowid").map((row) => row.status);

/**
 * Holds every placement for `answerAfterMs` (forever when undefined) before doing what `answer` says: take the order then,
 * refuse it, or answer for an order it took at once ("took-at-once": a lookup meanwhile finds it).
 */
class SlowVenue extends FakeVenue {
  answerAfterMs: number | undefined;
  answer: "take" | "refuse" | "took-at-once" | "shown-later" = "take";
  lookup: "not-found" | "venue" | "never" = "not-found";
  holdCancels = false;
  calls = 0;
  override async placeOrder(request: OrderRequest): Promise<Order> {
    this.calls++;
    const early = this.answer === "took-at-once" ? super.placeOrder(request) : undefined;
    // Takes the order later, shown only by its events: the answer itself is lost.
    if (this.answer === "shown-later") setTimeout(() => void super.placeOrder(request), this.answerAfterMs);
    if (this.answerAfterMs === undefined || this.answer === "shown-later") return new Promise<Order>(() => {});
    await Bun.sleep(this.answerAfterMs);
    if (this.answer === "refuse") throw new ArgoError("INSUFFICIENT_FUNDS", "not enough cash");
    return early ?? super.placeOrder(request);
  }
  override async getOrder(orderId: string): Promise<Order> {
    if (this.lookup === "never") return new Promise<Order>(() => {});
    if (this.lookup === "not-found") throw new ArgoError("ORDER_NOT_FOUND", `no order ${orderId}`);
    return super.getOrder(orderId);
  }
  override async cancelOrder(orderId: string): Promise<Order> {
    if (this.holdCancels) return new Promise<Order>(() => {});
    return super.cancelOrder(orderId);
  }
}

/** Places one order with a chosen id on the first bar and the same id again on the `retryOnBar`-th bar; waits `pauseMs` on the second bar. */
function placer(results: OrderResult[], options: { retryOnBar?: number; pauseMs?: number } = {}) {
  let bar = 0;
  return testStrategy({
    async onBar(_bar, ctx) {
      bar++;
      if (bar === 1 || bar === options.retryOnBar) results.push(await ctx.placeOrder({ side: "BUY", type: "MARKET", quantity: 1, clientOrderId: "once-1" }));
      if (bar === 2 && options.pauseMs) await Bun.sleep(options.pauseMs);
    },
  });
}

describe("a venue that does not answer an order call in time", () => {
  test("a placement that never answers fails at the deadline with an unknown outcome; the session goes on and the id stays taken", async () => {
    const dir = sessionDir();
    const venue = new SlowVenue();
    const results: OrderResult[] = [];
    const run = await runEngine({
      bars: barsFromCloses("X", [100, 101, 102, 103]), venue, strategy: placer(results, { retryOnBar: 3 }),
      engine: { sessionDir: dir, mode: "live", venueCallTimeoutMs: DEADLINE },
    });
    expect(run.error).toBeUndefined();
    expect(run.result?.counters.bars).toBe(4);
    expect(results.map((r) => r.status === "rejected" && r.code)).toEqual(["CONNECTION_LOST", "DUPLICATE_ORDER"]);
    const first = results[0] as Extract<OrderResult, { status: "rejected" }>;
    expect(first.reason).toContain(`within ${DEADLINE / 1000} s`);
    expect(first.reason).toContain("may be live");
    // The lookup said "not found", but the request may still reach the venue: the record stays for the next start.
    expect(journalStatuses(dir)).toEqual(["PENDING"]);
  });

  test("a placement answered after the deadline is booked then: onOrderPlaced, the mirror and the journal", async () => {
    const dir = sessionDir();
    const venue = new SlowVenue();
    venue.answerAfterMs = DEADLINE * 2;
    const results: OrderResult[] = [];
    const run = await runEngine({
      bars: barsFromCloses("X", [100, 101, 102, 103]), venue, strategy: placer(results, { pauseMs: DEADLINE * 4 }),
      engine: { sessionDir: dir, mode: "live", venueCallTimeoutMs: DEADLINE },
    });
    expect(results[0]?.status).toBe("rejected");
    expect(run.named("onOrderPlaced").map(([order]) => (order as Order).clientOrderId)).toEqual(["once-1"]);
    expect(run.result?.counters.ordersPlaced).toBe(1);
    expect(run.named("onOrderFilled")).toHaveLength(1); // the venue fills it at the next bar, as any order
    expect(journalStatuses(dir)).toEqual(["FILLED"]);
  });

  test("a refusal after the deadline frees the id: the same id is sent again", async () => {
    const dir = sessionDir();
    const venue = new SlowVenue();
    venue.answerAfterMs = DEADLINE * 2;
    venue.answer = "refuse";
    const results: OrderResult[] = [];
    await runEngine({
      bars: barsFromCloses("X", [100, 101, 102, 103]), venue, strategy: placer(results, { pauseMs: DEADLINE * 4, retryOnBar: 3 }),
      engine: { sessionDir: dir, mode: "live", venueCallTimeoutMs: DEADLINE },
    });
    // The second was not refused by the engine as a duplicate: it went to the venue (and timed out as the first did).
    expect(results.map((r) => r.status === "rejected" && r.code)).toEqual(["CONNECTION_LOST", "CONNECTION_LOST"]);
    expect(venue.calls).toBe(2);
  });

  test("a lookup after the deadline that finds the order books it as placed; the late answer does not book it again", async () => {
    const venue = new SlowVenue();
    venue.answerAfterMs = DEADLINE * 2;
    venue.answer = "took-at-once";
    venue.lookup = "venue";
    const results: OrderResult[] = [];
    const run = await runEngine({
      bars: barsFromCloses("X", [100, 101, 102]), venue, strategy: placer(results, { pauseMs: DEADLINE * 4 }),
      engine: { mode: "live", venueCallTimeoutMs: DEADLINE },
    });
    expect(results[0]?.status).toBe("placed");
    expect(run.named("onOrderPlaced")).toHaveLength(1);
    expect(run.result?.counters.ordersPlaced).toBe(1);
  });

  describe("the venue's answer comes while the lookup after the deadline runs (the lookup then times out too)", () => {
    // The answer comes half a deadline into the lookup, half a deadline before the lookup's own deadline.
    const deadline = 100;
    const answeredDuringLookup = (answer: SlowVenue["answer"]) => {
      const venue = new SlowVenue();
      venue.answerAfterMs = deadline * 1.5;
      venue.answer = answer;
      venue.lookup = "never";
      return venue;
    };

    test("an order the venue took is booked once and the strategy is told it was placed", async () => {
      const dir = sessionDir();
      const results: OrderResult[] = [];
      const run = await runEngine({
        bars: barsFromCloses("X", [100, 101, 102]), venue: answeredDuringLookup("take"), strategy: placer(results),
        engine: { sessionDir: dir, mode: "live", venueCallTimeoutMs: deadline },
      });
      expect(results.map((r) => r.status)).toEqual(["placed"]);
      expect(run.named("onOrderPlaced").map(([order]) => (order as Order).clientOrderId)).toEqual(["once-1"]);
      expect(run.named("onOrderRejected")).toHaveLength(0);
      expect(run.result?.counters.ordersPlaced).toBe(1);
      expect(journalStatuses(dir)).toEqual(["FILLED"]);
    });

    test("a refusal is what the strategy is told, and it frees the id", async () => {
      const dir = sessionDir();
      const venue = answeredDuringLookup("refuse");
      const results: OrderResult[] = [];
      await runEngine({
        bars: barsFromCloses("X", [100, 101, 102]), venue, strategy: placer(results, { retryOnBar: 2 }),
        engine: { sessionDir: dir, mode: "live", venueCallTimeoutMs: deadline },
      });
      expect(results.map((r) => r.status === "rejected" && r.code)).toEqual(["INSUFFICIENT_FUNDS", "INSUFFICIENT_FUNDS"]);
      expect(venue.calls).toBe(2);
      expect(journalStatuses(dir)).toEqual([]);
    });
  });

  test("an order the venue's events showed is booked as placed though neither its answer nor its lookup comes", async () => {
    // A broker whose REST calls hang while its event stream works: the ACCEPTED event arrives, the answer never does.
    const venue = new SlowVenue();
    venue.answer = "took-at-once";
    venue.lookup = "never";
    const results: OrderResult[] = [];
    const run = await runEngine({ bars: barsFromCloses("X", [100, 101, 102]), venue, strategy: placer(results), engine: { mode: "live", venueCallTimeoutMs: DEADLINE } });
    expect(results.map((r) => r.status)).toEqual(["placed"]);
    expect(run.named("onOrderPlaced").map(([order]) => (order as Order).clientOrderId)).toEqual(["once-1"]);
    expect(run.named("onOrderRejected")).toHaveLength(0);
    expect(run.result?.counters).toMatchObject({ ordersPlaced: 1, ordersRejected: 0, fills: 1 });
  });

  test("an order whose events come after its lookup found nothing is booked then: onOrderPlaced once, and its id stays taken", async () => {
    const dir = sessionDir();
    const venue = new SlowVenue();
    venue.answer = "shown-later";
    venue.answerAfterMs = DEADLINE * 3; // past the placement's deadline and its lookup's "not found"
    const results: OrderResult[] = [];
    const run = await runEngine({
      bars: barsFromCloses("X", [100, 101, 102, 103]), venue, strategy: placer(results, { pauseMs: DEADLINE * 5, retryOnBar: 3 }),
      engine: { sessionDir: dir, mode: "live", venueCallTimeoutMs: DEADLINE },
    });
    expect(results.map((r) => r.status === "rejected" && r.code)).toEqual(["CONNECTION_LOST", "DUPLICATE_ORDER"]);
    expect(run.named("onOrderPlaced").map(([order]) => (order as Order).clientOrderId)).toEqual(["once-1"]);
    expect(run.result?.counters).toMatchObject({ ordersPlaced: 1, fills: 1 });
    expect(venue.calls).toBe(1);
    expect(journalStatuses(dir)).toEqual(["FILLED"]);
  });

  test("a cancel that never answers fails at the deadline and the session goes on", async () => {
    const venue = new SlowVenue();
    venue.holdCancels = true;
    const cancels: CancelResult[] = [];
    let bar = 0;
    const strategy = testStrategy({
      async onBar(_bar, ctx) {
        bar++;
        if (bar === 1) await ctx.placeOrder({ side: "BUY", type: "LIMIT", quantity: 1, limitPrice: 1, clientOrderId: "low-1" });
        if (bar === 2) cancels.push(await ctx.cancelOrder("low-1"));
      },
    });
    venue.answerAfterMs = 0;
    const run = await runEngine({ bars: barsFromCloses("X", [100, 101, 102]), venue, strategy, engine: { mode: "live", venueCallTimeoutMs: DEADLINE } });
    expect(run.result?.counters.bars).toBe(3);
    expect(cancels).toEqual([expect.objectContaining({ ok: false, code: "CONNECTION_LOST" })]);
  });
});
