import * as v from "valibot";

/** Epoch milliseconds of a `YYYY-MM-DD` day at 00:00 UTC (backtest dates are UTC days). */
export function utcDay(text: string): number {
  return Date.parse(`${text}T00:00:00Z`);
}

/** True when a `YYYY-MM-DD` text names a day that exists: Date.parse rolls 2021-02-30 over to March 2nd instead. */
export function isCalendarDay(text: string): boolean {
  const ms = utcDay(text);
  return Number.isFinite(ms) && new Date(ms).toISOString().slice(0, 10) === text;
}

/** The actions of a `YYYY-MM-DD` field that must name a real day; valibot's isoDate checks the digits' ranges only. */
export function calendarDay(example: string) {
  return [
    v.isoDate(`must be a date like ${example}`),
    // A text isoDate already refused (month 13, no digits) is not reported twice.
    v.check(
      (text: string) => Number.isNaN(utcDay(text)) || isCalendarDay(text),
      (issue) => `must be a real day: ${String(issue.input).slice(0, 7)} has no day ${String(issue.input).slice(8)}`,
    ),
  ] as const;
}
