import type { Order } from "@argo/core";
import { afterAll, describe, expect, test } from "bun:test";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { journalRows } from "../test-fixtures/journal-rows.ts";
import { Journal } from "./journal.ts";

const root = mkdtempSync(join(tmpdir(), "argo-journal-final-orders-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let dirs = 0;
const sessionDir = () => join(root, `s${++dirs}`);

const order = (id: string, status: Order["status"], updatedAt: number): Order => ({
  symbol: "X", side: "BUY", type: "MARKET", clientOrderId: id, venueOrderId: `v-${id}`, timeInForce: "GTC", status, quantity: 1,
  filledQuantity: status === "FILLED" ? 1 : 0, averageFillPrice: status === "FILLED" ? 10 : 0, fills: [], createdAt: 1, updatedAt,
});

/** Each order's recorded status and the updatedAt of the state its JSON holds. */
const rows = (dir: string) =>
  journalRows<{ id: string; status: string; at: number }>(dir, "SELECT client_order_id AS id, status, json_extract(data, '$.updatedAt') AS at FROM orders ORDER BY client_order_id");

describe("an order's final record is never written over with a working state (a venue re-sending an old one)", () => {
  test("written in a later batch: the FILLED record stays, data and all; a final state still replaces a working one", () => {
    const dir = sessionDir();
    const journal = new Journal(dir);
    journal.beginSession("s", ["X"], "1m", "paper");
    journal.order(order("a", "FILLED", 2));
    journal.order(order("b", "SUBMITTED", 2));
    journal.flush();
    journal.order(order("a", "SUBMITTED", 1)); // the stale ack
    journal.order(order("b", "CANCELLED", 3));
    journal.close("completed");
    // By hand: a keeps its FILLED state (updatedAt 2); b moves on to CANCELLED (updatedAt 3).
    expect(rows(dir)).toEqual([{ id: "a", status: "FILLED", at: 2 }, { id: "b", status: "CANCELLED", at: 3 }]);
    // The next start finds nothing left working to ask the venue about.
    const reopened = new Journal(dir);
    expect(reopened.unfinishedOrders()).toEqual([]);
    reopened.close("completed");
  });

  test("in the same batch: the stale state coming after the final one does not replace it before it is written", () => {
    const dir = sessionDir();
    const journal = new Journal(dir);
    journal.order(order("a", "SUBMITTED", 1));
    journal.order(order("a", "FILLED", 2));
    journal.order(order("a", "SUBMITTED", 1));
    journal.close("completed");
    expect(rows(dir)).toEqual([{ id: "a", status: "FILLED", at: 2 }]);
  });

  test("a FAILED record (the venue said it did not hold the order) is not final at the venue: a later state shows the order after all", () => {
    const dir = sessionDir();
    const journal = new Journal(dir);
    journal.order(order("lagged", "FAILED", 2));
    journal.flush();
    expect(journal.endedOrder("lagged")).toBe(false);
    // The venue's lookup lagged: its event now shows the order working, and the record follows it (the next start asks about it).
    journal.order(order("lagged", "SUBMITTED", 3));
    journal.close("completed");
    expect(rows(dir)).toEqual([{ id: "lagged", status: "SUBMITTED", at: 3 }]);
  });

  test("endedOrder: true only for an order whose newest record (buffered or written) is final", () => {
    const journal = new Journal(sessionDir());
    journal.order(order("done", "FILLED", 2));
    journal.order(order("open", "SUBMITTED", 2));
    expect([journal.endedOrder("done"), journal.endedOrder("open"), journal.endedOrder("unknown")]).toEqual([true, false, false]);
    journal.flush();
    expect([journal.endedOrder("done"), journal.endedOrder("open"), journal.endedOrder("unknown")]).toEqual([true, false, false]);
    journal.close("completed");
  });
});
