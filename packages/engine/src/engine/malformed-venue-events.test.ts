import { afterAll, describe, expect, test } from "bun:test";
import { Database } from "bun:sqlite";
import type { ArgoError } from "@argo/core";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { barsFromCloses } from "../test-fixtures/bars.ts";
import { LooseVenue } from "../test-fixtures/loose-venue.ts";
import { runEngine, testStrategy } from "../test-fixtures/run-engine.ts";

const root = mkdtempSync(join(tmpdir(), "argo-malformed-events-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const order = { clientOrderId: "zz", venueOrderId: "v", symbol: "X", side: "BUY", type: "LIMIT", quantity: 1, timeInForce: "GTC", filledQuantity: 0, averageFillPrice: 0, fills: [], createdAt: 0, updatedAt: 0 };
const position = { symbol: "X", side: "LONG", quantity: 5, averagePrice: 100, marketPrice: 101, realizedPnl: 0, unrealizedPnl: 5, fees: 0, openedAt: 0, updatedAt: 0 };
const account = { currency: "USD", balance: 10_000, equity: 10_000, buyingPower: 10_000, realizedPnl: 0, unrealizedPnl: 0, totalFees: 0, marginUsed: 0, updatedAt: 0 };
const fill = { id: "f1", clientOrderId: "zz", venueOrderId: "v", symbol: "X", side: "BUY", quantity: 1, price: 100, fee: 0, time: 0 };

const cases: Array<[string, unknown, string]> = [
  ["order null", { type: "order", order: null }, "an order event whose order is null, not an order"],
  ["order {}", { type: "order", order: {} }, "an order event whose order has a clientOrderId that is missing, not a non-empty string"],
  ["a lower-case status", { type: "order", order: { ...order, status: "new" } }, 'an order event whose order has status "new", none of PENDING'],
  ["a fill event without its fill", { type: "fill", order: { ...order, status: "FILLED", filledQuantity: 1 } }, "a fill event (order zz) whose fill is missing, not a fill"],
  ["a fill of another order", { type: "fill", order: { ...order, status: "FILLED" }, fill: { ...fill, clientOrderId: "other" } }, "a fill event (order zz) whose fill has a clientOrderId that is not its order's (zz)"],
  ["a fill with a text quantity", { type: "fill", order: { ...order, status: "FILLED" }, fill: { ...fill, quantity: "1" } }, "a fill event (order zz) whose fill has a quantity that is a string, not a finite number above 0"],
  ["a fill whose venue id is a number", { type: "fill", order: { ...order, status: "FILLED" }, fill: { ...fill, venueOrderId: 12345 } }, "a fill event (order zz) whose fill has a venueOrderId that is 12345, not a string"],
  ["a fill event whose order has status missing, none of", { type: "fill", order: { ...order, status: undefined }, fill }, "a fill event whose order has status missing, none of"],
  ["no event at all", null, "an event that is null"],
  ["a position with a text quantity", { type: "position", symbol: "X", position: { ...position, quantity: "5" } }, "a position event for X whose position has a quantity that is a string, not a finite number of 0 or more"],
  ["a position under another symbol", { type: "position", symbol: "X", position: { ...position, symbol: "Y" } }, "a position event for X whose position names another symbol"],
  ["a position with a lower-case side", { type: "position", symbol: "X", position: { ...position, side: "long" } }, "a position event for X whose position has a side that is neither"],
  ["a position event without a symbol", { type: "position", position: undefined }, "a position event without a symbol"],
  ["an account with a NaN balance", { type: "account", account: { ...account, balance: Number.NaN } }, "an account event whose account has a balance that is NaN, not a finite number"],
  ["an account event without its account", { type: "account" }, "an account event whose account is missing, not an account"],
  ["a connection state in lower case", { type: "connection", state: "connected" }, "a connection event whose state is none of"],
  ["a connection error that is text", { type: "connection", state: "RECONNECTING", error: "socket closed" }, "a connection event whose error is a string, not an Error"],
  ["an event of an unknown type", { type: "trade" }, "an event of no known type"],
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

describe("a malformed position or account event leaves what the venue said before", () => {
  test("the position, the account and the equity the strategy sees stay as they were; a well-formed null position means flat", async () => {
    const venue = new LooseVenue();
    const seen: Array<{ quantity: number | undefined; balance: number; equity: number }> = [];
    const run = await runEngine({
      bars: barsFromCloses("X", [100, 101, 102, 103, 104]),
      venue,
      strategy: testStrategy({
        async onBar(_bar, ctx) {
          const i = ctx.history().length;
          if (i === 1) await ctx.placeOrder({ side: "BUY", quantity: 2, type: "MARKET" });
          if (i === 3) {
            venue.send({ type: "position", symbol: "X", position: { ...position, quantity: Number.NaN } });
            venue.send({ type: "account", account: { ...account, equity: "10000" } });
          }
          if (i === 4) venue.send({ type: "position", symbol: "X", position: null });
          const { balance, equity } = ctx.account();
          seen.push({ quantity: ctx.position("X")?.quantity, balance, equity });
        },
      }),
    });
    expect(run.error).toBeUndefined();
    expect(run.named("onError").map(([e]) => (e as ArgoError).code)).toEqual(["INVALID_DATA", "INVALID_DATA"]);
    // Bought 2 at bar 2's open (bar 1's close, 100): cash 10,000 - 200 from then on. The well-formed flat event is
    // taken (bar 4), but after a fill an unstamped flat confirms nothing and it differs from what was held: bar 5's turn
    // reads the venue first, whose books still hold the 2 (this venue's flat event was made up).
    expect(seen.map((s) => s.quantity)).toEqual([undefined, 2, 2, undefined, 2]);
    expect(seen[2]!.balance).toBe(10_000 - 2 * 100);
    expect(seen.every((s) => Number.isFinite(s.equity))).toBe(true);
  });
});
