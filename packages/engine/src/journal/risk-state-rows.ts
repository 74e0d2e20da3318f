import type { Database, Statement } from "bun:sqlite";
import type { EquityMarks } from "../risk/trading-state.ts";
import { storedRowError, type StoredRow } from "./stored-rows.ts";

/** A risk_state row as SQLite gives it back: anything, should someone have changed it by hand. */
interface RiskStateRow {
  peak: unknown;
  day_start_equity: unknown;
  day: unknown;
}

/** The journal's risk_state row (see RISK_STATE_TABLE): the equity limits' marks, written with the journal's batches. */
export class RiskStateRows {
  /** The write's prepared statement (the journal finalizes it on close). */
  readonly upsert: Statement;
  private readonly row: StoredRow;

  constructor(private readonly db: Database, path: string) {
    this.upsert = db.prepare("INSERT OR REPLACE INTO risk_state VALUES (1, ?, ?, ?)");
    this.row = { path, table: "risk_state", key: "id 1 (the equity limits' peak and day start)" };
  }

  /** Replaces the row with `marks`. */
  write(marks: EquityMarks): void {
    this.upsert.run(marks.peak, marks.dayStartEquity, marks.day);
  }

  /** The marks a previous session left, undefined when none did; a row that is not finite numbers is refused (INVALID_DATA). */
  read(): EquityMarks | undefined {
    const row = this.db.query("SELECT peak, day_start_equity, day FROM risk_state WHERE id = 1").get() as RiskStateRow | null;
    if (row === null) return undefined;
    return { peak: this.number(row.peak, "peak"), dayStartEquity: this.number(row.day_start_equity, "day_start_equity"), day: this.number(row.day, "day") };
  }

  private number(value: unknown, column: string): number {
    if (typeof value === "number" && Number.isFinite(value)) return value;
    throw storedRowError(this.row, `holds ${value === null ? "NULL" : "a value that is not a finite number"} in column ${column}`);
  }
}
