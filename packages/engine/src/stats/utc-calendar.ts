// Calendar fields of epoch-ms times by integer arithmetic: statistics read them once per bar, and a
// `new Date` per bar cost more than the rest of the weekday count (about 10 ms per million bars).
// Times are truncated toward zero first, as `new Date(time)` does.

import { DAY_MS } from "./stat-math.ts";

// The range of valid Date values; outside it (and for NaN) every field is NaN, as with an invalid Date.
const MAX_TIME = 8.64e15;

/** Days since 1970-01-01 (UTC) of an epoch-ms time, floored (negative before 1970). */
export function utcDayNumber(time: number): number {
  return Math.abs(time) <= MAX_TIME ? Math.floor(Math.trunc(time) / DAY_MS) : Number.NaN;
}

/**
 * End (exclusive) of the times from `time` on that share its day number: the next UTC midnight, checked
 * rather than assumed (the day number comes from a rounded division). utcDayNumber never decreases, so when
 * the last whole ms before midnight still has the day, every time between does (a time within that last ms
 * truncates to it). `time` itself, an empty range, when the check fails (the last day of Date's range) and
 * for times before 1970 (they truncate toward zero, across midnight), NaN and infinities.
 */
export function utcDayEnd(time: number): number {
  if (!(time >= 0)) return time;
  const day = utcDayNumber(time);
  const end = (day + 1) * DAY_MS;
  return utcDayNumber(end - 1) === day ? end : time;
}

/** Day of the week in UTC, 0 = Sunday … 6 = Saturday (as `Date#getUTCDay`). */
export function utcWeekday(time: number): number {
  // 1970-01-01 was a Thursday (4).
  return (((utcDayNumber(time) + 4) % 7) + 7) % 7;
}

/**
 * UTC year × 12 + month (0 = January) of an epoch-ms time, as `getUTCFullYear() * 12 + getUTCMonth()`.
 * Proleptic Gregorian calendar from the day number (H. Hinnant's civil_from_days).
 */
export function utcYearMonth(time: number): number {
  const z = utcDayNumber(time) + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1_460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const month = mp < 10 ? mp + 2 : mp - 10; // 0 = January
  const year = yearOfEra + era * 400 + (month <= 1 ? 1 : 0);
  return year * 12 + month;
}

/** UTC year of an epoch-ms time (as `getUTCFullYear()`). */
export function utcYear(time: number): number {
  return Math.floor(utcYearMonth(time) / 12);
}
