import { Database } from "bun:sqlite";
import { JOURNAL_SCHEMA, RISK_STATE_ADDED_COLUMNS, SESSION_ADDED_COLUMNS } from "./journal-schema.ts";
import { journalTableError } from "./stored-rows.ts";

/**
 * A column as `PRAGMA table_info` gives it: its name, its place in the primary key (0: not in it), whether it is NOT NULL
 * (1) and its default's SQL text (null: none).
 */
interface Column {
  name: string;
  pk: number;
  notnull: number;
  dflt_value: string | null;
}

/**
 * Columns added to a table after journals were first written, last in it: a journal written before lacks them until
 * opened (fills: migrate-fills.ts rebuilds the table; sessions: migrate-sessions.ts adds them; risk_state: RiskStateRows).
 */
const ADDED_LATER: Readonly<Record<string, readonly string[]>> = {
  fills: ["fee_currency", "liquidity"],
  sessions: SESSION_ADDED_COLUMNS.map(([name]) => name),
  risk_state: RISK_STATE_ADDED_COLUMNS.map(([name]) => name),
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
  return (db.query(`PRAGMA table_info("${table}")`).all() as Column[]).map(({ name, pk, notnull, dflt_value }) => ({ name, pk, notnull, dflt_value }));
}

/** Whether a row that leaves the column out is written: it takes NULL (allowed) or its default (a default of NULL is none). */
const takesRowsWithout = (column: Column): boolean => column.notnull === 0 || (column.dflt_value !== null && column.dflt_value.toUpperCase() !== "NULL");

/**
 * Refuses a table whose columns are not those Argo writes, in its order (INVALID_DATA naming the file, the table and the
 * column). Every write names its columns, so a later version's columns after all of Argo's are accepted, each one a row
 * that leaves it out can still be written to (nullable, or with a default): that journal stays readable and writable by
 * this version. A missing or moved column of Argo's, another column among them (a table changed outside Argo: what a
 * later version adds comes last), or a NOT NULL one without a default (every write would be refused) is not. A journal
 * written before may lack the columns added later (see ADDED_LATER), then with nothing after them.
 */
export function assertColumns(db: Database, path: string): void {
  for (const [table, expected] of journalColumns()) {
    const actual = columnsOf(db, table);
    const later = ADDED_LATER[table] ?? [];
    let known = 0;
    while (known < actual.length && known < expected.length && actual[known]!.name === expected[known]!.name) known++;
    const extra = actual.slice(known);
    if (known === expected.length && extra.every(takesRowsWithout)) continue;
    if (extra.length === 0 && known >= expected.length - later.length) continue;
    throw shapeError(path, table, expected, actual, later, known);
  }
}

/** Why the table's columns do not fit (assertColumns): a column missing, one Argo does not write in the wrong place or NOT NULL, or the order. */
function shapeError(path: string, table: string, expected: readonly Column[], actual: readonly Column[], later: readonly string[], known: number) {
  const names = actual.map((column) => column.name);
  // Columns added later are missing only from a table that has some of them (a journal written before has none).
  const before = later.every((name) => !names.includes(name));
  const missing = expected.find((column) => !names.includes(column.name) && !(before && later.includes(column.name)));
  if (missing !== undefined) return journalTableError(path, table, `its ${table} table has no column ${missing.name}`, { column: missing.name });
  const order = expected.map((column) => column.name).join(", ");
  const isArgos = (name: string) => expected.some((column) => column.name === name);
  const lastOwn = Math.max(...names.map((name, i) => (isArgos(name) ? i : -1)));
  // Argo's columns all in place but those added later: another column stands where those go.
  const short = known < expected.length && known === names.filter(isArgos).length;
  const among = names.find((name, i) => !isArgos(name) && (i < lastOwn || short));
  if (among !== undefined) {
    return journalTableError(path, table, `its ${table} table has a column ${JSON.stringify(among)} Argo does not write among the columns it writes (${order}; a later version's columns come after them)`, { column: among });
  }
  const refusing = actual.slice(known).find((column) => !isArgos(column.name) && !takesRowsWithout(column));
  if (refusing !== undefined) {
    return journalTableError(path, table, `its ${table} table has a column ${JSON.stringify(refusing.name)} Argo does not write that is NOT NULL without a default, so every row Argo writes would be refused`, { column: refusing.name });
  }
  return journalTableError(path, table, `its ${table} table does not have its columns in the order Argo writes them (${order})`);
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
