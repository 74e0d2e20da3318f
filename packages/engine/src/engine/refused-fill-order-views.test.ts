import { afterAll, describe, expect, test } from "bun:test";
import type { ArgoError, Fill, Order, TradingEvent, VenueRecord } from "@argo/core";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { barsFromCloses } from "../test-fixtures/bars.ts";
import { FakeVenue, SyncFakeVenue } from "../test-fixtures/fake-venue.ts";
import { journalRows } from "../test-fixtures/journal-rows.ts";
import { runEngine, testStrategy } from "../test-fixtures/run-engine.ts";

const root = mkdtempSync(join(tmpdir(), "argo-refused-fill-views-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let dirs = 0;
const sessionDir = () => join(root, `s${++dirs}`);

type Scripted = FakeVenue & { report(order: Order, fill: Fill): void; reportOrder(order: Order): void; records: VenueRecord[] };

/**
 * The fake venue (a network one, or one answering in the call), able to report what the test says about an order it
 * holds: the state reported becomes the venue's own, so a restart's lookup finds the same. `restore` records what a
 * paper resume hands it and takes its working orders back, as the paper venue does.
 */
function scripted(sync: boolean): Scripted {
  const Base = sync ? SyncFakeVenue : FakeVenue;
  class ScriptedVenue extends Base {
    readonly records: VenueRecord[] = [];
    report(order: Order, fill: Fill): void {
      this.orders.set(order.clientOrderId, order);
      this.emit({ type: "fill", fill, order: { ...order } } as TradingEvent);
    }
    reportOrder(order: Order): void {
      this.orders.set(order.clientOrderId, order);
      this.emit({ type: "order", order: { ...order } });
    }
    restore(record: VenueRecord): void {
      this.records.push(record);
      for (const order of record.workingOrders) this.orders.set(order.clientOrderId, { ...order });
    }
  }
  return new ScriptedVenue();
}

// lim-1: LIMIT BUY 2 X at 50, placed on the first bar; the closes (100…) never reach it, so only what the test reports
// fills it. The venue reports a partial fill "a" of 1.5, then "b" of 1 for the same order: 1.5 + 1 = 2.5 is past the
// order's quantity 2, so the booking refuses b. The venue's own order keeps saying filled 1.5 but lists both fills.
const bars = barsFromCloses("X", [100, 101, 102, 103]);
const fillOf = (id: string, quantity: number): Fill => ({ id, clientOrderId: "lim-1", venueOrderId: "v1", symbol: "X", side: "BUY", quantity, price: 50, fee: 0, time: bars[1]!.openTime });
const a = fillOf("a", 1.5);
const b = fillOf("b", 1);
const ids = (order: Order) => order.fills.map((fill) => fill.id);

/** How the venue reports a and b: fill events then the order's status, or the status (listing both) before the fill events. */
type Sequence = "fills first" | "status first";

async function firstSession(venue: Scripted, dir: string, sequence: Sequence, mode: "live" | "paper" = "live") {
  const updates: string[][] = [];
  const viewed: string[][] = [];
  const outcome = await runEngine({
    bars, venue, engine: { sessionDir: dir, mode },
    strategy: testStrategy({
      async onBar(bar, ctx) {
        if (bar === bars[0]) await ctx.placeOrder({ side: "BUY", type: "LIMIT", quantity: 2, limitPrice: 50, clientOrderId: "lim-1" });
        if (bar === bars[1]) {
          const placed = venue.orders.get("lim-1")!;
          const one: Order = { ...placed, status: "PARTIALLY_FILLED", filledQuantity: 1.5, averageFillPrice: 50, fills: [a] };
          const both: Order = { ...one, fills: [a, b] };
          if (sequence === "fills first") {
            venue.report(one, a);
            venue.report(both, b);
            venue.reportOrder(both);
          } else {
            venue.reportOrder(both);
            venue.report(one, a);
            venue.report(both, b);
          }
        }
        if (bar === bars[2]) for (const order of ctx.openOrders()) viewed.push(ids(order));
      },
      onOrderUpdate(order) {
        if (order.clientOrderId === "lim-1" && order.status === "PARTIALLY_FILLED") updates.push(ids(order));
      },
    }),
  });
  const errors = outcome.named("onError").map(([e]) => [(e as ArgoError).code, (e as ArgoError).message]);
  const filled = outcome.named("onOrderFilled").map(([fill]) => (fill as Fill).id);
  return { outcome, errors, filled, updates, viewed };
}

const journalFillIds = (dir: string) => journalRows<{ id: string }>(dir, "SELECT id FROM fills ORDER BY rowid").map((row) => row.id);
const recordedFillIds = (dir: string) => {
  const rows = journalRows<{ data: string }>(dir, "SELECT data FROM orders WHERE client_order_id = 'lim-1'");
  return rows.map((row) => ids(JSON.parse(row.data) as Order));
};
const refusal = "fake-venue reported a fill of order lim-1 that has quantity 1, which would take its order's fills to 2.5, past the order's quantity 2; the fill was not booked";

describe("a fill the booking refuses is not in the order the engine keeps, shows and records", () => {
  for (const sync of [false, true]) {
    for (const sequence of ["fills first", "status first"] as const) {
      const venueKind = sync ? "a venue answering in the call" : "a network venue";
      test(`${venueKind}, ${sequence}: onOrderUpdate, ctx.openOrders(), the result and the journal's order list a alone; b reported once`, async () => {
        const dir = sessionDir();
        const venue = scripted(sync);
        const { outcome, errors, filled, updates, viewed } = await firstSession(venue, dir, sequence);
        expect(outcome.error).toBeUndefined();
        expect(errors).toEqual([["INVALID_DATA", refusal]]);
        expect(filled).toEqual(["a"]);
        expect(outcome.result?.counters.fills).toBe(1);
        expect(journalFillIds(dir)).toEqual(["a"]);
        // Every copy of lim-1 the strategy got, and what the engine kept and recorded, list the booked fill a only.
        expect(updates.length).toBeGreaterThan(0);
        for (const list of updates) expect(list).toEqual(["a"]);
        expect(viewed).toEqual([["a"]]);
        expect(outcome.result?.openOrders.map(ids)).toEqual([["a"]]);
        expect(recordedFillIds(dir)).toEqual([["a"]]);
        // The venue's word on the order stands: filled 1.5, which is a's quantity (the one fill booked).
        expect(journalRows(dir, "SELECT status, filled_quantity FROM orders")).toEqual([{ status: "PARTIALLY_FILLED", filled_quantity: 1.5 }]);
      });
    }
  }

  test("a placement answer listing a and b (its event stream silent): ctx.openOrders(), the result and the journal's order list a alone", async () => {
    /** Answers lim-1's placement PARTIALLY_FILLED 1.5 with fills a and b, and sends no event of it. */
    class AnsweringVenue extends FakeVenue {
      override async placeOrder(request: Parameters<FakeVenue["placeOrder"]>[0]): Promise<Order> {
        const placed = await super.placeOrder(request);
        const answer: Order = { ...placed, status: "PARTIALLY_FILLED", filledQuantity: 1.5, averageFillPrice: 50, fills: [a, b] };
        this.orders.set(answer.clientOrderId, answer);
        return { ...answer };
      }
      protected override emit(event: TradingEvent): void {
        if (event.type !== "order" && event.type !== "fill") super.emit(event);
      }
    }
    const dir = sessionDir();
    const viewed: string[][] = [];
    const results: string[][] = [];
    const outcome = await runEngine({
      bars, venue: new AnsweringVenue(), engine: { sessionDir: dir, mode: "live" },
      strategy: testStrategy({
        async onBar(bar, ctx) {
          if (bar === bars[0]) {
            const result = await ctx.placeOrder({ side: "BUY", type: "LIMIT", quantity: 2, limitPrice: 50, clientOrderId: "lim-1" });
            if (result.status === "placed") results.push(ids(result.order));
          }
          if (bar === bars[1]) for (const order of ctx.openOrders()) viewed.push(ids(order));
        },
      }),
    });
    expect(outcome.named("onError").map(([e]) => (e as ArgoError).message)).toEqual([refusal]);
    expect(outcome.named("onOrderFilled").map(([fill]) => (fill as Fill).id)).toEqual(["a"]);
    expect(viewed).toEqual([["a"]]);
    // The placement's own result, read once its fills were judged.
    expect(results).toEqual([["a"]]);
    expect(outcome.result?.openOrders.map(ids)).toEqual([["a"]]);
    expect(journalFillIds(dir)).toEqual(["a"]);
    expect(recordedFillIds(dir)).toEqual([["a"]]);
  });

  test("a network restart from that journal books nothing twice and nothing refused: a stays the one fill, b is refused again", async () => {
    const dir = sessionDir();
    const venue = scripted(false);
    await firstSession(venue, dir, "fills first");
    // The venue still lists a and b for lim-1 (PARTIALLY_FILLED 1.5). The journal's record lists a: the restart books
    // what the previous session booked of it (a, 1.5) and judges b against that, refused as 1.5 + 1 > 2.
    const restart = await runEngine({ bars, venue, engine: { sessionDir: dir, mode: "live" }, strategy: testStrategy({}) });
    expect(restart.error).toBeUndefined();
    expect(restart.named("onOrderFilled")).toEqual([]);
    expect(restart.result?.counters.fills).toBe(0);
    expect(restart.named("onError").map(([e]) => (e as ArgoError).message)).toEqual([refusal]);
    expect(journalFillIds(dir)).toEqual(["a"]);
    expect(recordedFillIds(dir)).toEqual([["a"]]);
  });

  test("a paper restart from that journal is handed the order with a alone, and the fills a alone: it books nothing", async () => {
    const dir = sessionDir();
    await firstSession(scripted(false), dir, "fills first", "paper");
    const venue = scripted(false);
    const restart = await runEngine({ bars, venue, engine: { sessionDir: dir, mode: "paper" }, strategy: testStrategy({}) });
    expect(restart.error).toBeUndefined();
    expect(venue.records.map((record) => [record.fills.map((fill) => fill.id), record.workingOrders.map(ids)])).toEqual([[["a"], [["a"]]]]);
    // The venue took lim-1 back as recorded (fills a): its lookup at the restart shows nothing the journal lacks.
    expect(restart.named("onError")).toEqual([]);
    expect(restart.named("onOrderFilled")).toEqual([]);
    expect(journalFillIds(dir)).toEqual(["a"]);
  });
  test("a fill refused as malformed and listed well-formed later under the same id is booked and shown", async () => {
    // lim-1 (BUY 2): the venue first lists fill "f" with a NaN fee (refused for what it says), then reports the order
    // FILLED 2 with f (fee 0.1) and g. f and g are 1 each: both fit the quantity, so both are booked and the order shows both.
    const dir = sessionDir();
    const venue = scripted(false);
    const updates: string[][] = [];
    const fill = (id: string, fee: number): Fill => ({ ...fillOf(id, 1), fee });
    const outcome = await runEngine({
      bars, venue, engine: { sessionDir: dir, mode: "live" },
      strategy: testStrategy({
        async onBar(bar, ctx) {
          if (bar === bars[0]) await ctx.placeOrder({ side: "BUY", type: "LIMIT", quantity: 2, limitPrice: 50, clientOrderId: "lim-1" });
          if (bar !== bars[1]) return;
          const placed = venue.orders.get("lim-1")!;
          venue.reportOrder({ ...placed, status: "PARTIALLY_FILLED", filledQuantity: 1, averageFillPrice: 50, fills: [fill("f", Number.NaN)] });
          venue.reportOrder({ ...placed, status: "FILLED", filledQuantity: 2, averageFillPrice: 50, fills: [fill("f", 0.1), fill("g", 0.1)] });
        },
        onOrderUpdate(order) {
          updates.push(ids(order));
        },
      }),
    });
    expect(outcome.named("onError")).toHaveLength(1);
    expect(outcome.named("onOrderFilled").map(([f]) => (f as Fill).id)).toEqual(["f", "g"]);
    expect(updates.at(-1)).toEqual(["f", "g"]);
    expect(recordedFillIds(dir)).toEqual([["f", "g"]]);
  });
});
