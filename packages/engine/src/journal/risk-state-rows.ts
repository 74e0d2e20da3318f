import type { Database, Statement } from "bun:sqlite";
import type { EquityMarks } from "../risk/trading-state.ts";
import { RISK_STATE_ADDED_COLUMNS } from "./journal-schema.ts";
import { storedRowError, type StoredRow } from "./stored-rows.ts";

/** A risk_state row as SQLite gives it back: anything, should someone have changed it by hand. */
interface RiskStateRow {
  peak: unknown;
  day_start_equity: unknown;
  day: unknown;
  reducing_drawdown: unknown;
  reducing_daily_loss: unknown;
  last_step_equity: unknown;
  last_step_time: unknown;
}

/** The columns the row is written and read by, named: a later version's columns after them are left out (see assertColumns). */
const COLUMNS = "peak, day_start_equity, day, reducing_drawdown, reducing_daily_loss, last_step_equity, last_step_time";

/** The journal's risk_state row (see RISK_STATE_TABLE): the equity limits' marks, written with the journal's batches. */
export class RiskStateRows {
  /** The write's prepared statement (the journal finalizes it on close). */
  readonly upsert: Statement;
  private readonly row: StoredRow;

  /** Gives a risk_state table written before the REDUCING or last-step columns existed those columns, empty (NULL: none). */
  constructor(private readonly db: Database, path: string) {
    addMissingColumns(db);
    // Replaced whole: a later version's column of this row is not left beside marks it did not write (it reads NULL).
    this.upsert = db.prepare(`INSERT OR REPLACE INTO risk_state (id, ${COLUMNS}) VALUES (1, ?, ?, ?, ?, ?, ?, ?)`);
    this.row = { path, table: "risk_state", key: "id 1 (the equity limits' peak and day start)" };
  }

  /** Replaces the row with `marks`. */
  write(marks: EquityMarks): void {
    this.upsert.run(marks.peak, marks.dayStartEquity, marks.day, marks.reducedByDrawdown ?? null, marks.reducedByDailyLoss ?? null,
      marks.lastStepEquity ?? null, marks.lastStepTime ?? null);
  }

  /** The marks a previous session left, undefined when none did; a row that is not finite numbers is refused (INVALID_DATA). */
  read(): EquityMarks | undefined {
    const row = this.db.query(`SELECT ${COLUMNS} FROM risk_state WHERE id = 1`).get() as RiskStateRow | null;
    if (row === null) return undefined;
    const marks: EquityMarks = { peak: this.number(row.peak, "peak"), dayStartEquity: this.number(row.day_start_equity, "day_start_equity"), day: this.number(row.day, "day") };
    const drawdown = this.limit(row.reducing_drawdown, "reducing_drawdown");
    const dailyLoss = this.limit(row.reducing_daily_loss, "reducing_daily_loss");
    if (drawdown !== undefined) marks.reducedByDrawdown = drawdown;
    if (dailyLoss !== undefined) marks.reducedByDailyLoss = dailyLoss;
    // Both or neither: an equity without its time (or the reverse) is no step a session judged.
    if (row.last_step_equity !== null || row.last_step_time !== null) {
      const equity = this.number(row.last_step_equity, "last_step_equity");
      const time = this.number(row.last_step_time, "last_step_time");
      if (!unjudgedSince(this.db, time)) Object.assign(marks, { lastStepEquity: equity, lastStepTime: time });
    }
    return marks;
  }

  private number(value: unknown, column: string): number {
    if (typeof value === "number" && Number.isFinite(value)) return value;
    throw storedRowError(this.row, `holds ${value === null ? "NULL" : "a value that is not a finite number"} in column ${column}`);
  }

  /** A REDUCING limit reached: NULL (none), else a fraction in (0, 1] as the risk config takes it. */
  private limit(value: unknown, column: string): number | undefined {
    if (value === null) return undefined;
    if (typeof value === "number" && value > 0 && value <= 1) return value;
    throw storedRowError(this.row, `holds a value that is not a limit (a fraction in (0, 1]) in column ${column}`);
  }
}

/**
 * Whether a step the bars hold came after the step judged at `time` and before the newest step: one the session did not
 * judge (a halt by the circuit breaker stops the judging, not the bars), so that step is not the one before the newest
 * and a new day must not start from it. Asked per symbol and interval through the bars' key, not by a scan of them.
 */
function unjudgedSince(db: Database, time: number): boolean {
  type Series = { symbol: string; interval: string };
  const next = db.query("SELECT symbol, interval FROM bars WHERE (symbol, interval) > (?, ?) ORDER BY symbol, interval LIMIT 1");
  const series: Series[] = [];
  let row = db.query("SELECT symbol, interval FROM bars ORDER BY symbol, interval LIMIT 1").get() as Series | null;
  for (; row !== null; row = next.get(row.symbol, row.interval) as Series | null) series.push(row);
  const newestOf = db.query("SELECT MAX(open_time) AS t FROM bars WHERE symbol = ? AND interval = ?");
  const newest = Math.max(...series.map((s) => Number((newestOf.get(s.symbol, s.interval) as { t: unknown }).t)));
  const between = db.query("SELECT 1 FROM bars WHERE symbol = ? AND interval = ? AND open_time >= ? AND open_time < ? LIMIT 1");
  return series.some((s) => between.get(s.symbol, s.interval, time, newest) !== null);
}

function addMissingColumns(db: Database): void {
  const columns = db.query("PRAGMA table_info(risk_state)").all() as Array<{ name: string }>;
  const missing = RISK_STATE_ADDED_COLUMNS.filter(([name]) => !columns.some((column) => column.name === name));
  if (missing.length === 0) return;
  db.transaction(() => {
    for (const [name, type] of missing) db.exec(`ALTER TABLE risk_state ADD COLUMN ${name} ${type}`);
  })();
}
