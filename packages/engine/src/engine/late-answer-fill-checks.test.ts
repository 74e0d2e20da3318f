import type { ArgoError, Fill, Order, OrderRequest, TradingEvent } from "@argo/core";
import { afterAll, describe, expect, test } from "bun:test";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { OrderResult } from "../strategy/strategy-context.ts";
import { barsFromCloses } from "../test-fixtures/bars.ts";
import { FakeVenue } from "../test-fixtures/fake-venue.ts";
import { journalRows } from "../test-fixtures/journal-rows.ts";
import { runEngine, testStrategy } from "../test-fixtures/run-engine.ts";

const DEADLINE = 40;
const root = mkdtempSync(join(tmpdir(), "argo-late-answer-fill-checks-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let dirs = 0;

/**
 * A broker whose first placement (m-1) lands 1.5 deadlines late — after the engine's lookup at the deadline found
 * nothing, so its outcome is unknown — and fills at 100 in the placement: its late answer is the FILLED order with the
 * fill, which `spoil` breaks as a faulty adapter would (the venue's own record stays honest). `answersOnly`: no events,
 * so the late answer settles the unresolved placement (lateAnswer → found); with events, the order event of the landing
 * settles it first and the late answer's fill is booked on its own (lateAnswer → noteFill).
 */
class LateFillVenue extends FakeVenue {
  constructor(private readonly spoil: (fill: Fill) => void, private readonly answersOnly: boolean) {
    super();
  }
  override async placeOrder(request: OrderRequest): Promise<Order> {
    const late = request.clientOrderId === "m-1";
    if (late) await Bun.sleep(1.5 * DEADLINE);
    const placed = await super.placeOrder(request);
    if (!late) return placed;
    const fill: Fill = { id: "x-m-1", clientOrderId: "m-1", venueOrderId: placed.venueOrderId, symbol: "X", side: "BUY", quantity: 1, price: 100, fee: 0, time: 0 };
    const held = Object.assign(this.orders.get("m-1")!, { status: "FILLED", filledQuantity: 1, averageFillPrice: 100, fills: [fill] });
    const answered = { ...fill };
    this.spoil(answered);
    this.spoiled = answered;
    return { ...held, fills: [answered] };
  }
  /** The late answer's broken fill: the adapter reads lookups as it read that answer (the stop's lookup of m-1 lists it). */
  private spoiled: Fill | undefined;
  override async getOrder(orderId: string): Promise<Order> {
    const order = await super.getOrder(orderId);
    return orderId === "m-1" && this.spoiled !== undefined ? { ...order, fills: [{ ...this.spoiled }] } : order;
  }
  protected override emit(event: TradingEvent): void {
    if (!this.answersOnly) super.emit(event);
  }
}

/** BUY 1 X at market as m-1 on the first bar (its answer late), waiting for it to land; an honest LIMIT m-2 on the second. */
async function run(venue: LateFillVenue) {
  const dir = join(root, `s${++dirs}`);
  const results: OrderResult[] = [];
  const outcome = await runEngine({
    bars: barsFromCloses("X", [100, 100, 100]), venue, engine: { sessionDir: dir, mode: "live", venueCallTimeoutMs: DEADLINE },
    strategy: testStrategy({
      async onBar(_bar, ctx) {
        const n = ctx.history().length;
        if (n === 1) {
          results.push(await ctx.placeOrder({ side: "BUY", type: "MARKET", quantity: 1, clientOrderId: "m-1" }));
          await Bun.sleep(2 * DEADLINE); // the late answer lands meanwhile
        }
        if (n === 2) results.push(await ctx.placeOrder({ side: "BUY", type: "LIMIT", limitPrice: 50, quantity: 1, clientOrderId: "m-2" }));
      },
    }),
  });
  const errors = outcome.named("onError").map(([e]) => e as ArgoError).filter((e) => e.code === "INVALID_DATA");
  const fills = journalRows<{ id: string }>(dir, "SELECT id FROM fills ORDER BY rowid");
  return { outcome, errors, fills, results };
}

describe("a fill inside a placement answer that comes after its deadline is checked as an event's fill is", () => {
  // Each case: how the late answer's fill is broken (m-1 is BUY 1 X), and the report's words (values are the ones set here).
  const cases: Array<[string, (fill: Fill) => void, string]> = [
    ["a fill of 1000 on a BUY 1", (fill) => void (fill.quantity = 1000), "has quantity 1000, which would take its order's fills to 1000, past the order's quantity 1"],
    ["a fill at a NaN price", (fill) => void (fill.price = Number.NaN), "has a price that is NaN, not a finite number above 0"],
    ["a fill on the SELL side of a BUY", (fill) => void (fill.side = "SELL"), "has side SELL, not its order's BUY"],
  ];
  for (const answersOnly of [true, false]) {
    const path = answersOnly ? "settling the unresolved placement" : "after an event settled it";
    for (const [name, spoil, problem] of cases) {
      test(`${name} (${path}): INVALID_DATA naming the order and the value; not booked, journaled nor given to the strategy`, async () => {
        const { outcome, errors, fills, results } = await run(new LateFillVenue(spoil, answersOnly));
        expect(outcome.error).toBeUndefined();
        expect(results.map((r) => r.status)).toEqual(["rejected", "placed"]); // m-1's outcome was unknown at its deadline
        expect(errors.map((e) => e.message)).toEqual([`fake-venue reported a fill of order m-1 that ${problem}; the fill was not booked`]);
        expect(errors[0]!.details).toEqual({ clientOrderId: "m-1" });
        // The order itself is the venue's, booked placed once after all; only its fill is refused.
        expect(outcome.named("onOrderPlaced").map(([o]) => (o as Order).clientOrderId)).toEqual(["m-1", "m-2"]);
        expect(outcome.named("onOrderFilled")).toEqual([]);
        expect(outcome.result?.counters.fills).toBe(0);
        expect(fills).toEqual([]);
      });
    }

    test(`the same late answer with an honest fill is booked once (${path})`, async () => {
      const { outcome, errors, fills } = await run(new LateFillVenue(() => {}, answersOnly));
      expect(errors).toEqual([]);
      expect(outcome.named("onOrderFilled").map(([f]) => [(f as Fill).id, (f as Fill).quantity])).toEqual([["x-m-1", 1]]);
      expect(fills).toEqual([{ id: "x-m-1" }]);
      expect(outcome.result?.counters.fills).toBe(1);
    });
  }
});
