import { afterAll, describe, expect, test } from "bun:test";
import type { Account, Order, OrderStatus } from "@argo/core";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Journal } from "../journal/journal.ts";
import { AccountMirror, FINISHED_ORDERS_KEPT } from "./account-mirror.ts";
import { ClientIds } from "./client-ids.ts";

const root = mkdtempSync(join(tmpdir(), "argo-client-ids-unit-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const account: Account = { currency: "USD", balance: 1000, equity: 1000, buyingPower: 1000, realizedPnl: 0, unrealizedPnl: 0, totalFees: 0, marginUsed: 0, updatedAt: 0 };

function order(id: string, status: OrderStatus): Order {
  return {
    symbol: "X", side: "BUY", type: "MARKET", quantity: 1, timeInForce: "GTC", clientOrderId: id, venueOrderId: `v-${id}`,
    status, filledQuantity: status === "FILLED" ? 1 : 0, averageFillPrice: 0, fills: [], createdAt: 0, updatedAt: 0,
  };
}

describe("ClientIds", () => {
  test("engine ids count up in base 36 from the prefix", () => {
    const ids = new ClientIds("ag-", new AccountMirror(account, [], []), undefined);
    const made = Array.from({ length: 37 }, () => ids.next());
    expect(made.slice(0, 3)).toEqual(["ag-1", "ag-2", "ag-3"]);
    expect(made.slice(-2)).toEqual(["ag-10", "ag-11"]);
  });

  test("an engine id stays taken after the mirror forgot its long-finished order; one not made yet is free", () => {
    const mirror = new AccountMirror(account, [], []);
    const ids = new ClientIds("ag-", mirror, undefined);
    const first = ids.next();
    mirror.applyOrder(order(first, "FILLED"));
    for (let i = 0; i <= FINISHED_ORDERS_KEPT; i++) mirror.applyOrder(order(ids.next(), "FILLED"));
    expect(mirror.orders.has(first)).toBe(false);
    expect(ids.problem(first)).toBe('client order id "ag-1" already names an order of this session');
    expect(ids.problem(`ag-${(FINISHED_ORDERS_KEPT + 3).toString(36)}`)).toBeUndefined();
    // Not the engine's spelling of a number it made: "ag-01" and "ag-" are some other strategy id.
    expect(ids.problem("ag-01")).toBeUndefined();
    expect(ids.problem("ag-")).toBeUndefined();
  });

  test("an order the venue reported before the session (not placed by this engine) names its id", () => {
    const ids = new ClientIds("ag-", new AccountMirror(account, [], [order("manual-7", "ACCEPTED")]), undefined);
    expect(ids.problem("manual-7")).toBe('client order id "manual-7" already names an order of this session');
  });

  test("a taken id is refused until released; the engine's ids skip it", () => {
    const ids = new ClientIds("t-", new AccountMirror(account, [], []), undefined);
    ids.take("t-1");
    expect(ids.problem("t-1")).toBe('client order id "t-1" was already sent to the venue this session');
    expect(ids.next()).toBe("t-2");
    ids.take("mine");
    ids.release("mine");
    expect(ids.problem("mine")).toBeUndefined();
  });

  test("an id the journal recorded is refused, whether the order is still buffered or written", () => {
    const journal = new Journal(join(root, "journal"), {}, ["s3cret"]);
    try {
      const ids = new ClientIds("ag-", new AccountMirror(account, [], []), journal);
      journal.order(order("buffered", "ACCEPTED"));
      expect(ids.problem("buffered")).toBe('client order id "buffered" already names an order in the session journal');
      journal.order(order("id-s3cret", "FILLED"));
      journal.flush();
      expect(ids.problem("buffered")).toBe('client order id "buffered" already names an order in the session journal');
      // Written scrubbed (the file never holds the secret), and still found by the id the strategy knows.
      expect(journal.hasOrder("id-s3cret")).toBe(true);
      expect(ids.problem("other")).toBeUndefined();
    } finally {
      journal.close("completed");
    }
  });
});
