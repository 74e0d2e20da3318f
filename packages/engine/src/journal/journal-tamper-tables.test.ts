import "@argo/provider-paper";
import { afterAll, describe, expect, test } from "bun:test";
import { Database } from "bun:sqlite";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { barsFromCloses } from "../test-fixtures/bars.ts";
import { runEngine, testStrategy } from "../test-fixtures/run-engine.ts";
import { editedJournal, thrownBy, WORKING_LIMIT } from "../test-fixtures/edited-journal.ts";
import { Journal } from "./journal.ts";

const root = mkdtempSync(join(tmpdir(), "argo-journal-tamper-tables-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** The journal of `name` under the test's root with a bar, a fill of another order and risk marks too, edited (see editedJournal). */
function edited(name: string, edit: string): { dir: string; path: string } {
  const dir = join(root, name);
  const path = editedJournal(dir, edit, (journal) => {
    journal.bar(barsFromCloses("X", [100])[0]!);
    journal.order({ ...WORKING_LIMIT, clientOrderId: "o-2", type: "MARKET", status: "FILLED", filledQuantity: 1, averageFillPrice: 100 });
    journal.fill({ id: "F1", clientOrderId: "o-2", venueOrderId: "v2", symbol: "X", side: "BUY", quantity: 1, price: 100, fee: 0, time: 1 });
    journal.riskState({ peak: 1, dayStartEquity: 1, day: 0 });
  });
  return { dir, path };
}

describe("a journal whose sessions rows are gone is refused, not resumed as if new", () => {
  test("DELETE FROM sessions / DROP TABLE sessions: INVALID_DATA naming the file and the sessions table", () => {
    for (const [name, edit, says] of [["emptied", "DELETE FROM sessions", "no row in its sessions table"], ["dropped", "DROP TABLE sessions", "no sessions table"]]) {
      const { dir, path } = edited(`sessions-${name}`, edit!);
      const error = thrownBy(dir);
      expect(error).toMatchObject({ code: "INVALID_DATA", details: { path, table: "sessions" } });
      expect(error?.message).toStartWith(`session journal ${path}: it holds rows in its orders, fills, state tables but ${says}`);
      expect(error?.message).toEndWith(`move the session directory ${dir} away to start afresh`);
    }
  });

  test("a paper restart on it stops before init (before: the state resumed on a fresh account)", async () => {
    const { dir, path } = edited("sessions-restart", "DELETE FROM sessions");
    let inits = 0;
    const run = await runEngine({ bars: barsFromCloses("X", [100, 101]), strategy: testStrategy({ init: () => void inits++ }, "s"), engine: { sessionDir: dir, trading: { provider: "paper", config: {} } } });
    expect(run.error).toMatchObject({ code: "INVALID_DATA", details: { path, table: "sessions" } });
    expect(inits).toBe(0);
  });

  test("refused, the file and the claim are let go: put right, it opens", () => {
    const { dir } = edited("sessions-put-back", "DELETE FROM sessions");
    expect(thrownBy(dir)?.code).toBe("INVALID_DATA");
    const db = new Database(join(dir, "journal.sqlite"));
    db.exec("INSERT INTO sessions (strategy, symbols, interval, mode, started_at) VALUES ('s', 'X', '1m', 'paper', 1)");
    db.close();
    expect(thrownBy(dir)).toBeUndefined();
  });

  test("a file a start created and left before recording anything (empty tables, no session) opens", () => {
    const dir = join(root, "never-begun");
    new Journal(dir).close("failed");
    expect(thrownBy(dir)).toBeUndefined();
  });
});

describe("a journal that lost a table an earlier session wrote is refused", () => {
  for (const table of ["orders", "state", "fills", "bars"]) {
    test(`DROP TABLE ${table}: INVALID_DATA naming the file and ${table}`, () => {
      const { dir, path } = edited(`dropped-${table}`, `DROP TABLE ${table}`);
      const error = thrownBy(dir);
      expect(error).toMatchObject({ code: "INVALID_DATA", details: { path, table } });
      expect(error?.message).toStartWith(`session journal ${path}: it records sessions but has no ${table} table;`);
    });
  }

  test("risk_state, which journals written before it lack, is created empty instead", () => {
    const { dir } = edited("no-risk-state", "DROP TABLE risk_state");
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
    // A later version's columns come after Argo's (journal-forward-columns.test.ts): one among them was put there by hand.
    ["an extra column among Argo's", "DROP TABLE state; CREATE TABLE state (strategy TEXT, note TEXT, key TEXT, value TEXT, PRIMARY KEY (strategy, key))", "state", 'its state table has a column "note" Argo does not write among the columns it writes (strategy, key, value; a later version\'s columns come after them)', "note"],
    ["columns moved", "DROP TABLE state; CREATE TABLE state (key TEXT, strategy TEXT, value TEXT, PRIMARY KEY (strategy, key))", "state", "its state table does not have its columns in the order Argo writes them (strategy, key, value)", undefined],
    ["no primary key", "DROP TABLE state; CREATE TABLE state (strategy TEXT, key TEXT, value TEXT)", "state", "its state table's primary key is not (strategy, key)", undefined],
  ];
  for (const [name, edit, table, problem, column] of cases) {
    test(name, () => {
      const { dir, path } = edited(`shape-${name.replaceAll(" ", "-")}`, edit);
      const error = thrownBy(dir);
      expect(error).toMatchObject({ code: "INVALID_DATA", details: { path, table, ...(column === undefined ? {} : { column }) } });
      expect(error?.message).toStartWith(`session journal ${path}: ${problem}; it was changed or damaged outside Argo`);
    });
  }
});
