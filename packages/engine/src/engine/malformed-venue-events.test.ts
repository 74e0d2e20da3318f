import { afterAll, describe, expect, test } from "bun:test";
import { Database } from "bun:sqlite";
import type { ArgoError, TradingEvent } from "@argo/core";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { barsFromCloses } from "../test-fixtures/bars.ts";
import { FakeVenue } from "../test-fixtures/fake-venue.ts";
import { runEngine, testStrategy } from "../test-fixtures/run-engine.ts";

/** A venue that breaks its contract on request: it sends whatever event it is given. */
class LooseVenue extends FakeVenue {
  send(event: unknown): void {
    this.emit(event as TradingEvent);
  }
}

const root = mkdtempSync(join(tmpdir(), "argo-malformed-events-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const order = { clientOrderId: "zz", venueOrderId: "v", symbol: "X", side: "BUY", type: "LIMIT", quantity: 1, timeInForce: "GTC", filledQuantity: 0, averageFillPrice: 0, fills: [], createdAt: 0, updatedAt: 0 };
const fill = { id: "f1", clientOrderId: "zz", venueOrderId: "v", symbol: "X", side: "BUY", quantity: 1, price: 100, fee: 0, time: 0 };

const cases: Array<[string, unknown, string]> = [
  ["order null", { type: "order", order: null }, "an order event whose order is null, not an order"],
  ["order {}", { type: "order", order: {} }, "an order event whose order has no clientOrderId"],
  ["a lower-case status", { type: "order", order: { ...order, status: "new" } }, "an order event whose order has a status that is none of PENDING"],
  ["a fill event without its fill", { type: "fill", order: { ...order, status: "FILLED", filledQuantity: 1 } }, "a fill event whose fill is undefined, not a fill"],
  ["a fill of another order", { type: "fill", order: { ...order, status: "FILLED" }, fill: { ...fill, clientOrderId: "other" } }, "a fill event whose fill belongs to another order"],
  ["a fill with a text quantity", { type: "fill", order: { ...order, status: "FILLED" }, fill: { ...fill, quantity: "1" } }, "a fill event whose fill has no positive quantity"],
  ["a fill event whose order has no status", { type: "fill", order: { ...order, status: undefined }, fill }, "a fill event whose order has no status"],
  ["no event at all", null, "an event that is null"],
];

describe("malformed venue events", () => {
  for (const [name, event, problem] of cases) {
    test(`${name}: INVALID_DATA through onError naming the venue, nothing stored, nothing thrown into the provider`, async () => {
      const venue = new LooseVenue();
      const sessionDir = join(root, name.replaceAll(/\W+/g, "-"));
      let thrown: unknown;
      const later: string[] = [];
      const run = await runEngine({
        bars: barsFromCloses("X", [100, 101, 102, 103]),
        venue,
        engine: { risk: { maxOpenOrders: 1 }, sessionDir },
        strategy: testStrategy({
          async onBar(_bar, ctx) {
            const i = ctx.history().length;
            if (i === 2) {
              try {
                venue.send(event);
              } catch (error) {
                thrown = error;
              }
            }
            // A phantom open order would use up maxOpenOrders 1 and refuse this one.
            if (i === 3) later.push((await ctx.placeOrder({ side: "BUY", quantity: 1, type: "LIMIT", limitPrice: 50, clientOrderId: "later" })).status);
          },
        }),
      });
      expect(thrown).toBeUndefined();
      expect(run.error).toBeUndefined();
      const errors = run.named("onError").map(([e]) => e as ArgoError);
      expect(errors.map((e) => [e.code, e.provider])).toEqual([["INVALID_DATA", "fake-venue"]]);
      expect(errors[0]!.message).toStartWith(`fake-venue sent ${problem}`);
      expect(later).toEqual(["placed"]);
      expect(run.result?.openOrders.map((o) => o.clientOrderId)).toEqual(["later"]);
      expect(run.named("onOrderUpdate").map(([o]) => (o as { clientOrderId: string }).clientOrderId)).toEqual(["later"]);
      expect(run.named("onOrderFilled")).toEqual([]);
      const db = new Database(join(sessionDir, "journal.sqlite"), { readonly: true });
      try {
        expect(db.query("SELECT client_order_id AS id FROM orders").all()).toEqual([{ id: "later" }]);
        expect(db.query("SELECT * FROM fills").all()).toEqual([]);
      } finally {
        db.close();
      }
    });
  }
});
