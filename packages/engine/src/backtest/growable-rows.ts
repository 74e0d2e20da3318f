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

  constructor(readonly width: number, capacityRows = 4096) {
    this.capacity = Math.max(16, capacityRows);
    this.columns = Array.from({ length: width }, () => new Float64Array(this.capacity));
  }

  /** Makes room for `rows` rows in all, so a known number of rows is written without growing (and copying). */
  reserve(rows: number): void {
    if (rows > this.capacity) this.resize(rows);
  }

  /** Appends a row of three values (width 3). */
  push3(a: number, b: number, c: number): void {
    if (this.length === this.capacity) this.grow();
    const cols = this.columns;
    const i = this.length++;
    cols[0]![i] = a;
    cols[1]![i] = b;
    cols[2]![i] = c;
  }

  /** Appends a row of five values (width 5). */
  push5(a: number, b: number, c: number, d: number, e: number): void {
    if (this.length === this.capacity) this.grow();
    const cols = this.columns;
    const i = this.length++;
    cols[0]![i] = a;
    cols[1]![i] = b;
    cols[2]![i] = c;
    cols[3]![i] = d;
    cols[4]![i] = e;
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
