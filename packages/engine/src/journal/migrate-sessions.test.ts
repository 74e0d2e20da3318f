import { afterAll, describe, expect, test } from "bun:test";
import { Database } from "bun:sqlite";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { writeOldSessionsJournal } from "../test-fixtures/old-sessions-journal.ts";
import { writeFirstSchemaJournal } from "./first-schema-fixture.ts";
import { Journal } from "./journal.ts";

const root = mkdtempSync(join(tmpdir(), "argo-migrate-sessions-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A session directory whose journal has the sessions table as it was before venues were recorded, with one row. */
function oldJournal(name: string): string {
  const dir = join(root, name);
  writeOldSessionsJournal(dir, "s", "live");
  // The other tables such a journal had (a journal holding a sessions table alone is refused: tables were dropped).
  writeFirstSchemaJournal(dir);
  return dir;
}

describe("sessions recorded before venues were", () => {
  test("an old journal gets the venue and account columns, empty; its sessions read as not known", () => {
    const dir = oldJournal("old");
    const journal = new Journal(dir);
    expect(journal.recordedVenues()).toEqual([{ venue: null, account: null }]);
    expect(journal.recordedModes()).toEqual(["live"]);
    journal.beginSession("s", ["X"], "1m", "live", { name: "broker", account: "acct-1" });
    journal.close("completed");

    // Opened again (the columns are there now): nothing is added twice, both sessions read back.
    const again = new Journal(dir);
    expect(again.recordedVenues()).toEqual([{ venue: null, account: null }, { venue: "broker", account: "acct-1" }]);
    again.close("completed");
    const db = new Database(join(dir, "journal.sqlite"), { readonly: true });
    const columns = (db.query("PRAGMA table_info(sessions)").all() as Array<{ name: string }>).map((column) => column.name);
    db.close();
    expect(columns).toEqual(["id", "strategy", "symbols", "interval", "mode", "started_at", "ended_at", "status", "venue", "account", "end_reason"]);
  });

  test("a new journal has the same columns in the same order as a migrated one", () => {
    const dir = join(root, "new");
    const journal = new Journal(dir);
    journal.beginSession("s", ["X"], "1m", "paper", { name: "paper" });
    journal.close("completed");
    const db = new Database(join(dir, "journal.sqlite"), { readonly: true });
    const columns = (db.query("PRAGMA table_info(sessions)").all() as Array<{ name: string }>).map((column) => column.name);
    const rows = db.query("SELECT venue, account FROM sessions").all();
    db.close();
    expect(columns).toEqual(["id", "strategy", "symbols", "interval", "mode", "started_at", "ended_at", "status", "venue", "account", "end_reason"]);
    expect(rows).toEqual([{ venue: "paper", account: null }]);
  });
});
