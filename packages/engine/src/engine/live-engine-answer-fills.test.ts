import type { Fill, Order, OrderRequest } from "@argo/core";
import { afterAll, describe, expect, test } from "bun:test";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { CancelResult } from "../strategy/strategy-context.ts";
import { barsFromCloses } from "../test-fixtures/bars.ts";
import { FakeVenue } from "../test-fixtures/fake-venue.ts";
import { journalRows } from "../test-fixtures/journal-rows.ts";
import { runEngine, testStrategy } from "../test-fixtures/run-engine.ts";

const root = mkdtempSync(join(tmpdir(), "argo-answer-fills-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let dirs = 0;
const sessionDir = () => join(root, `s${++dirs}`);
const journalFills = (dir: string) => journalRows<{ id: string; quantity: number }>(dir, "SELECT id, quantity FROM fills ORDER BY rowid");

/**
 * A broker whose answers carry the fills they know of (a Binance FULL placement response, a cancel answer of an order
 * filled in part), with its event stream down (`streamFills` false) or up (then each fill also arrives as an event first).
 */
class AnsweringVenue extends FakeVenue {
  constructor(readonly streamFills: boolean) {
    super();
  }
  /** A market order fills 1 at 100 in the call; a limit order rests with 1 of 3 filled. */
  override async placeOrder(request: OrderRequest): Promise<Order> {
    const order = await super.placeOrder(request);
    const fill: Fill = { id: `x-${order.clientOrderId}`, clientOrderId: order.clientOrderId, venueOrderId: order.venueOrderId!, symbol: order.symbol, side: order.side, quantity: 1, price: 100, fee: 0, time: 0 };
    const filled: Order = { ...order, status: request.type === "MARKET" ? "FILLED" : "PARTIALLY_FILLED", filledQuantity: 1, averageFillPrice: 100, fills: [fill] };
    this.held.set(order.clientOrderId, filled);
    if (this.streamFills) this.emit({ type: "fill", fill, order: filled });
    return { ...filled };
  }
  readonly held = new Map<string, Order>();
  override async cancelOrder(orderId: string): Promise<Order> {
    await super.cancelOrder(orderId);
    return { ...this.held.get(orderId)!, status: "CANCELLED" };
  }
}

describe("fills a venue reports in its answers", () => {
  test.each([false, true])("a placement answer's fill is recorded and reported once (fills also streamed: %p)", async (streamFills) => {
    const dir = sessionDir();
    // One bar: the fake's own matching (next bar) never runs, so the answer's fill is the only one.
    const run = await runEngine({
      bars: barsFromCloses("X", [100]), venue: new AnsweringVenue(streamFills), engine: { sessionDir: dir, mode: "live" },
      strategy: testStrategy({ async onBar(_bar, ctx) { if (ctx.history().length === 1) await ctx.placeOrder({ side: "BUY", type: "MARKET", quantity: 1, clientOrderId: "m-1" }); } }),
    });
    expect(run.named("onOrderFilled").map(([fill]) => (fill as Fill).id)).toEqual(["x-m-1"]);
    expect(run.result?.counters.fills).toBe(1);
    expect(journalFills(dir)).toEqual([{ id: "x-m-1", quantity: 1 }]);
  });

  test("a cancel answer's fill (an order filled in part) is recorded once, with the stream down", async () => {
    const dir = sessionDir();
    const cancels: CancelResult[] = [];
    const venue = new AnsweringVenue(false);
    // Its placement answer reported no fill (the fill came between the answer and the cancel).
    venue.placeOrder = async function (this: AnsweringVenue, request: OrderRequest) {
      const order = await FakeVenue.prototype.placeOrder.call(this, request);
      const fill: Fill = { id: "x-l-1", clientOrderId: order.clientOrderId, venueOrderId: order.venueOrderId!, symbol: order.symbol, side: order.side, quantity: 1, price: 99, fee: 0, time: 0 };
      this.held.set(order.clientOrderId, { ...order, status: "PARTIALLY_FILLED", filledQuantity: 1, averageFillPrice: 99, fills: [fill] });
      return order;
    };
    const run = await runEngine({
      bars: barsFromCloses("X", [100, 101, 102]), venue, engine: { sessionDir: dir, mode: "live" },
      strategy: testStrategy({
        async onBar(_bar, ctx) {
          const n = ctx.history().length;
          if (n === 1) await ctx.placeOrder({ side: "BUY", type: "LIMIT", limitPrice: 1, quantity: 3, clientOrderId: "l-1" });
          if (n === 2) cancels.push(await ctx.cancelOrder("l-1"));
        },
      }),
    });
    expect(cancels.map((c) => c.ok)).toEqual([true]);
    expect(run.named("onOrderFilled").map(([fill]) => (fill as Fill).id)).toEqual(["x-l-1"]);
    expect(journalFills(dir)).toEqual([{ id: "x-l-1", quantity: 1 }]);
  });
});
