// A later version that adds a column to a journal table must not lock this version out of the journal: every write
// names its columns, and the table check accepts columns after Argo's own that a row leaving them out can still be
// written to. Before, any column Argo did not know was refused, and writes went by position.
import { afterAll, describe, expect, test } from "bun:test";
import { Database } from "bun:sqlite";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { barsFromCloses } from "../test-fixtures/bars.ts";
import { editedJournal, thrownBy, WORKING_LIMIT, withJournal } from "../test-fixtures/edited-journal.ts";

const root = mkdtempSync(join(tmpdir(), "argo-journal-forward-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const DAY = 86_400_000;
const TABLES = ["bars", "orders", "fills", "risk_state", "state", "sessions"] as const;
const [BAR_1, BAR_2] = barsFromCloses("X", [100, 101]);
const STEP_2_CLOSE = BAR_2!.openTime + 60_000; // the newest step, judged at its close

/** A journal of one session as this version writes it (a bar, a working and a filled order, a fill, state, risk marks), then `edit`. */
function journalEdited(name: string, edit: string): { dir: string; path: string } {
  const dir = join(root, name);
  const path = editedJournal(dir, edit, (journal) => {
    journal.bar(BAR_1!);
    journal.order({ ...WORKING_LIMIT, clientOrderId: "o-2", type: "MARKET", status: "FILLED", filledQuantity: 1, averageFillPrice: 100 });
    journal.fill({ id: "F1", clientOrderId: "o-2", venueOrderId: "v2", symbol: "X", side: "BUY", quantity: 1, price: 100, fee: 0, time: 1 });
    journal.riskState({ peak: 10_000, dayStartEquity: 10_000, day: 5 * DAY });
  });
  return { dir, path };
}

/** Each row's `future_note`, by table, as a line `table key=note` (what SQLite holds, read around the journal). */
function notes(path: string): string[] {
  const db = new Database(path, { readonly: true });
  try {
    const keys: Record<(typeof TABLES)[number], string> = {
      bars: "symbol || ' closing ' || close", orders: "client_order_id", fills: "client_order_id || '/' || id", risk_state: "id", state: "key", sessions: "id",
    };
    return TABLES.flatMap((table) =>
      (db.query(`SELECT ${keys[table]} AS k, future_note AS n FROM ${table} ORDER BY 1`).all() as Array<{ k: unknown; n: unknown }>).map((r) => `${table} ${r.k}=${r.n}`));
  } finally {
    db.close();
  }
}

describe("a journal a later version extended with columns after Argo's stays open to this version", () => {
  test("every table with a trailing nullable column: opens, records and reads back; the column's values are left alone", () => {
    // As a later version would: a column added last to each table (and one NOT NULL with a default to orders), with
    // values of its own in the rows this version wrote.
    const added = TABLES.map((t) => `ALTER TABLE ${t} ADD COLUMN future_note TEXT; UPDATE ${t} SET future_note = 'kept';`).join("\n");
    const { dir, path } = journalEdited("trailing", `${added}\nALTER TABLE orders ADD COLUMN future_rank INTEGER NOT NULL DEFAULT 7;`);
    withJournal(dir, (j) => {
      j.beginSession("s", ["X"], "1m", "paper");
      j.bar(BAR_2!);
      // o-1, working, fills: its row is updated; o-3 is new.
      j.order({ ...WORKING_LIMIT, status: "FILLED", filledQuantity: 1, averageFillPrice: 90, updatedAt: 2 });
      j.fill({ id: "F2", clientOrderId: "o-1", venueOrderId: "v1", symbol: "X", side: "BUY", quantity: 1, price: 90, fee: 0.5, time: 2 });
      j.order({ ...WORKING_LIMIT, clientOrderId: "o-3", venueOrderId: "v3", createdAt: 3, updatedAt: 3 });
      j.state("s", "m", "[1,2]");
      j.riskState({ peak: 10_100, dayStartEquity: 10_000, day: 5 * DAY, lastStepEquity: 10_050, lastStepTime: STEP_2_CLOSE });
    });
    // Read back by this version: what both sessions recorded.
    withJournal(dir, (j) => {
      expect(j.recordedStrategies()).toEqual(["s"]);
      expect(j.loadBars("X", "1m", 5).map((b) => b.close)).toEqual([100, 101]);
      expect(j.unfinishedOrders().map((o) => o.clientOrderId)).toEqual(["o-3"]);
      expect(j.recordedFills().map((f) => `${f.clientOrderId}/${f.id} ${f.quantity}@${f.price} fee ${f.fee}`)).toEqual(["o-2/F1 1@100 fee 0", "o-1/F2 1@90 fee 0.5"]);
      expect(j.loadState("s")).toEqual([["m", [1, 2]], ["n", 3]]);
      expect(j.loadRiskState()).toEqual({ peak: 10_100, dayStartEquity: 10_000, day: 5 * DAY, lastStepEquity: 10_050, lastStepTime: STEP_2_CLOSE });
    });
    // The later version's values: left alone in every row this version did not write again, and in the orders row it
    // updated (o-1: the update sets Argo's columns only); rows it wrote afresh hold NULL (the default 7 for future_rank).
    // The risk marks are one row replaced whole: a later version finds NULL there, not its value beside marks it did
    // not write.
    expect(notes(path)).toEqual([
      "bars X closing 100.0=kept", "bars X closing 101.0=null",
      "orders o-1=kept", "orders o-2=kept", "orders o-3=null",
      "fills o-1/F2=null", "fills o-2/F1=kept",
      "risk_state 1=null",
      "state m=null", "state n=kept",
      "sessions 1=kept", "sessions 2=null",
    ]);
    const db = new Database(path, { readonly: true });
    expect(db.query("SELECT client_order_id AS id, status, future_rank AS rank FROM orders ORDER BY 1").all()).toEqual([
      { id: "o-1", status: "FILLED", rank: 7 }, { id: "o-2", status: "FILLED", rank: 7 }, { id: "o-3", status: "ACCEPTED", rank: 7 },
    ]);
    expect(db.query("SELECT id, status FROM sessions ORDER BY id").all()).toEqual([{ id: 1, status: "completed" }, { id: 2, status: "completed" }]);
    db.close();
  });

  test("a trailing column NOT NULL without a default is refused, naming it: every row Argo writes would be refused", () => {
    // Rebuilt (SQLite adds no NOT NULL column without a default), as a later version's migration could.
    const { dir, path } = journalEdited("not-null", `
      CREATE TABLE state_new (strategy TEXT NOT NULL, key TEXT NOT NULL, value TEXT NOT NULL, origin TEXT NOT NULL, PRIMARY KEY (strategy, key)) WITHOUT ROWID;
      INSERT INTO state_new SELECT strategy, key, value, 'x' FROM state; DROP TABLE state; ALTER TABLE state_new RENAME TO state;`);
    const error = thrownBy(dir);
    expect(error).toMatchObject({ code: "INVALID_DATA", details: { path, table: "state", column: "origin" } });
    expect(error?.message).toStartWith(`session journal ${path}: its state table has a column "origin" Argo does not write that is NOT NULL without a default, so every row Argo writes would be refused;`);
  });

  test("a column placed among Argo's is refused, naming it, though nullable", () => {
    const { dir, path } = journalEdited("among", `
      CREATE TABLE risk_new (id INTEGER PRIMARY KEY CHECK (id = 1), peak REAL NOT NULL, note TEXT, day_start_equity REAL NOT NULL, day INTEGER NOT NULL,
        reducing_drawdown REAL, reducing_daily_loss REAL, last_step_equity REAL, last_step_time INTEGER);
      INSERT INTO risk_new (id, peak, day_start_equity, day) SELECT id, peak, day_start_equity, day FROM risk_state; DROP TABLE risk_state; ALTER TABLE risk_new RENAME TO risk_state;`);
    const error = thrownBy(dir);
    expect(error).toMatchObject({ code: "INVALID_DATA", details: { path, table: "risk_state", column: "note" } });
    expect(error?.message).toContain(`its risk_state table has a column "note" Argo does not write among the columns it writes (id, peak, day_start_equity, day,`);
  });

  test("a trailing column beside a column of Argo's gone: the missing one is named, as before", () => {
    const { dir, path } = journalEdited("missing", "ALTER TABLE bars DROP COLUMN volume; ALTER TABLE bars ADD COLUMN future_note TEXT");
    expect(thrownBy(dir)).toMatchObject({ code: "INVALID_DATA", details: { path, table: "bars", column: "volume" } });
  });
});
