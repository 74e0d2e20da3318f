// The end of a live session left two kinds of order as the engine held them, for the next start to ask about (s31 trace,
// repros 213 and 228): an order filled in a reconnect's gap whose resync lookup failed (no later bar asks again), and an
// order told FILLED before its execution, that execution lost (held final short of its fills). The result then stated a
// position and cash the venue did not have, and the journal missed the fill. The stop now asks about both once, before
// its cancels and end reads, unless the venue's latest calls failed.
import { ArgoError, type Bar, type Order, type TradingEvent } from "@argo/core";
import { afterAll, describe, expect, test } from "bun:test";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { barsFromCloses } from "../test-fixtures/bars.ts";
import { FakeVenue } from "../test-fixtures/fake-venue.ts";
import { journalRows } from "../test-fixtures/journal-rows.ts";
import { runEngine, testStrategy } from "../test-fixtures/run-engine.ts";

const root = mkdtempSync(join(tmpdir(), "argo-finish-lookups-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let dirs = 0;
const sessionDir = () => join(root, `s${++dirs}`);

/** The journal's orders and fills, as the next start would read them. */
function journal(dir: string) {
  return {
    orders: journalRows<{ id: string; status: string; filled: number }>(dir, "SELECT client_order_id AS id, status, filled_quantity AS filled FROM orders"),
    fills: journalRows<{ id: string; quantity: number }>(dir, "SELECT client_order_id AS id, quantity FROM fills"),
  };
}

/**
 * At the bar `gapAt` the link drops (RECONNECTING) and everything the venue sends while it processes that bar is lost;
 * then it is back (CONNECTED), which sets off the engine's resync. The first `failLookups` lookups fail (CONNECTION_LOST).
 */
class GapVenue extends FakeVenue {
  readonly lookups: string[] = [];
  failLookups = 0;
  mostAtOnce = 0;
  private atOnce = 0;
  private gap = false;

  constructor(private readonly gapAt: Bar) {
    super({ cash: 10_000 });
  }

  override async getOrder(orderId: string): Promise<Order> {
    this.lookups.push(orderId);
    this.mostAtOnce = Math.max(this.mostAtOnce, ++this.atOnce);
    try {
      await null; // answered a step later, as across a network
      if (this.failLookups-- > 0) throw new ArgoError("CONNECTION_LOST", `lookup of ${orderId} lost`);
      return await super.getOrder(orderId);
    } finally {
      this.atOnce--;
    }
  }

  override processBar(bar: Bar): void {
    if (bar !== this.gapAt) return super.processBar(bar);
    this.emit({ type: "connection", state: "RECONNECTING" });
    this.gap = true;
    super.processBar(bar);
    this.gap = false;
    this.emit({ type: "connection", state: "CONNECTED" });
  }

  protected override emit(event: TradingEvent): void {
    if (this.gap && event.type !== "connection") return;
    super.emit(event);
  }
}

// A limit BUY 1 at 95 placed on bar 0 fills on bar 2, the last (open 100, low 94.525): at 95, in the gap.
const gapBars = barsFromCloses("X", [100, 100, 95]);

/** Runs the gap session; `failingAtEnd`: the strategy's cancel at the last bar is lost on the wire (the venue failing). */
async function gapSession(failingAtEnd: boolean) {
  const venue = new GapVenue(gapBars[2]!);
  venue.failLookups = 1; // the resync's lookup
  const dir = sessionDir();
  const strategy = testStrategy({
    async onBar(bar, ctx) {
      if (bar === gapBars[0]) await ctx.placeOrder({ side: "BUY", type: "LIMIT", quantity: 1, limitPrice: 95, clientOrderId: "L1" });
      if (bar === gapBars[2] && failingAtEnd) {
        venue.options.failCalls = { count: 1, code: "CONNECTION_LOST" };
        await ctx.cancelOrder("L1");
      }
    },
  });
  const run = await runEngine({ bars: gapBars, venue, strategy, engine: { sessionDir: dir, mode: "live" } });
  return { run, venue, dir };
}

describe("the stop asks about orders whose lookups failed", () => {
  test("an order filled in a reconnect's gap, its resync lookup failed, no later bar: the result and journal match the venue", async () => {
    const { run, venue, dir } = await gapSession(false);
    expect(run.error).toBeUndefined();
    // The venue filled L1 at 95: by hand, long 1 and 10,000 - 95 = 9,905 cash.
    expect(venue.trades.map((t) => [t.clientOrderId, t.quantity, t.price])).toEqual([["L1", 1, 95]]);
    expect(venue.cash).toBe(9_905);
    // The resync's lookup (failed) and the stop's (answered); never two at once. Before: only the first.
    expect(venue.lookups).toEqual(["L1", "L1"]);
    expect(venue.mostAtOnce).toBe(1);
    // Before: positions [], cash 10,000, L1 left open.
    expect(run.result?.positions.map((p) => [p.side, p.quantity])).toEqual([["LONG", 1]]);
    expect(run.result?.account.balance).toBe(9_905);
    expect(run.result?.openOrders).toEqual([]);
    expect(run.result?.counters.fills).toBe(1);
    expect(run.named("onOrderFilled")).toHaveLength(1);
    // Before: L1 SUBMITTED with no fill, for the next start to ask about.
    expect(journal(dir)).toEqual({ orders: [{ id: "L1", status: "FILLED", filled: 1 }], fills: [{ id: "L1", quantity: 1 }] });
    // Only the resync's failed lookup is reported.
    expect(run.named("onError").map(([e]) => (e as ArgoError).code)).toEqual(["CONNECTION_LOST"]);
  });

  test("with the venue's latest calls failing, the stop asks nothing (the same session with the venue answering asks once)", async () => {
    const failing = await gapSession(true);
    expect(failing.run.error).toBeUndefined();
    // The lost cancel is the venue's latest call: the stop must not wait a call deadline on it. Only the resync asked.
    expect(failing.venue.lookups).toEqual(["L1"]);
    // So L1 stays as the engine holds it, for the next start (as the README says).
    expect(journal(failing.dir)).toEqual({ orders: [{ id: "L1", status: "SUBMITTED", filled: 0 }], fills: [] });
    expect(failing.run.result?.counters.fills).toBe(0);
    // The control: without the lost cancel, the stop asks about L1 once and books its fill.
    const answering = await gapSession(false);
    expect(answering.venue.lookups).toEqual(["L1", "L1"]);
    expect(answering.run.result?.counters.fills).toBe(1);
  });
});

/**
 * Order "E"'s FILLED status comes with no executions listed (IB: orderStatus before execDetails); then the link goes
 * quiet: its execution, the FILLED state listing it, and the position and account events are lost. No reconnect follows.
 */
class StatusFirstVenue extends FakeVenue {
  readonly lookups: string[] = [];
  private quiet = false;

  override async getOrder(orderId: string): Promise<Order> {
    this.lookups.push(orderId);
    await null;
    return super.getOrder(orderId);
  }

  protected override emit(event: TradingEvent): void {
    if (this.quiet) return;
    if (event.type === "fill" && event.order.clientOrderId === "E") {
      super.emit({ type: "order", order: { ...event.order, fills: [] } });
      this.quiet = true;
      return;
    }
    super.emit(event);
  }

  override processBar(bar: Bar): void {
    super.processBar(bar);
    this.quiet = false; // back for the next calls' answers (events alone were lost)
  }
}

describe("the stop asks about orders held final short of their fills", () => {
  test("told FILLED at the last bar, its execution lost: the journal has its fill, the result the venue's cash and position", async () => {
    const bars = barsFromCloses("X", [100, 100]);
    const venue = new StatusFirstVenue({ cash: 10_000 });
    const dir = sessionDir();
    const told: string[] = [];
    const strategy = testStrategy({
      async onBar(bar, ctx) {
        if (bar === bars[0]) await ctx.placeOrder({ side: "BUY", quantity: 10, clientOrderId: "E" });
      },
      onOrderUpdate: (order: Order) => void told.push(`${order.clientOrderId} ${order.status} ${order.filledQuantity}`),
    });
    const run = await runEngine({ bars, venue, strategy, engine: { sessionDir: dir, mode: "live" } });
    expect(run.error).toBeUndefined();
    // By hand: E buys 10 at bar 1's open (100): long 10, 10,000 - 1,000 = 9,000 cash.
    expect(venue.trades.map((t) => [t.clientOrderId, t.quantity, t.price])).toEqual([["E", 10, 100]]);
    expect(venue.lookups).toEqual(["E"]);
    // Before: fills 0, no fill row, positions [] and cash 10,000 (the position and account events were lost with it).
    expect(run.result?.counters.fills).toBe(1);
    expect(run.named("onOrderFilled")).toHaveLength(1);
    expect(journal(dir)).toEqual({ orders: [{ id: "E", status: "FILLED", filled: 10 }], fills: [{ id: "E", quantity: 10 }] });
    expect(run.result?.positions.map((p) => [p.side, p.quantity])).toEqual([["LONG", 10]]);
    expect(run.result?.account.balance).toBe(9_000);
    // The lookup's FILLED repeats the status the strategy was told: not told twice.
    expect(told).toEqual(["E SUBMITTED 0", "E FILLED 10"]);
    expect(run.named("onError")).toEqual([]);
  });
});
