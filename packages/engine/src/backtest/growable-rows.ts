/**
 * Append-only rows of `width` numbers kept as one Float64Array per field, sharing one length and
 * one capacity that doubles when full: one bounds check and no boxing per row (a row is written
 * for every bar), and each field comes out as a column without copying.
 */
export class GrowableRows {
  private columns: Float64Array[];
  private capacity: number;
  /** Number of rows. */
  length = 0;

  // The two tables a backtest records: steps (3 fields) and candles (5); `push` takes up to five values.
  constructor(readonly width: 3 | 5, capacityRows = 4096) {
    this.capacity = Math.max(16, capacityRows);
    this.columns = Array.from({ length: width }, () => new Float64Array(this.capacity));
  }

  /** Makes room for `rows` rows in all, so a known number of rows is written without growing (and copying). */
  reserve(rows: number): void {
    if (rows > this.capacity) this.resize(rows);
  }

  /**
   * Appends a row: `a`, `b`, `c` for width 3, and `d`, `e` too for width 5. Fixed parameters rather than a rest
   * array: a row is written per bar, and the array a rest parameter builds cost about 3 ns a row.
   */
  push(a: number, b: number, c: number, d?: number, e?: number): void {
    if (this.length === this.capacity) this.grow();
    const cols = this.columns;
    const i = this.length++;
    cols[0]![i] = a;
    cols[1]![i] = b;
    cols[2]![i] = c;
    if (cols.length > 3) {
      // A value left out is stored as NaN, never as a stale one.
      cols[3]![i] = d ?? Number.NaN;
      cols[4]![i] = e ?? Number.NaN;
    }
  }

  /** Replaces the value in `row`, `field`. */
  set(row: number, field: number, value: number): void {
    this.columns[field]![row] = value;
  }

  /** One field of every row: a view of the recorded values (no copy; later rows do not show in it). */
  column(field: number): Float64Array {
    return this.columns[field]!.subarray(0, this.length);
  }

  private grow(): void {
    this.resize(this.capacity * 2);
  }

  private resize(capacity: number): void {
    this.capacity = capacity;
    this.columns = this.columns.map((old) => {
      const next = new Float64Array(capacity);
      next.set(old.subarray(0, this.length));
      return next;
    });
  }
}
