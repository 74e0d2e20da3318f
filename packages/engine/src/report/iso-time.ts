/** An epoch-ms time as ISO 8601 UTC text ("2004-08-19T00:00:00.000Z"); throws a RangeError when it is not a date. */
export function isoTime(ms: number): string {
  return new Date(ms).toISOString();
}

/** An epoch-ms time as isoTime writes it, or the number as text when it is not a date (an open end of a range, in a message). */
export function isoTimeOrText(ms: number): string {
  return isoTimeOrNull(ms) ?? String(ms);
}

/** An epoch-ms time as isoTime writes it, or null when it is not a date (NaN: run.json before any bar was replayed). */
export function isoTimeOrNull(ms: number): string | null {
  const date = new Date(ms);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}
