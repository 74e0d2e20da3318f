import { afterAll, describe, expect, test } from "bun:test";
import { ArgoError, type Order, type OrderRequest } from "@argo/core";
import { Database } from "bun:sqlite";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { OrderInput, OrderResult, StrategyContext } from "../strategy/strategy-context.ts";
import { barsFromCloses } from "../test-fixtures/bars.ts";
import { FakeVenue } from "../test-fixtures/fake-venue.ts";
import { runEngine, testStrategy } from "../test-fixtures/run-engine.ts";
import type { OrderRejection } from "./callbacks.ts";

const bars = barsFromCloses("X", [100, 101, 102, 103, 104, 105, 106, 107, 108, 109]);
const root = mkdtempSync(join(tmpdir(), "argo-client-ids-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A venue that refuses a client id among its open orders only and takes a finished order's id again, as Binance does. */
const openOnlyVenue = () => new FakeVenue({ idsUniqueAmongOpenOrders: true });

/** Runs `steps[i]` on bar i and keeps each placement's result; the fake fills market orders at the next bar's open. */
async function placeOnBars(venue: FakeVenue, steps: Record<number, (ctx: StrategyContext) => Promise<OrderResult>>, engine = {}, fed = bars) {
  const results: OrderResult[] = [];
  const run = await runEngine({
    bars: fed,
    venue,
    engine,
    strategy: testStrategy({
      async onBar(bar, ctx) {
        const step = steps[bars.indexOf(bar)];
        if (step) results.push(await step(ctx));
      },
    }),
  });
  expect(run.error).toBeUndefined();
  return { run, results };
}

const buy = (clientOrderId?: string, extra: Partial<OrderInput> = {}) => (ctx: StrategyContext) =>
  ctx.placeOrder({ side: "BUY", quantity: 1, ...(clientOrderId === undefined ? {} : { clientOrderId }), ...extra });

describe("a client order id names one order (the engine refuses a reused one; venues check open orders only)", () => {
  test("the id of a filled order sent again is refused before the venue, which would have taken it", async () => {
    const venue = openOnlyVenue();
    const { run, results } = await placeOnBars(venue, { 1: buy("entry"), 3: buy("entry") });
    expect(results.map((r) => r.status)).toEqual(["placed", "rejected"]);
    expect(results[1]).toMatchObject({ code: "DUPLICATE_ORDER", reason: 'client order id "entry" already names an order of this session' });
    const rejections = run.named("onOrderRejected").map(([r]) => r as OrderRejection);
    expect(rejections.map((r) => [r.source, r.code, r.request.clientOrderId])).toEqual([["engine", "DUPLICATE_ORDER", "entry"]]);
    expect(venue.placed.map((r) => r.clientOrderId)).toEqual(["entry"]);
    expect(venue.positions.get("X")?.quantity).toBe(1);
    expect(run.result?.positions).toMatchObject([{ symbol: "X", quantity: 1 }]);
    // The venue itself would have placed it a second time.
    expect((await venue.placeOrder({ symbol: "X", side: "BUY", type: "MARKET", quantity: 1, clientOrderId: "entry" })).status).toBe("SUBMITTED");
  });

  test("an id the engine made is refused when the strategy sends it as its own", async () => {
    const venue = openOnlyVenue();
    let made = "";
    const { results } = await placeOnBars(venue, {
      1: async (ctx) => {
        const result = await buy()(ctx);
        if (result.status === "placed") made = result.order.clientOrderId;
        return result;
      },
      3: (ctx) => buy(made)(ctx),
    }, { orderIdPrefix: "s1-" });
    expect(made).toBe("s1-1");
    expect(results[1]).toMatchObject({ status: "rejected", code: "DUPLICATE_ORDER" });
    expect(venue.placed).toHaveLength(1);
  });

  test("the engine's own ids step past the ids the strategy chose", async () => {
    const venue = openOnlyVenue();
    const { results } = await placeOnBars(venue, {
      1: buy("t-1", { type: "LIMIT", limitPrice: 50 }),
      2: buy(undefined, { type: "LIMIT", limitPrice: 50 }),
      3: buy("t-3", { type: "LIMIT", limitPrice: 50 }),
      4: buy(undefined, { type: "LIMIT", limitPrice: 50 }),
    }, { orderIdPrefix: "t-" });
    expect(results.map((r) => (r.status === "placed" ? r.order.clientOrderId : r.status))).toEqual(["t-1", "t-2", "t-3", "t-4"]);
    expect(venue.placed.map((r) => r.clientOrderId)).toEqual(["t-1", "t-2", "t-3", "t-4"]);
  });

  test("an id the engine refused before sending, or the venue refused, stays free", async () => {
    const venue = new FakeVenue({ idsUniqueAmongOpenOrders: true, failCalls: { count: 0, code: "INSUFFICIENT_FUNDS" } });
    const { results } = await placeOnBars(venue, {
      1: buy("x", { quantity: -1 }),
      2: buy("x"),
      3: (ctx) => {
        venue.options.failCalls!.count = 1; // the venue answers this one with a refusal
        return buy("y")(ctx);
      },
      4: buy("y"),
    });
    expect(results.map((r) => (r.status === "rejected" ? r.code : r.status))).toEqual(["INVALID_ORDER", "placed", "INSUFFICIENT_FUNDS", "placed"]);
    expect(venue.placed.map((r) => r.clientOrderId)).toEqual(["x", "y"]);
  });

  test("an id whose placement failed and the venue then did not hold is free; one whose outcome is unknown is not", async () => {
    // Placing fails once with a lost connection before the venue books anything; asking about the order fails while `dark`.
    class FlakyVenue extends FakeVenue {
      dark = false;
      override async getOrder(orderId: string): Promise<Order> {
        if (this.dark) throw new ArgoError("CONNECTION_LOST", "connection refused");
        return super.getOrder(orderId);
      }
    }
    const venue = new FlakyVenue({ idsUniqueAmongOpenOrders: true, failCalls: { count: 0, code: "CONNECTION_LOST" } });
    const failNext = (dark: boolean, id: string) => (ctx: StrategyContext) => {
      venue.options.failCalls!.count = 1;
      venue.dark = dark;
      return buy(id)(ctx);
    };
    const { results } = await placeOnBars(venue, {
      1: failNext(false, "lost"),
      2: buy("lost"),
      3: failNext(true, "unknown"),
      4: (ctx) => {
        venue.dark = false;
        return buy("unknown")(ctx);
      },
    });
    expect(results.map((r) => (r.status === "rejected" ? r.code : r.status))).toEqual(["CONNECTION_LOST", "placed", "CONNECTION_LOST", "DUPLICATE_ORDER"]);
    expect(results[2]).toMatchObject({ reason: expect.stringContaining("the order may be live at the venue") });
    expect(results[3]).toMatchObject({ reason: 'client order id "unknown" was already sent to the venue this session' });
    expect(venue.placed.map((r: OrderRequest) => r.clientOrderId)).toEqual(["lost"]);
  });

  test("an id that is not a non-empty string is refused as INVALID_ORDER before the venue; null asks the engine for one", async () => {
    const venue = openOnlyVenue();
    const { results } = await placeOnBars(venue, {
      1: buy(7 as unknown as string),
      2: buy(""),
      3: buy(null as unknown as string),
    }, { orderIdPrefix: "e-" });
    expect(results.map((r) => (r.status === "rejected" ? [r.code, r.reason] : r.status === "placed" ? r.order.clientOrderId : r.status))).toEqual([
      ["INVALID_ORDER", "clientOrderId must be a non-empty string, got 7"],
      ["INVALID_ORDER", "clientOrderId must be a non-empty string, got an empty string"],
      "e-1",
    ]);
    expect(venue.placed.map((r) => r.clientOrderId)).toEqual(["e-1"]);
  });

  test("an id recorded in the session journal is refused in the next session, and its record is kept", async () => {
    const sessionDir = join(root, "resume");
    const first = openOnlyVenue();
    await placeOnBars(first, { 1: buy("entry") }, { sessionDir }, bars.slice(0, 5));
    expect(first.orders.get("entry")?.status).toBe("FILLED");

    // A new connection to a venue that would take the finished order's id again; the feed goes on from bar 5.
    const second = openOnlyVenue();
    const { results } = await placeOnBars(second, { 6: buy("entry"), 7: buy("entry-2") }, { sessionDir });
    expect(results.map((r) => r.status)).toEqual(["rejected", "placed"]);
    expect(results[0]).toMatchObject({ code: "DUPLICATE_ORDER", reason: 'client order id "entry" already names an order in the session journal' });
    expect(second.placed.map((r) => r.clientOrderId)).toEqual(["entry-2"]);

    const db = new Database(join(sessionDir, "journal.sqlite"), { readonly: true });
    const rows = db.query("SELECT client_order_id, status, created_at FROM orders ORDER BY client_order_id").all();
    db.close();
    expect(rows).toEqual([
      { client_order_id: "entry", status: "FILLED", created_at: bars[1]!.openTime + 60_000 },
      { client_order_id: "entry-2", status: "FILLED", created_at: bars[7]!.openTime + 60_000 },
    ]);
  });
});
