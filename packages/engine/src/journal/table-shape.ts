import { Database } from "bun:sqlite";
import { JOURNAL_SCHEMA, RISK_STATE_REDUCING_COLUMNS, SESSION_ADDED_COLUMNS } from "./journal-schema.ts";
import { journalTableError } from "./stored-rows.ts";

/** A column as `PRAGMA table_info` gives it: its name and its place in the primary key (0: not in it). */
interface Column {
  name: string;
  pk: number;
}

/**
 * Columns added to a table after journals were first written, last in it: a journal written before lacks them until
 * opened (fills: migrate-fills.ts rebuilds the table; sessions: migrate-sessions.ts adds them).
 */
const ADDED_LATER: Readonly<Record<string, readonly string[]>> = {
  fills: ["fee_currency", "liquidity"],
  sessions: SESSION_ADDED_COLUMNS.map(([name]) => name),
  risk_state: RISK_STATE_REDUCING_COLUMNS.map(([name]) => name),
};

let reference: ReadonlyMap<string, readonly Column[]> | undefined;

/** Each table's columns as JOURNAL_SCHEMA creates them: read off an in-memory database, once, so they cannot drift from it. */
export function journalColumns(): ReadonlyMap<string, readonly Column[]> {
  if (reference !== undefined) return reference;
  const db = new Database(":memory:");
  try {
    db.exec(JOURNAL_SCHEMA);
    const tables = db.query("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as Array<{ name: string }>;
    reference = new Map(tables.map(({ name }) => [name, columnsOf(db, name)]));
  } finally {
    db.close();
  }
  return reference;
}

function columnsOf(db: Database, table: string): Column[] {
  return (db.query(`PRAGMA table_info("${table}")`).all() as Column[]).map(({ name, pk }) => ({ name, pk }));
}

/**
 * Refuses a table whose columns are not those Argo writes, in its order (INVALID_DATA naming the file, the table and the
 * column): rows are written by position, so a missing, extra or moved column fails every write with a bare SQLite error,
 * or puts values in the wrong column. A journal written before may lack the columns added later (see ADDED_LATER).
 */
export function assertColumns(db: Database, path: string): void {
  for (const [table, expected] of journalColumns()) {
    const names = columnsOf(db, table).map((column) => column.name);
    const later = ADDED_LATER[table] ?? [];
    const fits = (length: number) => names.length === length && names.every((name, i) => name === expected[i]!.name);
    let fitting = false;
    for (let length = expected.length; length >= expected.length - later.length && !fitting; length--) fitting = fits(length);
    if (fitting) continue;
    // Columns added later are missing only from a table that has some of them (a journal written before has none).
    const before = later.every((name) => !names.includes(name));
    const missing = expected.find((column) => !names.includes(column.name) && !(before && later.includes(column.name)));
    if (missing !== undefined) throw journalTableError(path, table, `its ${table} table has no column ${missing.name}`, { column: missing.name });
    const extra = names.find((name) => !expected.some((column) => column.name === name));
    if (extra !== undefined) throw journalTableError(path, table, `its ${table} table has a column ${JSON.stringify(extra)} Argo does not write`, { column: extra });
    const order = expected.map((column) => column.name).join(", ");
    throw journalTableError(path, table, `its ${table} table does not have its columns in the order Argo writes them (${order})`);
  }
}

/**
 * Refuses a table whose primary key is not the one Argo writes (run once older tables were migrated): the writes
 * replace a row by its key, so without it every write would add a row, and the orders' upsert could not be prepared.
 */
export function assertPrimaryKeys(db: Database, path: string): void {
  const key = (columns: readonly Column[]) => columns.filter((column) => column.pk > 0).sort((a, b) => a.pk - b.pk).map((column) => column.name).join(", ");
  for (const [table, expected] of journalColumns()) {
    const want = key(expected);
    if (key(columnsOf(db, table)) !== want) throw journalTableError(path, table, `its ${table} table's primary key is not (${want})`);
  }
}
