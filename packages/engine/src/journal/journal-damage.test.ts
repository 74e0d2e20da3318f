import "@argo/provider-paper";
import { Database } from "bun:sqlite";
import { afterAll, describe, expect, test } from "bun:test";
import { isArgoError } from "@argo/core";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { barsFromCloses } from "../test-fixtures/bars.ts";
import { runEngine, testStrategy } from "../test-fixtures/run-engine.ts";
import { Journal } from "./journal.ts";
import { journalDamage } from "./journal-damage.ts";

const root = mkdtempSync(join(tmpdir(), "argo-journal-damage-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const paper = { provider: "paper", config: { initialCapital: 10_000, commission: { takerRate: 0, makerRate: 0 } } };
const closes = Array.from({ length: 400 }, (_, i) => 100 + (i % 7));

/** A paper session that buys and sells 1 on alternate bars: a journal with a few hundred orders, fills and bars. */
function session(sessionDir: string) {
  return runEngine({
    bars: barsFromCloses("X", closes),
    strategy: testStrategy({
      async onBar(_bar, ctx) {
        await ctx.placeOrder({ side: ctx.position() ? "SELL" : "BUY", quantity: 1 });
      },
    }),
    engine: { sessionDir, trading: paper },
  });
}

describe("a journal damaged on disk", () => {
  test("found damaged at a read after opening: INVALID_DATA naming the file and what to do, not an INTERNAL error", async () => {
    const dir = join(root, "torn");
    expect((await session(dir)).error).toBeUndefined();
    const path = join(dir, "journal.sqlite");
    // Overwrite pages past the schema (as a torn write leaves them): the open and its first reads still succeed.
    const bytes = readFileSync(path);
    const pageSize = (new Database(path, { readonly: true }).query("PRAGMA page_size").get() as { page_size: number }).page_size;
    bytes.fill(0x41, 8 * pageSize, bytes.length);
    writeFileSync(path, bytes);
    const again = await session(dir);
    expect(isArgoError(again.error, "INVALID_DATA")).toBe(true);
    expect((again.error as Error).message).toStartWith(`the session journal ${path} is damaged (`);
    expect((again.error as Error).message).toContain("Move it (and its -wal and -shm files) away to start afresh");
    expect(again.result).toBeUndefined();
  });

  test("journalDamage knows only SQLite's damage codes; other errors are left as they are", () => {
    const corrupt = Object.assign(new Error("database disk image is malformed"), { code: "SQLITE_CORRUPT" });
    const notADatabase = Object.assign(new Error("file is not a database"), { code: "SQLITE_NOTADB" });
    expect(journalDamage(corrupt, "/j.sqlite")?.details).toEqual({ path: "/j.sqlite", sqlite: "SQLITE_CORRUPT" });
    expect(journalDamage(notADatabase, "/j.sqlite")?.code).toBe("INVALID_DATA");
    expect(journalDamage(Object.assign(new Error("disk full"), { code: "SQLITE_FULL" }), "/j.sqlite")).toBeUndefined();
    expect(journalDamage(new Error("plain"), "/j.sqlite")).toBeUndefined();
    expect(journalDamage(undefined, "/j.sqlite")).toBeUndefined();
  });
});

describe("the record written before an order is sent", () => {
  test("commits with synchronous FULL (survives an OS crash or power loss), the batches with NORMAL", () => {
    const dir = join(root, "durable");
    const journal = new Journal(dir);
    const db = (journal as unknown as { db: Database }).db;
    const level = () => (db.query("PRAGMA synchronous").get() as { synchronous: number }).synchronous;
    const seen: number[] = [];
    const transaction = db.transaction.bind(db);
    // Each transaction reports the level it commits under (SQLite: 1 NORMAL, 2 FULL).
    db.transaction = ((fn: (...args: unknown[]) => unknown) => transaction((...args: unknown[]) => (seen.push(level()), fn(...args)))) as typeof db.transaction;
    journal.beginSession("s", ["X"], "1m", "live", { name: "v", account: undefined });
    const order = { symbol: "X", side: "BUY", type: "MARKET", quantity: 1, timeInForce: "GTC", clientOrderId: "c1", venueOrderId: "", status: "PENDING", filledQuantity: 0, averageFillPrice: 0, fills: [], createdAt: 1, updatedAt: 1 } as const;
    journal.sending({ ...order, fills: [] });
    journal.order({ ...order, status: "ACCEPTED", fills: [] });
    journal.flush();
    expect(seen.slice(-2)).toEqual([2, 1]);
    expect(level()).toBe(1);
    journal.close("completed");
  });
});
