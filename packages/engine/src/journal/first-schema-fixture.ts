import { Database } from "bun:sqlite";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { JOURNAL_FILE } from "./journal-schema.ts";

/** The journal's tables as its first version created them: fills keyed by id alone, sessions without venue or account. */
export const FIRST_SCHEMA = `
CREATE TABLE IF NOT EXISTS bars (
  symbol TEXT NOT NULL, interval TEXT NOT NULL, open_time INTEGER NOT NULL,
  open REAL NOT NULL, high REAL NOT NULL, low REAL NOT NULL, close REAL NOT NULL, volume REAL NOT NULL,
  PRIMARY KEY (symbol, interval, open_time)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS orders (
  client_order_id TEXT PRIMARY KEY, venue_order_id TEXT, symbol TEXT NOT NULL, side TEXT NOT NULL, type TEXT NOT NULL,
  status TEXT NOT NULL, quantity REAL, filled_quantity REAL, average_fill_price REAL,
  created_at INTEGER, updated_at INTEGER, data TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS fills (
  id TEXT PRIMARY KEY, client_order_id TEXT NOT NULL, venue_order_id TEXT, symbol TEXT NOT NULL, side TEXT NOT NULL,
  quantity REAL NOT NULL, price REAL NOT NULL, fee REAL NOT NULL, time INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS state (
  strategy TEXT NOT NULL, key TEXT NOT NULL, value TEXT NOT NULL, PRIMARY KEY (strategy, key)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS sessions (
  id INTEGER PRIMARY KEY AUTOINCREMENT, strategy TEXT NOT NULL, symbols TEXT NOT NULL, interval TEXT NOT NULL,
  mode TEXT NOT NULL, started_at INTEGER NOT NULL, ended_at INTEGER, status TEXT
);
`;

/**
 * Gives the journal of `dir` (created when missing) the first version's tables it lacks, then runs `sql` on it: a journal
 * as that version left it, for tests of what opening one today does.
 */
export function writeFirstSchemaJournal(dir: string, sql = ""): void {
  mkdirSync(dir, { recursive: true });
  const db = new Database(join(dir, JOURNAL_FILE), { create: true });
  try {
    db.exec(FIRST_SCHEMA);
    if (sql !== "") db.exec(sql);
  } finally {
    db.close();
  }
}
