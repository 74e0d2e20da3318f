import { DAY_MS } from "./stat-math.ts";
import { utcWeekday } from "./utc-calendar.ts";
import { utcDayRuns } from "./utc-day-runs.ts";

/** The bar period: median spacing of the last 100 bar times, in ms (as backtesting.py's `_data_period`); NaN with one bar. */
export function dataPeriod(times: ArrayLike<number>): number {
  const from = Math.max(0, times.length - 100);
  const gaps: number[] = [];
  for (let i = from + 1; i < times.length; i++) gaps.push(times[i]! - times[i - 1]!);
  if (gaps.length === 0) return Number.NaN;
  gaps.sort((a, b) => a - b);
  const mid = gaps.length >> 1;
  return gaps.length % 2 === 1 ? gaps[mid]! : (gaps[mid - 1]! + gaps[mid]!) / 2;
}

// Finest non-zero component of a duration, as pandas' Timedelta.resolution_string picks it.
const UNITS = [DAY_MS, 3_600_000, 60_000, 1_000, 1];

/** The unit durations are rounded up to: the finest non-zero unit (day, hour, minute, second, ms) of the bar period. */
export function durationResolution(period: number): number {
  if (!Number.isFinite(period) || period <= 0) return DAY_MS;
  let resolution = DAY_MS;
  let rest = Math.round(period);
  for (const unit of UNITS) {
    if (rest >= unit) resolution = unit;
    rest %= unit;
  }
  return resolution;
}

/** Rounds a duration up to a whole number of `resolution` ms; null stays null. */
export function ceilDuration(value: number | null, resolution: number): number | null {
  if (value === null || !Number.isFinite(value)) return null;
  return Math.ceil(value / resolution) * resolution;
}

/** How the equity curve is sampled for annualised figures, following backtesting.py's calendar rule. */
export interface Annualisation {
  /** "D" calendar day, "W" Monday–Sunday week, "M" calendar month, "Y" calendar year (UTC). */
  bucket: "D" | "W" | "M" | "Y";
  periodsPerYear: number;
}

/**
 * Weekly bars (a 7-day period) → 52 a year, monthly (31) → 12, yearly (365) → 1; otherwise daily
 * returns with 365 days a year when more than 60 % of a 7-day week's share of bars fall on a
 * weekend (crypto-like calendars), else 252. `period` is the bar period ({@link dataPeriod}) and `runs` the
 * bars' {@link utcDayRuns}, when already known.
 */
export function annualisation(times: ArrayLike<number>, period = dataPeriod(times), runs?: readonly number[]): Annualisation {
  const freqDays = Math.floor(period / DAY_MS);
  if (freqDays === 7) return { bucket: "W", periodsPerYear: 52 };
  if (freqDays === 31) return { bucket: "M", periodsPerYear: 12 };
  if (freqDays === 365) return { bucket: "Y", periodsPerYear: 1 };
  let weekend = 0;
  // Bars of one day share its weekday: look it up once per day.
  const days = runs ?? utcDayRuns(times);
  for (let r = 0; r + 1 < days.length; r++) {
    const weekday = utcWeekday(times[days[r]!]!);
    if (weekday === 0 || weekday === 6) weekend += days[r + 1]! - days[r]!;
  }
  const haveWeekends = weekend / times.length > (2 / 7) * 0.6;
  return { bucket: "D", periodsPerYear: haveWeekends ? 365 : 252 };
}
