import type { ArgoError, Fill, Order, TradingEvent } from "@argo/core";
import { afterAll, describe, expect, test } from "bun:test";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { barsFromCloses } from "../test-fixtures/bars.ts";
import { LooseVenue } from "../test-fixtures/loose-venue.ts";
import { journalRows } from "../test-fixtures/journal-rows.ts";
import { runEngine, testStrategy } from "../test-fixtures/run-engine.ts";

const root = mkdtempSync(join(tmpdir(), "argo-event-fill-checks-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let dirs = 0;
const sessionDir = () => join(root, `s${++dirs}`);

type FillEvent = Extract<TradingEvent, { type: "fill" }>;

/** The fake venue (market orders fill at the next bar's open, reported by a fill event), whose fill events of m-1 `spoil` rewrites. */
class SpoilingVenue extends LooseVenue {
  constructor(private readonly spoil: (event: FillEvent) => FillEvent[]) {
    super();
  }
  protected override emit(event: TradingEvent): void {
    const events = event.type === "fill" && event.order.clientOrderId === "m-1" ? this.spoil(event) : [event];
    for (const e of events) super.emit(e);
  }
}

/** The fill event with `change` applied to its fill. */
const withFill = (change: Partial<Record<keyof Fill, unknown>>) => (event: FillEvent): FillEvent[] => [{ ...event, fill: { ...event.fill, ...change } as Fill }];

/** BUY `quantity` X at market on the first bar (m-1, filled at the second bar's open) and BUY 1 on the second (m-2, honest). */
async function run(venue: SpoilingVenue, quantity = 1) {
  const dir = sessionDir();
  const outcome = await runEngine({
    bars: barsFromCloses("X", [100, 101, 102]), venue, engine: { sessionDir: dir, mode: "live" },
    strategy: testStrategy({
      async onBar(_bar, ctx) {
        const n = ctx.history().length;
        if (n <= 2) await ctx.placeOrder({ side: "BUY", type: "MARKET", quantity: n === 1 ? quantity : 1, clientOrderId: `m-${n}` });
      },
    }),
  });
  const errors = outcome.named("onError").map(([e]) => e as ArgoError);
  const fills = journalRows<{ client_order_id: string; quantity: number }>(dir, "SELECT client_order_id, quantity FROM fills ORDER BY rowid");
  const filled = outcome.named("onOrderFilled").map(([fill]) => (fill as Fill).clientOrderId);
  return { outcome, errors, fills, filled };
}

describe("a fill event is checked against its order before it is booked (D1)", () => {
  // Each case: how m-1's fill event is broken (m-1 is BUY 1 X), and the whole report (values are the ones set here).
  const ignored = (problem: string) => `fake-venue sent a fill event (order m-1) whose fill ${problem}; the event was ignored`;
  const notBooked = (problem: string) => `fake-venue reported a fill of order m-1 that ${problem}; the fill was not booked`;
  const cases: Array<[string, (event: FillEvent) => FillEvent[], string]> = [
    ["ETHUSD SELL 50 for a BUY 1 X (the hunt's later-fill-wrong-symbol)", withFill({ symbol: "ETHUSD", side: "SELL", quantity: 50 }), ignored(`has symbol "ETHUSD", not its order's "X"`)],
    ["a SELL fill of a BUY", withFill({ side: "SELL" }), ignored("has side SELL, not its order's BUY")],
    ["a fill of -1", withFill({ quantity: -1 }), ignored("has a quantity of -1, not a finite number above 0")],
    ["a fill at a NaN price", withFill({ price: Number.NaN }), ignored("has a price that is NaN, not a finite number above 0")],
    ["a fill of 1000 on an order of 1", withFill({ quantity: 1000 }), notBooked("has quantity 1000, which would take its order's fills to 1000, past the order's quantity 1")],
    // The honest fill, then the same execution again under another id: 1 + 1 is past the order's 1.
    ["the same execution twice under two ids", (event) => [event, { ...event, fill: { ...event.fill, id: "again" } }], notBooked("has quantity 1, which would take its order's fills to 2, past the order's quantity 1")],
  ];
  for (const [name, spoil, message] of cases) {
    test(`${name}: INVALID_DATA naming the order, the field and the value; not booked; the run goes on`, async () => {
      const overfill = message.includes("past the order's quantity");
      const { outcome, errors, fills, filled } = await run(new SpoilingVenue(spoil));
      expect(outcome.error).toBeUndefined();
      expect(errors.map((e) => [e.code, e.provider, e.message])).toEqual([["INVALID_DATA", "fake-venue", message]]);
      // A malformed event is ignored whole; the venue's FILLED order event that follows lists m-1's honest fill, which
      // is booked from it (as a restart's lookup of that order would). A well-formed fill refused by the booking is not
      // booked again from the order's list: its id was taken then. The execution sent twice books its first copy.
      const expected = !overfill || name.includes("twice") ? ["m-1", "m-2"] : ["m-2"];
      expect(filled).toEqual(expected);
      expect(outcome.result?.counters.fills).toBe(expected.length);
      expect(fills).toEqual(expected.map((id) => ({ client_order_id: id, quantity: 1 })));
    });
  }

  test("partial fills 0.1 and 0.2 of an order of 0.3 are both booked: their float sum 0.30000000000000004 is rounding, not an overfill", async () => {
    // As a broker reports partial fills: each event's order carries the cumulative filled quantity and the fills so far.
    const split = (event: FillEvent): FillEvent[] => {
      const a = { ...event.fill, id: "a", quantity: 0.1 };
      const b = { ...event.fill, id: "b", quantity: 0.2 };
      return [
        { ...event, fill: a, order: { ...event.order, status: "PARTIALLY_FILLED", filledQuantity: 0.1, fills: [a] } },
        { ...event, fill: b, order: { ...event.order, status: "FILLED", filledQuantity: 0.1 + 0.2, fills: [a, b] } },
      ];
    };
    const { outcome, errors, fills, filled } = await run(new SpoilingVenue(split), 0.3);
    expect(errors).toEqual([]);
    expect(filled).toEqual(["m-1", "m-1", "m-2"]);
    expect(fills.map((f) => f.quantity)).toEqual([0.1, 0.2, 1]);
    expect(outcome.result?.positions.map((p) => p.quantity)).toEqual([1.3]);
  });
});

describe("an order event whose quantities no order can have is ignored (D2)", () => {
  const order = { clientOrderId: "zz", venueOrderId: "v", symbol: "X", side: "BUY", type: "LIMIT", limitPrice: 50, quantity: 1, timeInForce: "GTC", status: "ACCEPTED", filledQuantity: 0, averageFillPrice: 0, fills: [], createdAt: 0, updatedAt: 0 };
  const cases: Array<[string, Partial<Record<keyof Order, unknown>>, string]> = [
    ["quantity -1", { quantity: -1 }, "has a quantity of -1, not a finite number of 0 or more"],
    ["filledQuantity -1", { filledQuantity: -1 }, "has a filledQuantity of -1, not a finite number of 0 or more"],
    ["filledQuantity NaN", { filledQuantity: Number.NaN }, "has a filledQuantity that is NaN, not a finite number of 0 or more"],
    ["filledQuantity 2 of 1", { filledQuantity: 2, status: "PARTIALLY_FILLED" }, "has a filledQuantity of 2, more than its quantity 1"],
    ["averageFillPrice NaN", { averageFillPrice: Number.NaN }, "has an averageFillPrice that is NaN, not a finite number of 0 or more"],
  ];
  for (const [name, change, problem] of cases) {
    test(`${name}: INVALID_DATA naming the field and the value; the order reaches neither the mirror nor the journal`, async () => {
      const venue = new SpoilingVenue((event) => [event]);
      const dir = sessionDir();
      const outcome = await runEngine({
        bars: barsFromCloses("X", [100, 101]), venue, engine: { sessionDir: dir, mode: "live" },
        strategy: testStrategy({ onBar(_bar, ctx) { if (ctx.history().length === 1) venue.send({ type: "order", order: { ...order, ...change } }); } }),
      });
      const errors = outcome.named("onError").map(([e]) => e as ArgoError);
      expect(errors.map((e) => [e.code, e.message])).toEqual([["INVALID_DATA", `fake-venue sent an order event whose order ${problem}; the event was ignored`]]);
      expect(outcome.named("onOrderUpdate")).toEqual([]);
      expect(outcome.result?.openOrders).toEqual([]);
      expect(journalRows(dir, "SELECT client_order_id FROM orders")).toEqual([]);
    });
  }

  test("control: the same order event with honest quantities reaches the strategy, the mirror and the journal", async () => {
    const venue = new SpoilingVenue((event) => [event]);
    const dir = sessionDir();
    const outcome = await runEngine({
      bars: barsFromCloses("X", [100, 101]), venue, engine: { sessionDir: dir, mode: "live" },
      strategy: testStrategy({ onBar(_bar, ctx) { if (ctx.history().length === 1) venue.send({ type: "order", order }); } }),
    });
    expect(outcome.named("onError")).toEqual([]);
    expect(outcome.named("onOrderUpdate")).toHaveLength(1);
    expect(outcome.result?.openOrders.map((o) => o.clientOrderId)).toEqual(["zz"]);
    expect(journalRows(dir, "SELECT client_order_id FROM orders")).toEqual([{ client_order_id: "zz" }]);
  });

  test("a fill event whose order has a NaN averageFillPrice is ignored whole: its fill is booked only from the honest order status after it", async () => {
    const nanAverage = (event: FillEvent): FillEvent[] => [{ ...event, order: { ...event.order, averageFillPrice: Number.NaN } }];
    const { errors, fills, filled } = await run(new SpoilingVenue(nanAverage));
    expect(errors.map((e) => e.message)).toEqual(["fake-venue sent a fill event whose order has an averageFillPrice that is NaN, not a finite number of 0 or more; the event was ignored"]);
    // Once: from m-1's FILLED order event, which lists it; not from the ignored fill event.
    expect(filled).toEqual(["m-1", "m-2"]);
    expect(fills.map((f) => f.client_order_id)).toEqual(["m-1", "m-2"]);
  });
});
