import { describe, expect, test } from "bun:test";
import type { ArgoError } from "@argo/core";
import { barsFromCloses } from "../test-fixtures/bars.ts";
import { LooseVenue } from "../test-fixtures/loose-venue.ts";
import { runEngine, testStrategy } from "../test-fixtures/run-engine.ts";

const order = { clientOrderId: "zz", venueOrderId: "v", symbol: "X", side: "BUY", type: "LIMIT", quantity: 2, timeInForce: "GTC", status: "FILLED", filledQuantity: 2, averageFillPrice: 100, fills: [], createdAt: 0, updatedAt: 0 };
const fill = { clientOrderId: "zz", venueOrderId: "v", symbol: "X", quantity: 1, price: 100, fee: 0, time: 0 };
/** Malformed: a SELL fill of a BUY order (fillProblem refuses it). */
const badFill = (id: string) => ({ type: "fill", order, fill: { ...fill, id, side: "SELL" } });

/** Sends `events` on bars 2, 3 and 4 (a backlog a venue replays at each of three reconnects); returns the INVALID_DATA messages. */
async function reportsOf(events: unknown[]) {
  const venue = new LooseVenue();
  const run = await runEngine({
    bars: barsFromCloses("X", [100, 101, 102, 103, 104]),
    venue,
    strategy: testStrategy({
      onBar(_bar, ctx) {
        const i = ctx.history().length;
        if (i >= 2 && i <= 4) for (const event of events) venue.send(event);
      },
    }),
  });
  expect(run.error).toBeUndefined();
  expect(run.named("onOrderFilled")).toEqual([]);
  const errors = run.named("onError").map(([e]) => e as ArgoError);
  expect(errors.every((e) => e.code === "INVALID_DATA")).toBe(true);
  return errors.map((e) => e.message);
}

describe("a malformed fill event the venue sends again is reported once", () => {
  test("the same bad execution sent 3 times: one report", async () => {
    const reports = await reportsOf([badFill("f1")]);
    expect(reports).toHaveLength(1);
    expect(reports[0]).toStartWith("fake-venue sent a fill event (order zz) whose fill has side SELL");
  });

  test("two bad executions of one order, each sent 3 times: one report each", async () => {
    const reports = await reportsOf([badFill("f1"), badFill("f2")]);
    expect(reports).toHaveLength(2);
    expect(reports.every((m) => m.startsWith("fake-venue sent a fill event (order zz) whose fill has side SELL"))).toBe(true);
  });

  test("a fill event without a fill id cannot be told from another: reported each time (3 sends, 3 reports)", async () => {
    const reports = await reportsOf([{ type: "fill", order }]);
    expect(reports).toEqual(Array(3).fill("fake-venue sent a fill event (order zz) whose fill is missing, not a fill; the event was ignored"));
  });
});
