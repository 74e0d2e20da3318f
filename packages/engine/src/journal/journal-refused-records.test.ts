import { afterAll, describe, expect, test } from "bun:test";
import { type ArgoError, type Bar, type Fill, isArgoError, type Order } from "@argo/core";
import { Database } from "bun:sqlite";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Journal } from "./journal.ts";
import { JOURNAL_FILE } from "./journal-schema.ts";

const root = mkdtempSync(join(tmpdir(), "argo-journal-refused-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const T0 = Date.UTC(2024, 0, 1);
const bar = (i: number, extra: Partial<Bar> = {}): Bar => ({
  symbol: "BTC", interval: "1m", openTime: T0 + i * 60_000, open: 100, high: 101, low: 99, close: 100, volume: 1000, ...extra,
});
const order = (clientOrderId: string, extra: Partial<Order> = {}): Order => ({
  symbol: "BTC", side: "BUY", type: "MARKET", clientOrderId, venueOrderId: `V-${clientOrderId}`, timeInForce: "GTC", status: "FILLED",
  quantity: 1, filledQuantity: 1, averageFillPrice: 100, fills: [], createdAt: T0, updatedAt: T0, ...extra,
});
const fill = (id: string, clientOrderId: string, extra: Partial<Fill> = {}): Fill => ({
  id, clientOrderId, venueOrderId: `V-${clientOrderId}`, symbol: "BTC", side: "BUY", quantity: 1, price: 100, fee: 0.1, time: T0, ...extra,
});

/** What flush threw, or undefined. */
function flushError(journal: Journal): unknown {
  try {
    journal.flush();
    return undefined;
  } catch (error) {
    return error;
  }
}

function rows(dir: string, sql: string): unknown[] {
  const db = new Database(join(dir, JOURNAL_FILE), { readonly: true });
  try {
    return db.query(sql).all();
  } finally {
    db.close();
  }
}

describe("journal: records SQLite refuses", () => {
  test("a fill with a NaN fee is reported as INVALID_DATA; every other record of the batch is written, and later batches too", () => {
    const dir = join(root, "nan-fee");
    const journal = new Journal(dir);
    journal.bar(bar(0));
    journal.bar(bar(1));
    journal.order(order("o1"));
    journal.order(order("o2"));
    journal.fill(fill("F1", "o1"));
    journal.fill(fill("F1", "o2", { fee: Number.NaN }));
    journal.state("s", "count", "3");
    const error = flushError(journal);
    expect(isArgoError(error)).toBe(true);
    expect((error as ArgoError).code).toBe("INVALID_DATA");
    expect((error as ArgoError).message).toContain("fill F1 of order o2 (NOT NULL constraint failed: fills.fee)");
    expect((error as ArgoError).message).toContain("1 record");
    // The refused record is dropped: the next flush neither fails again nor loses what came after.
    journal.bar(bar(2));
    journal.fill(fill("F2", "o1"));
    expect(flushError(journal)).toBeUndefined();
    journal.close("completed");
    expect(rows(dir, "SELECT open_time FROM bars ORDER BY open_time")).toEqual([0, 1, 2].map((i) => ({ open_time: T0 + i * 60_000 })));
    expect(rows(dir, "SELECT client_order_id FROM orders ORDER BY client_order_id")).toEqual([{ client_order_id: "o1" }, { client_order_id: "o2" }]);
    expect(rows(dir, "SELECT id, client_order_id, fee FROM fills ORDER BY rowid")).toEqual([
      { id: "F1", client_order_id: "o1", fee: 0.1 },
      { id: "F2", client_order_id: "o1", fee: 0.1 },
    ]);
    expect(rows(dir, "SELECT key, value FROM state")).toEqual([{ key: "count", value: "3" }]);
  });

  test("each refused record is named by kind and key with SQLite's reason", () => {
    const dir = join(root, "named");
    const journal = new Journal(dir);
    journal.bar(bar(0));
    journal.bar(bar(5, { volume: Number.NaN }));
    journal.order(order("bad-order", { symbol: undefined as unknown as string }));
    journal.order(order("good-order"));
    const error = flushError(journal) as ArgoError;
    expect(error.code).toBe("INVALID_DATA");
    expect(error.message).toContain("2 records");
    expect(error.message).toContain("bar BTC 1m 2024-01-01T00:05:00.000Z (NOT NULL constraint failed: bars.volume)");
    expect(error.message).toContain("order bad-order (NOT NULL constraint failed: orders.symbol)");
    expect(journal.loadBars("BTC", "1m", 10).map((b) => b.openTime)).toEqual([T0]);
    expect(journal.hasOrder("good-order")).toBe(true);
    journal.close("completed");
  });

  test("a secret in a refused record's key is redacted in the message", () => {
    const key = "k3y-Vm9PUZE6mv9SD5VNHk4HlWFsOr6aKE2z";
    const journal = new Journal(join(root, "secret"), {}, [key]);
    journal.fill(fill(`echo-${key}`, "o1", { fee: Number.NaN }));
    const error = flushError(journal) as ArgoError;
    expect(error.code).toBe("INVALID_DATA");
    expect(error.message).not.toContain(key);
    expect(error.message).toContain("fill echo-[REDACTED] of order o1");
    journal.close("completed");
  });

  test("a duplicate fill is still written once, in one batch and across batches, without an error", () => {
    const dir = join(root, "duplicate");
    const journal = new Journal(dir);
    journal.fill(fill("F1", "o1"));
    journal.fill(fill("F1", "o1", { fee: 0.2 })); // the event and a later order check report the same fill
    expect(flushError(journal)).toBeUndefined();
    journal.fill(fill("F1", "o1"));
    expect(flushError(journal)).toBeUndefined();
    journal.close("completed");
    expect(rows(dir, "SELECT id, fee FROM fills")).toEqual([{ id: "F1", fee: 0.1 }]);
  });

  test("a write that fails for another reason (the file locked) keeps the whole batch for the next flush", () => {
    const dir = join(root, "locked");
    const journal = new Journal(dir);
    const other = new Database(join(dir, JOURNAL_FILE));
    other.exec("BEGIN EXCLUSIVE");
    journal.bar(bar(0));
    journal.fill(fill("F1", "o1"));
    const error = flushError(journal) as { code?: string };
    expect(error).toBeDefined();
    expect(isArgoError(error)).toBe(false);
    expect(error.code).toStartWith("SQLITE_BUSY");
    other.exec("ROLLBACK");
    other.close();
    expect(flushError(journal)).toBeUndefined();
    journal.close("completed");
    expect(rows(dir, "SELECT count(*) AS n FROM bars")).toEqual([{ n: 1 }]);
    expect(rows(dir, "SELECT id FROM fills")).toEqual([{ id: "F1" }]);
  });

  test("closing after the last batch refused a record still records how the session ended", () => {
    const dir = join(root, "close-after-refusal");
    const journal = new Journal(dir);
    journal.beginSession("s", ["BTC"], "1m", "live");
    journal.fill(fill("F1", "o1", { fee: Number.NaN }));
    journal.bar(bar(0));
    let error: unknown;
    try {
      journal.close("completed");
    } catch (caught) {
      error = caught;
    }
    expect(isArgoError(error, "INVALID_DATA")).toBe(true);
    expect(rows(dir, "SELECT status FROM sessions")).toEqual([{ status: "completed" }]);
    expect(rows(dir, "SELECT COUNT(*) AS n FROM bars")).toEqual([{ n: 1 }]);
  });
});
