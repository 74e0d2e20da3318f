import { Database } from "bun:sqlite";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { FIRST_SCHEMA } from "../journal/first-schema-fixture.ts";

/**
 * Creates `dir` with a journal whose sessions table is as journals had it before venues were recorded (no venue, no
 * account), holding one session of `strategy` in `mode`.
 */
export function writeOldSessionsJournal(dir: string, strategy: string, mode: string): void {
  mkdirSync(dir);
  const db = new Database(join(dir, "journal.sqlite"), { create: true });
  db.exec(`CREATE TABLE sessions (id INTEGER PRIMARY KEY AUTOINCREMENT, strategy TEXT NOT NULL, symbols TEXT NOT NULL, interval TEXT NOT NULL,
    mode TEXT NOT NULL, started_at INTEGER NOT NULL, ended_at INTEGER, status TEXT)`);
  // The other tables such a journal had: one holding a sessions table alone is refused (its other tables were dropped).
  db.exec(FIRST_SCHEMA);
  db.query("INSERT INTO sessions (strategy, symbols, interval, mode, started_at, ended_at, status) VALUES (?, 'X', '1m', ?, 1, 2, 'completed')").run(strategy, mode);
  db.close();
}
