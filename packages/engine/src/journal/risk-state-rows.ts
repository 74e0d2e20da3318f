import type { Database, Statement } from "bun:sqlite";
import type { EquityMarks } from "../risk/trading-state.ts";
import { RISK_STATE_REDUCING_COLUMNS } from "./journal-schema.ts";
import { storedRowError, type StoredRow } from "./stored-rows.ts";

/** A risk_state row as SQLite gives it back: anything, should someone have changed it by hand. */
interface RiskStateRow {
  peak: unknown;
  day_start_equity: unknown;
  day: unknown;
  reducing_drawdown: unknown;
  reducing_daily_loss: unknown;
}

/** The journal's risk_state row (see RISK_STATE_TABLE): the equity limits' marks, written with the journal's batches. */
export class RiskStateRows {
  /** The write's prepared statement (the journal finalizes it on close). */
  readonly upsert: Statement;
  private readonly row: StoredRow;

  /** Gives a risk_state table written before the REDUCING columns existed those columns, empty (NULL: none reached). */
  constructor(private readonly db: Database, path: string) {
    addReducingColumns(db);
    this.upsert = db.prepare("INSERT OR REPLACE INTO risk_state VALUES (1, ?, ?, ?, ?, ?)");
    this.row = { path, table: "risk_state", key: "id 1 (the equity limits' peak and day start)" };
  }

  /** Replaces the row with `marks`. */
  write(marks: EquityMarks): void {
    this.upsert.run(marks.peak, marks.dayStartEquity, marks.day, marks.reducedByDrawdown ?? null, marks.reducedByDailyLoss ?? null);
  }

  /** The marks a previous session left, undefined when none did; a row that is not finite numbers is refused (INVALID_DATA). */
  read(): EquityMarks | undefined {
    const row = this.db.query("SELECT peak, day_start_equity, day, reducing_drawdown, reducing_daily_loss FROM risk_state WHERE id = 1").get() as RiskStateRow | null;
    if (row === null) return undefined;
    const marks: EquityMarks = { peak: this.number(row.peak, "peak"), dayStartEquity: this.number(row.day_start_equity, "day_start_equity"), day: this.number(row.day, "day") };
    const drawdown = this.limit(row.reducing_drawdown, "reducing_drawdown");
    const dailyLoss = this.limit(row.reducing_daily_loss, "reducing_daily_loss");
    if (drawdown !== undefined) marks.reducedByDrawdown = drawdown;
    if (dailyLoss !== undefined) marks.reducedByDailyLoss = dailyLoss;
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

function addReducingColumns(db: Database): void {
  const columns = db.query("PRAGMA table_info(risk_state)").all() as Array<{ name: string }>;
  const missing = RISK_STATE_REDUCING_COLUMNS.filter(([name]) => !columns.some((column) => column.name === name));
  if (missing.length === 0) return;
  db.transaction(() => {
    for (const [name, type] of missing) db.exec(`ALTER TABLE risk_state ADD COLUMN ${name} ${type}`);
  })();
}
