import type { ArgoError, Fill, Order, OrderRequest } from "@argo/core";
import { afterAll, describe, expect, test } from "bun:test";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { OrderResult } from "../strategy/strategy-context.ts";
import { barsFromCloses } from "../test-fixtures/bars.ts";
import { FakeVenue } from "../test-fixtures/fake-venue.ts";
import { journalRows } from "../test-fixtures/journal-rows.ts";
import { runEngine, testStrategy } from "../test-fixtures/run-engine.ts";

const root = mkdtempSync(join(tmpdir(), "argo-answer-fill-checks-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let dirs = 0;
const sessionDir = () => join(root, `s${++dirs}`);

/**
 * A broker whose market orders fill at 100 in the placement, the fill in the answer (a Binance FULL response), with its
 * event stream down (as the hunt's broker: only its answers tell). `spoil` breaks the first order's answer the way a
 * faulty adapter would; `spoilLookups` breaks its order lookups the same way.
 */
class SpoilingVenue extends FakeVenue {
  constructor(private readonly spoil: (order: Order, fill: Fill) => void, private readonly spoilLookups = false) {
    super();
  }
  override async placeOrder(request: OrderRequest): Promise<Order> {
    const placed = await super.placeOrder(request);
    const fill: Fill = { id: `x-${placed.clientOrderId}`, clientOrderId: placed.clientOrderId, venueOrderId: placed.venueOrderId, symbol: placed.symbol, side: placed.side, quantity: placed.quantity, price: 100, fee: 0, time: 0 };
    // The venue's own record is the honest one (filled now, so the fake's bar matching never fills it again).
    const held = Object.assign(this.orders.get(placed.clientOrderId)!, { status: "FILLED", filledQuantity: placed.quantity, averageFillPrice: 100, fills: [fill] });
    return this.answer(held);
  }
  override async getOrder(orderId: string): Promise<Order> {
    const held = await super.getOrder(orderId);
    return this.spoilLookups ? this.answer(held) : held;
  }
  /** A copy of the venue's order as answered: the first order (m-1) spoiled, the others as they are. */
  private answer(held: Order): Order {
    const fill = { ...held.fills[0]! };
    const answer: Order = { ...held, fills: [fill] };
    if (held.clientOrderId === "m-1") this.spoil(answer, fill);
    return answer;
  }
  protected override emit(): void {}
}

/** One BUY 1 X at market on the first bar (m-1, its answer spoiled), one more on the second (m-2, answered honestly). */
async function run(venue: SpoilingVenue) {
  const dir = sessionDir();
  const results: OrderResult[] = [];
  const outcome = await runEngine({
    bars: barsFromCloses("X", [100, 101]), venue, engine: { sessionDir: dir, mode: "live" },
    strategy: testStrategy({
      async onBar(_bar, ctx) {
        const n = ctx.history().length;
        results.push(await ctx.placeOrder({ side: "BUY", type: "MARKET", quantity: 1, clientOrderId: `m-${n}` }));
      },
    }),
  });
  const errors = outcome.named("onError").map(([e]) => e as ArgoError);
  const fills = journalRows<{ id: string }>(dir, "SELECT id FROM fills ORDER BY rowid");
  const orders = journalRows<{ client_order_id: string; status: string; quantity: number | null; filled_quantity: number | null; data: string }>(
    dir, "SELECT client_order_id, status, quantity, filled_quantity, data FROM orders ORDER BY rowid");
  return { outcome, errors, fills, orders, results };
}

describe("a fill inside a placement answer is checked before it is booked (D1)", () => {
  // Each case: how the answer's fill is broken, and what the report must say of it (the value is the one set here).
  const cases: Array<[string, (fill: Fill) => void, string]> = [
    ["a fill of -1 on a BUY 1", (fill) => void (fill.quantity = -1), "has a quantity of -1, not a finite number above 0"],
    ["a fill of 1000 on a BUY 1", (fill) => void (fill.quantity = 1000), "has quantity 1000, which would take its order's fills to 1000, past the order's quantity 1"],
    ["a fill on the SELL side of a BUY", (fill) => void (fill.side = "SELL"), "has side SELL, not its order's BUY"],
    ["a fill in another symbol", (fill) => void (fill.symbol = "ZZZ"), `has symbol "ZZZ", not its order's "X"`],
    ["a fill at a NaN price", (fill) => void (fill.price = Number.NaN), "has a price that is NaN, not a finite number above 0"],
    ["a fill with a NaN fee", (fill) => void (fill.fee = Number.NaN), "has a fee that is NaN, not a finite number"],
  ];
  for (const [name, spoil, problem] of cases) {
    test(`${name}: INVALID_DATA naming the order, the field and the value; not counted, journaled nor given to the strategy; the run goes on`, async () => {
      // Its lookups spoiled alike (one adapter reads both): the stop's lookup of m-1, held FILLED short of its fill, lists
      // the same broken fill, refused again without a second report.
      const { outcome, errors, fills, results } = await run(new SpoilingVenue((_order, fill) => spoil(fill), true));
      expect(outcome.error).toBeUndefined();
      expect(errors.map((e) => [e.code, e.provider])).toEqual([["INVALID_DATA", "fake-venue"]]);
      expect(errors[0]!.message).toBe(`fake-venue reported a fill of order m-1 that ${problem}; the fill was not booked`);
      expect(errors[0]!.details).toEqual({ clientOrderId: "m-1" });
      // The order itself is the venue's (placed, FILLED); only its fill is refused.
      expect(results.map((r) => r.status)).toEqual(["placed", "placed"]);
      // m-1's fill is refused; m-2's honest one (placed on the next bar) is booked: the run goes on.
      expect(outcome.named("onOrderFilled").map(([fill]) => (fill as Fill).id)).toEqual(["x-m-2"]);
      expect(outcome.result?.counters.fills).toBe(1);
      expect(fills).toEqual([{ id: "x-m-2" }]);
      // Refused before the journal: no refused row, so the errors counted are that one report.
      expect(outcome.result?.counters.errors).toBe(1);
    });
  }

  test("the same answer with an honest fill is booked once (the check refuses only what is wrong)", async () => {
    const { errors, fills, outcome } = await run(new SpoilingVenue(() => {}));
    expect(errors).toEqual([]);
    expect(fills).toEqual([{ id: "x-m-1" }, { id: "x-m-2" }]);
    expect(outcome.named("onOrderFilled").map(([fill]) => (fill as Fill).id)).toEqual(["x-m-1", "x-m-2"]);
  });
});

describe("an answer whose quantities are not numbers an order can have is a malformed answer (D2)", () => {
  // The venue's lookups answer the same (as the hunt's broker did): the placement's outcome stays unknown, as after any
  // malformed answer; nothing of it reaches the mirror or the journal.
  const cases: Array<[string, (order: Order) => void, string]> = [
    ["quantity -1", (order) => void (order.quantity = -1), "has a quantity of -1, not a finite number of 0 or more"],
    ["filledQuantity -1", (order) => void (order.filledQuantity = -1), "has a filledQuantity of -1, not a finite number of 0 or more"],
    ["filledQuantity NaN", (order) => void (order.filledQuantity = Number.NaN), "has a filledQuantity that is NaN, not a finite number of 0 or more"],
    ["filledQuantity past the quantity", (order) => void (order.filledQuantity = 2), "has a filledQuantity of 2, more than its quantity 1"],
    ["averageFillPrice NaN", (order) => void (order.averageFillPrice = Number.NaN), "has an averageFillPrice that is NaN, not a finite number of 0 or more"],
  ];
  for (const [name, spoil, problem] of cases) {
    test(`${name}: INVALID_DATA naming the field and the value; the placement is not booked with it`, async () => {
      const { outcome, errors, fills, orders, results } = await run(new SpoilingVenue((order) => spoil(order), true));
      expect(outcome.error).toBeUndefined();
      expect(errors.map((e) => e.code)).toEqual(["INVALID_DATA"]);
      expect(errors[0]!.message).toStartWith(`fake-venue answered the placement with an order that ${problem}`);
      expect(errors[0]!.message).toContain("check client order id m-1");
      expect(results[0]).toMatchObject({ status: "rejected", code: "INVALID_DATA" });
      expect(results[1]!.status).toBe("placed");
      // Recorded before it left (PENDING, quantity 1, nothing filled) and left so: the next start asks the venue.
      const m1 = orders.find((o) => o.client_order_id === "m-1")!;
      expect([m1.status, m1.quantity, m1.filled_quantity]).toEqual(["PENDING", 1, 0]);
      expect(JSON.parse(m1.data)).toMatchObject({ averageFillPrice: 0, fills: [] });
      expect(fills).toEqual([{ id: "x-m-2" }]);
      expect(outcome.named("onOrderPlaced").map(([o]) => (o as Order).clientOrderId)).toEqual(["m-2"]);
    });
  }

  test("the placement answer alone malformed, the lookup honest: the venue's honest order is booked, never the bad figures", async () => {
    const { orders, fills, outcome } = await run(new SpoilingVenue((order) => void (order.filledQuantity = -1)));
    const m1 = orders.find((o) => o.client_order_id === "m-1")!;
    // The venue's own order, as its lookup gives it: FILLED 1 in the placement, at 100.
    expect([m1.status, m1.quantity, m1.filled_quantity]).toEqual(["FILLED", 1, 1]);
    expect(JSON.parse(m1.data)).toMatchObject({ averageFillPrice: 100 });
    expect(fills).toEqual([{ id: "x-m-1" }, { id: "x-m-2" }]);
    expect(outcome.named("onOrderFilled").map(([fill]) => [(fill as Fill).id, (fill as Fill).price])).toEqual([["x-m-1", 100], ["x-m-2", 100]]);
  });
});
