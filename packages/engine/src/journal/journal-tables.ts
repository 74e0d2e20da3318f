import type { Database } from "bun:sqlite";
import { JOURNAL_SCHEMA } from "./journal-schema.ts";
import { migrateFills } from "./migrate-fills.ts";
import { migrateSessions } from "./migrate-sessions.ts";
import { journalTableError } from "./stored-rows.ts";
import { assertColumns, assertPrimaryKeys, journalColumns } from "./table-shape.ts";

/** Tables a journal may lack for good reason: added after journals were first written (created, empty, on open). */
const ADDED_LATER: ReadonlySet<string> = new Set(["risk_state"]);

/** Tables whose rows a start resumes into the strategy and the account (working orders, fills, strategy state). */
const RESUMED = ["orders", "fills", "state"] as const;

/**
 * Makes `db` a journal: checks what an existing file holds, creates the tables it lacks, moves older tables onto the
 * current ones (migrate-*.ts) and checks every table's shape. A journal whose sessions rows are gone while it holds what
 * a start resumes, or that lost a table an earlier session wrote, is refused: recreated empty, the start would resume a
 * strategy's state on a fresh account, or lose the working orders it must settle with the venue.
 */
export function openJournalTables(db: Database, path: string): void {
  assertTablesKept(db, path);
  db.exec(JOURNAL_SCHEMA);
  assertColumns(db, path);
  migrateFills(db);
  migrateSessions(db);
  assertPrimaryKeys(db, path);
}

function assertTablesKept(db: Database, path: string): void {
  const present = new Set((db.query("SELECT name FROM sqlite_master WHERE type = 'table'").all() as Array<{ name: string }>).map((row) => row.name));
  const has = (table: string): boolean => present.has(table) && db.query(`SELECT 1 FROM "${table}" LIMIT 1`).get() !== null;
  if (has("sessions")) {
    const missing = [...journalColumns().keys()].filter((table) => !present.has(table) && !ADDED_LATER.has(table));
    if (missing.length !== 0) {
      const tables = missing.join(", ");
      throw journalTableError(path, missing[0]!, `it records sessions but has no ${tables} table${missing.length > 1 ? "s" : ""}`, { missing });
    }
    return;
  }
  const held = RESUMED.filter(has);
  if (held.length === 0) return; // a new file, or one a start created and left before recording anything
  const sessions = present.has("sessions") ? "no row in its sessions table" : "no sessions table";
  throw journalTableError(path, "sessions", `it holds rows in its ${held.join(", ")} table${held.length > 1 ? "s" : ""} but ${sessions}, which says which mode and strategy wrote them`, { holds: held });
}
