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
const root = mkdtempSync(join(tmpdir(), "argo-malformed-placement-answer-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let dirs = 0;

/**
 * A broker that takes order "m" and fills it at 100 in the placement (its lookups answer that honestly), but answers the
 * placement with `{}` — at once, or (`lateMs`) after that long, without taking the order at all. `answersOnly`: its event
 * stream is down.
 */
class GarbageAnswerVenue extends FakeVenue {
  constructor(private readonly answersOnly: boolean, private readonly lateMs?: number) {
    super();
  }
  override async placeOrder(request: OrderRequest): Promise<Order> {
    if (request.clientOrderId !== "m") return super.placeOrder(request);
    if (this.lateMs !== undefined) {
      await Bun.sleep(this.lateMs);
      return {} as Order;
    }
    const placed = await super.placeOrder(request);
    const fill: Fill = { id: "x-m", clientOrderId: "m", venueOrderId: placed.venueOrderId, symbol: "X", side: "BUY", quantity: 1, price: 100, fee: 0, time: 0 };
    Object.assign(this.orders.get("m")!, { status: "FILLED", filledQuantity: 1, averageFillPrice: 100, fills: [fill] });
    return {} as Order;
  }
  protected override emit(event: TradingEvent): void {
    if (!this.answersOnly) super.emit(event);
  }
}

/** One BUY 1 X at market, id "m", on the first bar; the second bar waits past a deadline (a late answer lands then). */
async function run(venue: GarbageAnswerVenue) {
  const dir = join(root, `s${++dirs}`);
  const results: OrderResult[] = [];
  const outcome = await runEngine({
    bars: barsFromCloses("X", [100, 100, 100]), venue, engine: { sessionDir: dir, mode: "live", venueCallTimeoutMs: DEADLINE },
    strategy: testStrategy({
      async onBar(_bar, ctx) {
        const n = ctx.history().length;
        if (n === 1) results.push(await ctx.placeOrder({ side: "BUY", type: "MARKET", quantity: 1, clientOrderId: "m" }));
        if (n === 2) await Bun.sleep(2 * DEADLINE);
      },
    }),
  });
  // The second bar's onBar, asleep past the deadline while the stream waits, is reported too (STRATEGY_ERROR): not this test's matter.
  const errors = outcome.named("onError").map(([e]) => e as ArgoError).filter((e) => e.code !== "STRATEGY_ERROR");
  const rows = journalRows<{ status: string }>(dir, "SELECT status FROM orders WHERE client_order_id = 'm'");
  return { outcome, errors, results, rows };
}

describe("a placement answered with something that is no order", () => {
  for (const answersOnly of [true, false]) {
    test(`is reported once as INVALID_DATA, and the order the lookup finds is booked once (${answersOnly ? "no events" : "its events too"})`, async () => {
      const { outcome, errors, results, rows } = await run(new GarbageAnswerVenue(answersOnly));
      expect(outcome.error).toBeUndefined();
      // Before: no report at all (the lookup found the order, and the garbage answer went unheard).
      expect(errors.map((e) => [e.code, e.provider])).toEqual([["INVALID_DATA", "fake-venue"]]);
      expect(errors[0]!.message).toContain("fake-venue answered the placement with");
      expect(errors[0]!.message).toContain("order m");
      // The INVALID_DATA, and the sleeping onBar's overrun report.
      expect(outcome.result?.counters.errors).toBe(2);
      // The venue's order (FILLED 1 at 100 in the placement), booked once: placed, filled, one journal row.
      expect(results).toMatchObject([{ status: "placed", order: { clientOrderId: "m", status: "FILLED" } }]);
      expect(outcome.named("onOrderPlaced").map(([o]) => (o as Order).clientOrderId)).toEqual(["m"]);
      expect(outcome.result?.counters.ordersPlaced).toBe(1);
      expect(outcome.named("onOrderFilled").map(([f]) => (f as Fill).id)).toEqual(["x-m"]);
      expect(rows).toEqual([{ status: "FILLED" }]);
    });
  }

  test("after its deadline, is reported once too (its outcome left to the lookups)", async () => {
    // The request never reaches the venue; its answer, 1.5 deadlines late, is {}. The lookups find nothing.
    const { outcome, errors, results } = await run(new GarbageAnswerVenue(true, 1.5 * DEADLINE));
    expect(outcome.error).toBeUndefined();
    expect(results).toMatchObject([{ status: "rejected", code: "CONNECTION_LOST" }]);
    const invalid = errors.filter((e) => e.code === "INVALID_DATA");
    expect(invalid).toHaveLength(1);
    expect(invalid[0]!.message).toContain("fake-venue answered the placement with");
    expect(invalid[0]!.message).toContain("after its deadline (order m)");
    expect(outcome.named("onOrderPlaced")).toEqual([]);
  });
});
