import { afterAll, describe, expect, test } from "bun:test";
import type { Fill, Order } from "@argo/core";
import { Database } from "bun:sqlite";
import { existsSync, mkdtempSync, readdirSync, readlinkSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { barsFromCloses } from "../test-fixtures/bars.ts";
import { Journal } from "./journal.ts";
import { JOURNAL_FILE } from "./journal-schema.ts";

const root = mkdtempSync(join(tmpdir(), "argo-journal-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const order = (id: string, status: Order["status"], updatedAt: number): Order => ({
  symbol: "X", side: "BUY", type: "MARKET", clientOrderId: id, venueOrderId: `v-${id}`, timeInForce: "GTC", status, quantity: 1,
  filledQuantity: status === "FILLED" ? 1 : 0, averageFillPrice: status === "FILLED" ? 10 : 0, fills: [], createdAt: 1, updatedAt,
});
const fill: Fill = { id: "f1", clientOrderId: "o1", venueOrderId: "v-o1", symbol: "X", side: "BUY", quantity: 1, price: 10, fee: 0.01, time: 5 };

/** Orders as the journal file holds them (each one's newest state), newest first; read past the Journal, as any reader of the file would. */
function journalOrders(path: string): Order[] {
  const db = new Database(path, { readonly: true });
  try {
    return (db.query("SELECT data FROM orders ORDER BY updated_at DESC").all() as Array<{ data: string }>).map((r) => JSON.parse(r.data) as Order);
  } finally {
    db.close();
  }
}

/** Fills as the journal file holds them, in time order. */
function journalFills(path: string): Fill[] {
  const db = new Database(path, { readonly: true });
  try {
    const sql = "SELECT id, client_order_id AS clientOrderId, venue_order_id AS venueOrderId, symbol, side, quantity, price, fee, time FROM fills ORDER BY time, rowid";
    return db.query(sql).all() as Fill[];
  } finally {
    db.close();
  }
}

describe("Journal", () => {
  test("writes bars, orders (newest state), fills and state in WAL mode, and reads them back after a reopen", () => {
    const dir = join(root, "s1");
    expect(existsSync(join(dir, JOURNAL_FILE))).toBe(false);
    const journal = new Journal(dir, { batchSize: 10_000, flushIntervalMs: 60_000 });
    const bars = barsFromCloses("X", [1, 2, 3, 4, 5]);
    for (const bar of bars) journal.bar(bar);
    journal.maybeFlush(); // bars below the batch size and within the interval: nothing written yet
    const peek = new Database(journal.path, { readonly: true });
    expect((peek.query("SELECT count(*) AS n FROM bars").get() as { n: number }).n).toBe(0);
    expect((peek.query("PRAGMA journal_mode").get() as { journal_mode: string }).journal_mode).toBe("wal");
    peek.close();
    journal.order(order("o1", "SUBMITTED", 1));
    journal.order(order("o1", "FILLED", 2));
    journal.fill(fill);
    journal.state("strat", "count", JSON.stringify(3));
    journal.state("strat", "gone", JSON.stringify("x"));
    journal.state("strat", "gone", undefined);
    journal.beginSession("strat", ["X"], "1m", "paper");
    journal.close("completed");

    expect(existsSync(join(dir, JOURNAL_FILE))).toBe(true);
    const again = new Journal(dir);
    expect(again.path).toBe(journal.path);
    expect(again.loadBars("X", "1m", 3).map((b) => b.close)).toEqual([3, 4, 5]);
    expect(again.loadBars("X", "1m", 3)[0]).toEqual(bars[2]!);
    expect(again.loadBars("X", "5m", 3)).toEqual([]);
    expect(journalOrders(again.path).map((o) => [o.clientOrderId, o.status])).toEqual([["o1", "FILLED"]]);
    expect(journalFills(again.path)).toEqual([fill]);
    expect(again.loadState("strat")).toEqual([["count", 3]]);
    again.close("completed");
    const db = new Database(join(dir, "journal.sqlite"), { readonly: true });
    expect(db.query("SELECT strategy, status FROM sessions").all()).toEqual([{ strategy: "strat", status: "completed" }]);
    db.close();
  });

  test("flushes once a batch is full; a replayed bar overwrites itself", () => {
    const journal = new Journal(join(root, "s2"), { batchSize: 3, flushIntervalMs: 60_000 });
    const bars = barsFromCloses("X", [1, 2, 3]);
    journal.bar(bars[0]!);
    journal.bar(bars[1]!);
    journal.maybeFlush();
    expect(journal.loadBars("X", "1m", 10)).toHaveLength(0);
    journal.bar(bars[2]!);
    journal.maybeFlush();
    expect(journal.loadBars("X", "1m", 10)).toHaveLength(3);
    journal.bar({ ...bars[2]!, close: 99 });
    journal.flush();
    expect(journal.loadBars("X", "1m", 10).map((b) => b.close)).toEqual([1, 2, 99]);
    journal.close("completed");
  });

  test("orders and fills are written at once, not held for a batch of bars", () => {
    const journal = new Journal(join(root, "s-orders"), { batchSize: 10_000, flushIntervalMs: 60_000 });
    journal.order(order("o9", "SUBMITTED", 1));
    journal.maybeFlush();
    const peek = new Database(journal.path, { readonly: true });
    expect((peek.query("SELECT count(*) AS n FROM orders").get() as { n: number }).n).toBe(1);
    peek.close();
    journal.close("completed");
  });

  test("a failed write loses nothing: what was buffered is written by the next flush", () => {
    const journal = new Journal(join(root, "s-fail"), { batchSize: 10_000, flushIntervalMs: 60_000 });
    for (const bar of barsFromCloses("X", [1, 2, 3])) journal.bar(bar);
    journal.fill(fill);
    // Another connection holds the write lock: this flush fails with SQLITE_BUSY.
    const blocker = new Database(journal.path);
    blocker.exec("PRAGMA busy_timeout = 0; BEGIN IMMEDIATE");
    expect(() => journal.flush()).toThrow();
    blocker.exec("ROLLBACK");
    blocker.close();
    journal.flush();
    const peek = new Database(journal.path, { readonly: true });
    expect((peek.query("SELECT count(*) AS n FROM bars").get() as { n: number }).n).toBe(3);
    expect((peek.query("SELECT count(*) AS n FROM fills").get() as { n: number }).n).toBe(1);
    peek.close();
    journal.close("completed");
  });

  test("close lets go of the file: its write-ahead log is folded in and removed, and no descriptor stays open on it", () => {
    const dir = join(root, "s-close");
    const journal = new Journal(dir);
    // Every statement the journal prepares runs once: one left unfinalized keeps SQLite's file open after close.
    journal.beginSession("s", ["X"], "1m", "paper");
    for (const bar of barsFromCloses("X", [1, 2])) journal.bar(bar);
    journal.sending(order("o1", "PENDING", 1));
    journal.unsent("o1");
    journal.order(order("o2", "FILLED", 2));
    journal.fill({ ...fill, clientOrderId: "o2" });
    journal.state("s", "k", "1");
    journal.state("s", "gone", undefined);
    expect(journal.hasOrder("o2")).toBe(true);
    journal.close("completed");
    expect(existsSync(`${journal.path}-wal`)).toBe(false);
    if (existsSync("/proc/self/fd")) {
      const open = readdirSync("/proc/self/fd").map((fd) => {
        try {
          return readlinkSync(`/proc/self/fd/${fd}`);
        } catch {
          return "";
        }
      });
      expect(open.filter((target) => target.startsWith(journal.path))).toEqual([]);
    }
  });
});

