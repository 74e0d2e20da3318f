import { describe, expect, test } from "bun:test";
import { ArgoError, type Order } from "@argo/core";
import type { BarPipeline } from "./bar-pipeline.ts";
import { type SettleChannel, UnresolvedPlacements } from "./unresolved-placements.ts";

/** A lookup answered when the test says so: the order found, or the venue's ORDER_NOT_FOUND. */
interface HeldLookup {
  found(order: Order): void;
  notFound(): void;
}

/** The order the venue shows once the request landed: filled 2 at 100. */
const landed: Order = {
  clientOrderId: "a", venueOrderId: "V1", symbol: "X", side: "SELL", type: "LIMIT", timeInForce: "GTC", status: "FILLED",
  quantity: 2, filledQuantity: 2, limitPrice: 100, createdAt: 1, updatedAt: 2,
  fills: [{ id: "F1", clientOrderId: "a", venueOrderId: "V1", symbol: "X", side: "SELL", quantity: 2, price: 100, fee: 0, time: 2 }],
} as Order;

/** The gateway's side, recording what the placements booked; and a pipeline with only what they read. */
function setup() {
  const lookups: HeldLookup[] = [];
  const booked: string[] = [];
  const channel: SettleChannel = {
    lookUp: () => new Promise<Order>((resolve, reject) => {
      lookups.push({ found: resolve, notFound: () => reject(new ArgoError("ORDER_NOT_FOUND", "no such order")) });
    }),
    found: (id, order) => booked.push(`found ${id} ${order.status}`),
    notPlaced: (id) => booked.push(`notPlaced ${id}`),
    declaredNotPlaced: (id) => booked.push(`declared ${id}`),
    cannotLand: (id) => void booked.push(`cannotLand ${id}`),
    reclaim: (id) => booked.push(`reclaim ${id}`),
    request: () => undefined,
    failed: () => undefined,
  };
  const updates: Order[] = [];
  const pipeline = {
    finished: false,
    trading: { name: "venue" },
    // Nothing told as an event here (the channel stub only books): a found order is no repeat.
    mirror: { orders: new Map(), repeatsState: () => false, stateTold: () => {} },
    runner: { log: { warn: () => undefined }, wantsUpdates: true, updates },
    reportError: () => undefined,
    noteOrder: () => booked.push("noteOrder"),
    noteFill: () => booked.push("noteFill"),
  } as unknown as BarPipeline;
  // A deadline of 0: every unresolved placement is due at once.
  const placements = new UnresolvedPlacements(pipeline, channel, 0);
  return { placements, lookups, booked, updates };
}

describe("two due lookups of one placement at once (a bar's and the halt's)", () => {
  test("the first finds nothing, the second finds it landed and filled: it is booked, not dropped", async () => {
    const { placements, lookups, booked, updates } = setup();
    placements.add("a");
    const bar = placements.lookUpDue();
    const halt = placements.lookUpDue();
    expect(lookups).toHaveLength(2);
    lookups[0]!.notFound();
    await bar;
    expect(booked).toEqual(["declared a"]);
    lookups[1]!.found(landed);
    await halt;
    // Before, the second answer was dropped (no longer unresolved, not in the mirror): the fill of 2 never booked.
    expect(booked).toEqual(["declared a", "reclaim a", "found a FILLED"]);
    expect(updates.map((o) => o.clientOrderId)).toEqual(["a"]);
  });

  test("both find nothing: declared once, nothing booked", async () => {
    const { placements, lookups, booked } = setup();
    placements.add("a");
    const runs = [placements.lookUpDue(), placements.lookUpDue()];
    for (const lookup of lookups) lookup.notFound();
    await Promise.all(runs);
    expect(booked).toEqual(["declared a"]);
  });
});
