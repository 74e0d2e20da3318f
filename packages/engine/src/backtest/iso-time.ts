/** An epoch-ms time as ISO 8601 UTC, or the number itself when no date has it (an open end of a range). */
export function isoTime(time: number): string {
  const date = new Date(time);
  return Number.isNaN(date.getTime()) ? String(time) : date.toISOString();
}
