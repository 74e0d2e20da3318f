import "@argo/provider-paper";
import { afterAll, describe, expect, test } from "bun:test";
import type { Order } from "@argo/core";
import { Database } from "bun:sqlite";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { barsFromCloses } from "../test-fixtures/bars.ts";
import { runEngine, testStrategy } from "../test-fixtures/run-engine.ts";
import { Journal } from "./journal.ts";

const root = mkdtempSync(join(tmpdir(), "argo-journal-tamper-tables-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const working: Order = {
  symbol: "X", side: "BUY", type: "LIMIT", limitPrice: 90, quantity: 1, timeInForce: "GTC", clientOrderId: "o-1", venueOrderId: "v1",
  status: "ACCEPTED", filledQuantity: 0, averageFillPrice: 0, fills: [], createdAt: 1, updatedAt: 1,
};

/** A journal of one paper session holding a bar, a working order, a fill of another order and a state key; then `edit` on its file. */
function editedJournal(name: string, edit: string): { dir: string; path: string } {
  const dir = join(root, name);
  const journal = new Journal(dir);
  journal.beginSession("s", ["X"], "1m", "paper");
  journal.bar(barsFromCloses("X", [100])[0]!);
  journal.order(working);
  journal.order({ ...working, clientOrderId: "o-2", type: "MARKET", status: "FILLED", filledQuantity: 1, averageFillPrice: 100 });
  journal.fill({ id: "F1", clientOrderId: "o-2", venueOrderId: "v2", symbol: "X", side: "BUY", quantity: 1, price: 100, fee: 0, time: 1 });
  journal.state("s", "n", "3");
  journal.riskState({ peak: 1, dayStartEquity: 1, day: 0 });
  journal.close("completed");
  const db = new Database(join(dir, "journal.sqlite"));
  db.exec(edit);
  db.close();
  return { dir, path: join(dir, "journal.sqlite") };
}

/** What opening the journal of `dir` throws (undefined when it opens; it is closed again). */
function openError(dir: string): (Error & { code?: string; details?: Record<string, unknown> }) | undefined {
  try {
    new Journal(dir).close("completed");
    return undefined;
  } catch (error) {
    return error as Error & { code?: string };
  }
}

describe("a journal whose sessions rows are gone is refused, not resumed as if new", () => {
  test("DELETE FROM sessions / DROP TABLE sessions: INVALID_DATA naming the file and the sessions table", () => {
    for (const [name, edit, says] of [["emptied", "DELETE FROM sessions", "no row in its sessions table"], ["dropped", "DROP TABLE sessions", "no sessions table"]]) {
      const { dir, path } = editedJournal(`sessions-${name}`, edit!);
      const error = openError(dir);
      expect(error).toMatchObject({ code: "INVALID_DATA", details: { path, table: "sessions" } });
      expect(error?.message).toStartWith(`session journal ${path}: it holds rows in its orders, fills, state tables but ${says}`);
      expect(error?.message).toEndWith(`move the session directory ${dir} away to start afresh`);
    }
  });

  test("a paper restart on it stops before init (before: the state resumed on a fresh account)", async () => {
    const { dir, path } = editedJournal("sessions-restart", "DELETE FROM sessions");
    let inits = 0;
    const run = await runEngine({ bars: barsFromCloses("X", [100, 101]), strategy: testStrategy({ init: () => void inits++ }, "s"), engine: { sessionDir: dir, trading: { provider: "paper", config: {} } } });
    expect(run.error).toMatchObject({ code: "INVALID_DATA", details: { path, table: "sessions" } });
    expect(inits).toBe(0);
  });

  test("refused, the file and the claim are let go: put right, it opens", () => {
    const { dir } = editedJournal("sessions-put-back", "DELETE FROM sessions");
    expect(openError(dir)?.code).toBe("INVALID_DATA");
    const db = new Database(join(dir, "journal.sqlite"));
    db.exec("INSERT INTO sessions (strategy, symbols, interval, mode, started_at) VALUES ('s', 'X', '1m', 'paper', 1)");
    db.close();
    expect(openError(dir)).toBeUndefined();
  });

  test("a file a start created and left before recording anything (empty tables, no session) opens", () => {
    const dir = join(root, "never-begun");
    new Journal(dir).close("failed");
    expect(openError(dir)).toBeUndefined();
  });
});

describe("a journal that lost a table an earlier session wrote is refused", () => {
  for (const table of ["orders", "state", "fills", "bars"]) {
    test(`DROP TABLE ${table}: INVALID_DATA naming the file and ${table}`, () => {
      const { dir, path } = editedJournal(`dropped-${table}`, `DROP TABLE ${table}`);
      const error = openError(dir);
      expect(error).toMatchObject({ code: "INVALID_DATA", details: { path, table } });
      expect(error?.message).toStartWith(`session journal ${path}: it records sessions but has no ${table} table;`);
    });
  }

  test("risk_state, which journals written before it lack, is created empty instead", () => {
    const { dir } = editedJournal("no-risk-state", "DROP TABLE risk_state");
    const journal = new Journal(dir);
    expect([journal.loadRiskState(), journal.loadState("s")]).toEqual([undefined, [["n", 3]]]);
    journal.close("completed");
  });
});

describe("a table of another shape is INVALID_DATA naming the file, the table and the column, not a bare SQLite error", () => {
  const cases: Array<[string, string, string, string, string | undefined]> = [
    ["orders of 3 columns", "DROP TABLE orders; CREATE TABLE orders (client_order_id TEXT PRIMARY KEY, venue_order_id TEXT, symbol TEXT)", "orders", "its orders table has no column side", "side"],
    ["sessions without mode", "ALTER TABLE sessions DROP COLUMN mode", "sessions", "its sessions table has no column mode", "mode"],
    ["state with val for value", "DROP TABLE state; CREATE TABLE state (strategy TEXT, key TEXT, val TEXT, PRIMARY KEY (strategy, key))", "state", "its state table has no column value", "value"],
    ["bars without volume", "ALTER TABLE bars DROP COLUMN volume", "bars", "its bars table has no column volume", "volume"],
    ["an extra column", "ALTER TABLE orders ADD COLUMN note TEXT", "orders", 'its orders table has a column "note" Argo does not write', "note"],
    ["columns moved", "DROP TABLE state; CREATE TABLE state (key TEXT, strategy TEXT, value TEXT, PRIMARY KEY (strategy, key))", "state", "its state table does not have its columns in the order Argo writes them (strategy, key, value)", undefined],
    ["no primary key", "DROP TABLE state; CREATE TABLE state (strategy TEXT, key TEXT, value TEXT)", "state", "its state table's primary key is not (strategy, key)", undefined],
  ];
  for (const [name, edit, table, problem, column] of cases) {
    test(name, () => {
      const { dir, path } = editedJournal(`shape-${name.replaceAll(" ", "-")}`, edit);
      const error = openError(dir);
      expect(error).toMatchObject({ code: "INVALID_DATA", details: { path, table, ...(column === undefined ? {} : { column }) } });
      expect(error?.message).toStartWith(`session journal ${path}: ${problem}; it was changed or damaged outside Argo`);
    });
  }
});
