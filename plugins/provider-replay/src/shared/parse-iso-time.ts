// Date.parse reads a date-time without a zone as local time; bar files are UTC unless they say otherwise.
const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?\s*(Z|z|[+-]\d{2}(?::?\d{2})?)?$/;

// ISO 8601's basic (compact) form of a date, as some exports write it; the extended form above is the usual one.
const COMPACT_DATE = /^(\d{4})(\d{2})(\d{2})$/;

/**
 * Epoch milliseconds of an ISO 8601 date ("2024-01-31", or compact "20240131") or date-time ("2024-01-31 09:30",
 * "2024-01-31T09:30:00.5Z", "…+02:00"); no zone means UTC. Undefined when the text is not one.
 */
export function parseIsoTime(text: string): number | undefined {
  const plain = parsePlainIsoTime(text);
  if (plain !== null) return plain;
  const trimmed = text.trim();
  const m = ISO.exec(trimmed);
  if (!m) {
    // Looked at only after the usual forms fail: they pay nothing for it.
    const compact = COMPACT_DATE.exec(trimmed);
    return compact ? utcTime(Number(compact[1]), Number(compact[2]), Number(compact[3]), 0, 0, 0, 0) : undefined;
  }
  const hour = m[4] === undefined ? 0 : Number(m[4]);
  const minute = m[5] === undefined ? 0 : Number(m[5]);
  const second = m[6] === undefined ? 0 : Number(m[6]);
  const ms = m[7] === undefined ? 0 : Math.round(Number(`0.${m[7]}`) * 1000);
  const utc = utcTime(Number(m[1]), Number(m[2]), Number(m[3]), hour, minute, second, ms);
  const offset = zoneOffsetMs(m[8]);
  return utc === undefined || offset === undefined ? undefined : utc - offset;
}

/**
 * The forms bar files nearly always use — "YYYY-MM-DD", "YYYY-MM-DD HH:MM" and "YYYY-MM-DD HH:MM:SS", with a space or a T
 * and no zone — read digit by digit: a backtest parses one per row, and the regular expression costs more than the rest
 * of the row. Null when the text is not exactly one of these forms (the expression then decides).
 */
function parsePlainIsoTime(text: string): number | undefined | null {
  const length = text.length;
  if (length !== 10 && length !== 16 && length !== 19) return null;
  if (text.charCodeAt(4) !== DASH || text.charCodeAt(7) !== DASH) return null;
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 2);
  const day = digits(text, 8, 2);
  let hour = 0;
  let minute = 0;
  let second = 0;
  if (length > 10) {
    const separator = text.charCodeAt(10);
    if ((separator !== SPACE && separator !== T) || text.charCodeAt(13) !== COLON) return null;
    hour = digits(text, 11, 2);
    minute = digits(text, 14, 2);
    if (length === 19) {
      if (text.charCodeAt(16) !== COLON) return null;
      second = digits(text, 17, 2);
    }
  }
  // A non-digit anywhere made its field negative.
  if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0) return null;
  return utcTime(year, month, day, hour, minute, second, 0);
}

const DASH = 45;
const COLON = 58;
const SPACE = 32;
const T = 84;

/** The decimal number in `count` characters from `at`; negative if any of them is not a digit. */
function digits(text: string, at: number, count: number): number {
  let value = 0;
  for (let i = at; i < at + count; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

/** Epoch ms of a UTC calendar date and time; undefined when a field is out of range (the 30th of February). */
function utcTime(year: number, month: number, day: number, hour: number, minute: number, second: number, ms: number): number | undefined {
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  // Not Date.UTC: it reads years 0–99 as 1900–1999, so "0099-03-04" would become 1999.
  return daysFromCivil(year, month, day) * 86_400_000 + ((hour * 60 + minute) * 60 + second) * 1000 + ms;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, month: number): number {
  if (month !== 2) return MONTH_DAYS[month - 1]!;
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
}

/** Days from 1970-01-01 to a proleptic Gregorian date, for any year (H. Hinnant's days_from_civil). */
function daysFromCivil(year: number, month: number, day: number): number {
  // Counted in years that start in March, so the leap day is the last day of its year.
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** The zone's offset from UTC in ms; undefined when it is out of range ("+99:99"), as an hour of 24 is. */
function zoneOffsetMs(zone: string | undefined): number | undefined {
  if (zone === undefined || zone === "Z" || zone === "z") return 0;
  const sign = zone[0] === "-" ? -1 : 1;
  const digits = zone.slice(1).replace(":", "");
  const hours = Number(digits.slice(0, 2));
  const minutes = digits.length > 2 ? Number(digits.slice(2, 4)) : 0;
  if (hours > 23 || minutes > 59) return undefined;
  return sign * (hours * 60 + minutes) * 60_000;
}
