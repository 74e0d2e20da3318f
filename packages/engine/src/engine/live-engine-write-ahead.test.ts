import { ArgoError, type Fill, type Order, type OrderRequest, type TradingEvent } from "@argo/core";
import { afterAll, describe, expect, spyOn, test } from "bun:test";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Journal } from "../journal/journal.ts";
import type { CancelResult, OrderResult } from "../strategy/strategy-context.ts";
import { barsFromCloses } from "../test-fixtures/bars.ts";
import { FakeVenue } from "../test-fixtures/fake-venue.ts";
import { journalRows } from "../test-fixtures/journal-rows.ts";
import { runEngine, testStrategy } from "../test-fixtures/run-engine.ts";
import { NEVER_REACHED_VENUE } from "./reconcile-journal-orders.ts";

const root = mkdtempSync(join(tmpdir(), "argo-write-ahead-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let dirs = 0;
const sessionDir = () => join(root, `s${++dirs}`);

const journalOrders = (dir: string) =>
  journalRows<{ client_order_id: string; status: string; data: string }>(dir, "SELECT client_order_id, status, data FROM orders ORDER BY rowid");
const journalFills = (dir: string) => journalRows<{ client_order_id: string; id: string }>(dir, "SELECT client_order_id, id FROM fills");

const ID = "rebalance-1";

/** Places one market order with a chosen id on the first bar (or on every bar until placed, with `retry`), keeping the answers. */
function placer(results: OrderResult[], retry = false) {
  return testStrategy({
    async onBar(_bar, ctx) {
      if (results.length > 0 && !(retry && results.every((r) => r.status === "rejected"))) return;
      results.push(await ctx.placeOrder({ side: "BUY", type: "MARKET", quantity: 1, clientOrderId: ID }));
    },
  });
}

/** Takes the order and loses the answer (a timeout); asking about it fails too while `lookupDown`, and no event arrives while `streamDown`. */
class LostAnswerVenue extends FakeVenue {
  lookupDown = true;
  streamDown = false;
  takes = true;
  /** What the journal held for the order when the venue received it. */
  recordedAtCall: string[] = [];
  dir = "";
  override async placeOrder(request: OrderRequest): Promise<Order> {
    if (this.dir !== "") this.recordedAtCall.push(...journalOrders(this.dir).filter((r) => r.client_order_id === request.clientOrderId).map((r) => r.status));
    if (this.takes) await super.placeOrder(request);
    throw new ArgoError("CONNECTION_LOST", "request timed out");
  }
  override async getOrder(orderId: string): Promise<Order> {
    if (this.lookupDown) throw new ArgoError("CONNECTION_LOST", "request timed out");
    return super.getOrder(orderId);
  }
  protected override emit(event: TradingEvent): void {
    if (!this.streamDown) super.emit(event);
  }
}

describe("an order sent to a venue is in the session journal before it leaves", () => {
  test("recorded PENDING before the venue's call, then as the venue reports it", async () => {
    const dir = sessionDir();
    const venue = new LostAnswerVenue();
    venue.lookupDown = false;
    venue.dir = dir;
    const results: OrderResult[] = [];
    await runEngine({ bars: barsFromCloses("X", [100, 101, 102]), venue, strategy: placer(results), engine: { sessionDir: dir, mode: "live" } });
    expect(venue.recordedAtCall).toEqual(["PENDING"]);
    expect(results.map((r) => r.status)).toEqual(["placed"]);
    expect(journalOrders(dir).map((r) => [r.client_order_id, r.status])).toEqual([[ID, "FILLED"]]);
  });

  test("an unknown outcome stays PENDING; the next start asks the venue, records what it says and refuses the id", async () => {
    const dir = sessionDir();
    const venue = new LostAnswerVenue();
    venue.streamDown = true;
    const first: OrderResult[] = [];
    await runEngine({ bars: barsFromCloses("X", [100, 101]), venue, strategy: placer(first), engine: { sessionDir: dir, mode: "live" } });
    expect(first[0]?.status === "rejected" && first[0].reason).toContain("may be live");
    expect(journalOrders(dir).map((r) => [r.client_order_id, r.status])).toEqual([[ID, "PENDING"]]);

    // The process restarts; the venue answers again and still holds the order (it filled at the next bar meanwhile).
    venue.lookupDown = false;
    venue.streamDown = false;
    const second: OrderResult[] = [];
    const later = barsFromCloses("X", [103, 104], Date.UTC(2024, 0, 2));
    const run = await runEngine({ bars: later, venue, strategy: placer(second), engine: { sessionDir: dir, mode: "live" } });
    expect(second[0]?.status === "rejected" && second[0].code).toBe("DUPLICATE_ORDER");
    expect(venue.placed).toHaveLength(1);
    expect(journalOrders(dir).map((r) => [r.client_order_id, r.status])).toEqual([[ID, "FILLED"]]);
    expect(journalFills(dir).map((f) => f.client_order_id)).toEqual([ID]);
    expect(run.named("onOrderFilled")).toHaveLength(1);
  });

  test("sent but never taken: the next start records it FAILED, saying it never reached the venue", async () => {
    const dir = sessionDir();
    const venue = new LostAnswerVenue();
    venue.takes = false;
    await runEngine({ bars: barsFromCloses("X", [100, 101]), venue, strategy: placer([]), engine: { sessionDir: dir, mode: "live" } });
    venue.lookupDown = false;
    const run = await runEngine({ bars: barsFromCloses("X", [103], Date.UTC(2024, 0, 2)), venue, strategy: testStrategy({}), engine: { sessionDir: dir, mode: "live" } });
    const [row] = journalOrders(dir);
    expect([row?.status, (JSON.parse(row!.data) as Order).rejectReason]).toEqual(["FAILED", NEVER_REACHED_VENUE]);
    const errors = run.named("onError").map(([error]) => error as ArgoError);
    expect(errors.map((e) => e.code)).toEqual(["ORDER_NOT_FOUND"]);
    expect(errors[0]?.message).toContain("never reached the venue");
  });

  test("a refusal leaves no record, so the strategy may send the id again", async () => {
    const dir = sessionDir();
    const venue = new FakeVenue({ failCalls: { count: 1, code: "INSUFFICIENT_FUNDS" } });
    const results: OrderResult[] = [];
    await runEngine({ bars: barsFromCloses("X", [100, 101, 102]), venue, strategy: placer(results, true), engine: { sessionDir: dir, mode: "live" } });
    expect(results.map((r) => r.status)).toEqual(["rejected", "placed"]);
    expect(venue.placed.map((r) => r.clientOrderId)).toEqual([ID]);
    expect(journalOrders(dir).map((r) => [r.client_order_id, r.status])).toEqual([[ID, "FILLED"]]);
  });

  test("an order the journal cannot record is not sent", async () => {
    const dir = sessionDir();
    const venue = new FakeVenue();
    const results: OrderResult[] = [];
    const failing = spyOn(Journal.prototype, "sending").mockImplementation(() => {
      throw new Error("disk I/O error");
    });
    try {
      const run = await runEngine({ bars: barsFromCloses("X", [100, 101]), venue, strategy: placer(results), engine: { sessionDir: dir, mode: "live" } });
      expect(venue.placed).toHaveLength(0);
      expect(results[0]?.status === "rejected" && [results[0].code, results[0].reason]).toEqual(["INTERNAL", expect.stringContaining("not sent") as unknown as string]);
      expect(run.named("onError").map(([error]) => (error as ArgoError).message)).toEqual([expect.stringContaining("disk I/O error") as unknown as string]);
    } finally {
      failing.mockRestore();
    }
  });
});

describe("venue answers the engine cannot read, and fills only the lookup saw", () => {
  /** Takes the order but answers with nothing (an empty body), or a cancel with an empty object. */
  class EmptyAnswerVenue extends FakeVenue {
    override async placeOrder(request: OrderRequest): Promise<Order> {
      await super.placeOrder(request);
      return undefined as unknown as Order;
    }
    override async cancelOrder(orderId: string): Promise<Order> {
      await super.cancelOrder(orderId);
      return {} as Order;
    }
  }

  test("an empty placement answer: the venue is asked, the order is booked once and the run goes on", async () => {
    const venue = new EmptyAnswerVenue();
    const results: OrderResult[] = [];
    const bars = barsFromCloses("X", [100, 101, 102, 103]);
    const run = await runEngine({ bars, venue, strategy: placer(results), engine: { mode: "live" } });
    expect(run.error).toBeUndefined();
    expect(run.result?.counters.bars).toBe(bars.length);
    expect(results[0]?.status === "placed" && results[0].order.clientOrderId).toBe(ID);
    expect(venue.placed).toHaveLength(1);
  });

  test("an empty cancel answer: the strategy is told the cancel failed (INVALID_DATA), the run goes on", async () => {
    const venue = new EmptyAnswerVenue();
    const cancels: CancelResult[] = [];
    const bars = barsFromCloses("X", [100, 101, 102]);
    const run = await runEngine({
      bars, venue, engine: { mode: "live" },
      strategy: testStrategy({
        async onBar(_bar, ctx) {
          if (cancels.length > 0) return;
          await ctx.placeOrder({ side: "BUY", type: "LIMIT", quantity: 1, limitPrice: 1, clientOrderId: ID });
          cancels.push(await ctx.cancelOrder(ID));
        },
      }),
    });
    expect(run.error).toBeUndefined();
    expect(run.result?.counters.bars).toBe(bars.length);
    expect(cancels[0]?.ok === false && cancels[0].code).toBe("INVALID_DATA");
  });

  test("fills the venue reports only in the lookup after a lost answer are journaled and reported once", async () => {
    /** Fills at once without a word on its event stream (it was down), then the answer is lost; a lookup shows the fill. */
    class SilentFillVenue extends FakeVenue {
      filled: Order | undefined;
      override async placeOrder(request: OrderRequest): Promise<Order> {
        const fill: Fill = { id: "T1", clientOrderId: request.clientOrderId!, venueOrderId: "v1", symbol: request.symbol, side: request.side, quantity: 1, price: 100, fee: 0, time: 1 };
        this.filled = {
          ...request, clientOrderId: request.clientOrderId!, venueOrderId: "v1", timeInForce: "GTC", status: "FILLED", quantity: 1, filledQuantity: 1,
          averageFillPrice: 100, fills: [fill], createdAt: 1, updatedAt: 1,
        };
        throw new ArgoError("CONNECTION_LOST", "request timed out");
      }
      override async getOrder(): Promise<Order> {
        return structuredClone(this.filled!);
      }
    }
    const dir = sessionDir();
    const results: OrderResult[] = [];
    const run = await runEngine({ bars: barsFromCloses("X", [100, 101]), venue: new SilentFillVenue(), strategy: placer(results), engine: { sessionDir: dir, mode: "live" } });
    expect(results[0]?.status).toBe("placed");
    expect(journalFills(dir)).toEqual([{ client_order_id: ID, id: "T1" }]);
    expect(run.named("onOrderFilled").map(([fill]) => (fill as Fill).id)).toEqual(["T1"]);
    expect(run.result?.counters.fills).toBe(1);
  });

  test("a fill an event reported before the lookup is not reported again; one only the lookup shows is", async () => {
    /** Fills twice at once; the first fill's events arrive, then the stream drops and the answer is lost. */
    class HalfHeardVenue extends FakeVenue {
      filled: Order | undefined;
      override async placeOrder(request: OrderRequest): Promise<Order> {
        const fill = (id: string, time: number): Fill => ({ id, clientOrderId: request.clientOrderId!, venueOrderId: "v1", symbol: request.symbol, side: request.side, quantity: 1, price: 100, fee: 0, time });
        const base = { ...request, clientOrderId: request.clientOrderId!, venueOrderId: "v1", timeInForce: "GTC" as const, quantity: 2, averageFillPrice: 100, createdAt: 1 };
        const partly: Order = { ...base, status: "PARTIALLY_FILLED", filledQuantity: 1, fills: [fill("T1", 1)], updatedAt: 1 };
        this.emit({ type: "order", order: partly });
        this.emit({ type: "fill", fill: partly.fills[0]!, order: partly });
        this.filled = { ...base, status: "FILLED", filledQuantity: 2, fills: [fill("T1", 1), fill("T2", 2)], updatedAt: 2 };
        throw new ArgoError("CONNECTION_LOST", "request timed out");
      }
      override async getOrder(): Promise<Order> {
        return structuredClone(this.filled!);
      }
    }
    const dir = sessionDir();
    const run = await runEngine({ bars: barsFromCloses("X", [100, 101]), venue: new HalfHeardVenue(), strategy: placer([]), engine: { sessionDir: dir, mode: "live" } });
    expect(run.named("onOrderFilled").map(([fill]) => (fill as Fill).id)).toEqual(["T1", "T2"]);
    expect(run.result?.counters.fills).toBe(2);
    expect(journalFills(dir).map((f) => f.id).sort()).toEqual(["T1", "T2"]);
  });

  test("an empty answer to the restart's lookup is reported and the record kept for the next start", async () => {
    const dir = sessionDir();
    const venue = new LostAnswerVenue();
    venue.streamDown = true;
    await runEngine({ bars: barsFromCloses("X", [100, 101]), venue, strategy: placer([]), engine: { sessionDir: dir, mode: "live" } });
    venue.lookupDown = false;
    venue.getOrder = async () => undefined as unknown as Order;
    const run = await runEngine({ bars: barsFromCloses("X", [103], Date.UTC(2024, 0, 2)), venue, strategy: testStrategy({}), engine: { sessionDir: dir, mode: "live" } });
    expect(run.error).toBeUndefined();
    expect(run.named("onError").map(([error]) => (error as ArgoError).code)).toEqual(["INVALID_DATA"]);
    expect(journalOrders(dir).map((r) => r.status)).toEqual(["PENDING"]);
  });
});
