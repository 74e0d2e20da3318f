import type { ArgoError, Fill, Order } from "@argo/core";
import { afterAll, describe, expect, test } from "bun:test";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { barsFromCloses } from "../test-fixtures/bars.ts";
import { LooseVenue } from "../test-fixtures/loose-venue.ts";
import { journalRows } from "../test-fixtures/journal-rows.ts";
import { runEngine, testStrategy } from "../test-fixtures/run-engine.ts";

const root = mkdtempSync(join(tmpdir(), "argo-reconcile-fill-checks-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

// Closes 100, 101, …: a limit buy at 90 never fills by the fake's own matching; its fills come from `send` and the test.
const bars = barsFromCloses("X", [100, 101, 102, 103]);
const fillOf = (order: Order, id: string, quantity: number): Fill => ({ id, clientOrderId: order.clientOrderId, venueOrderId: order.venueOrderId, symbol: "X", side: "BUY", quantity, price: 90, fee: 0, time: 0 });

/**
 * Session one: a BUY 2 limit (rest-1) fills 1.5 (fill a, sent as an event, booked). While no session runs the venue
 * reports the order FILLED with a second fill b of `second`. Session two asks about it before trading.
 */
async function restartWithSecondFill(second: number) {
  const sessionDir = join(root, `second-${second}`);
  const venue = new LooseVenue();
  await runEngine({
    bars, venue, engine: { sessionDir },
    strategy: testStrategy({
      onBar(_bar, ctx) {
        const n = ctx.history().length;
        if (n === 1) void ctx.placeOrder({ side: "BUY", type: "LIMIT", quantity: 2, limitPrice: 90, clientOrderId: "rest-1" });
        if (n === 3) {
          const order = venue.orders.get("rest-1")!;
          const a = fillOf(order, "a", 1.5);
          // The venue's own record says what its event says, as a broker's lookup agrees with its report.
          Object.assign(order, { status: "PARTIALLY_FILLED", filledQuantity: 1.5, averageFillPrice: 90, fills: [a] });
          venue.send({ type: "fill", fill: a, order: { ...order, fills: [a] } });
        }
      },
    }),
  });
  const held = venue.orders.get("rest-1")!;
  Object.assign(held, { status: "FILLED", filledQuantity: 2, averageFillPrice: 90, fills: [fillOf(held, "a", 1.5), fillOf(held, "b", second)] });
  const restart = await runEngine({ bars, venue, engine: { sessionDir }, strategy: testStrategy({}) });
  return {
    errors: restart.named("onError").map(([e]) => e as ArgoError),
    filled: restart.named("onOrderFilled").map(([fill]) => (fill as Fill).id),
    fills: journalRows<{ id: string; quantity: number }>(sessionDir, "SELECT id, quantity FROM fills ORDER BY rowid"),
  };
}

describe("fills found when the next session asks about an order the last one left working", () => {
  test("a second fill of 1.5 on a BUY 2 already filled 1.5 last session (3 in all) is reported and not booked", async () => {
    const { errors, filled, fills } = await restartWithSecondFill(1.5);
    // 1.5 booked last session + 1.5 = 3, past 2: the earlier session's fill counts, though this session never booked it.
    expect(errors.map((e) => [e.code, e.message])).toEqual([
      ["INVALID_DATA", "fake-venue reported a fill of order rest-1 that has quantity 1.5, which would take its order's fills to 3, past the order's quantity 2; the fill was not booked"],
    ]);
    expect(filled).toEqual([]);
    expect(fills).toEqual([{ id: "a", quantity: 1.5 }]);
  });

  test("a second fill of 0.5 (2 in all) is booked: the earlier fill is counted once", async () => {
    const { errors, filled, fills } = await restartWithSecondFill(0.5);
    expect(errors).toEqual([]);
    expect(filled).toEqual(["b"]);
    expect(fills).toEqual([{ id: "a", quantity: 1.5 }, { id: "b", quantity: 0.5 }]);
  });
});
