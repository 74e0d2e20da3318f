import { describe, expect, test } from "bun:test";
import { utcDayNumber, utcWeekday, utcYear, utcYearMonth } from "./utc-calendar.ts";

/** Times to check against the built-in Date: edges of days, months, leap days and centuries, both sides of 1970. */
function sampleTimes(): number[] {
  const times = [0, -1, 1, -0.5, 0.5, 86_399_999, 86_400_000, -86_400_000, -86_400_001, 8.64e15, -8.64e15];
  for (const [y, m, d] of [[2000, 1, 29], [2000, 2, 1], [1900, 1, 28], [1900, 2, 1], [2100, 1, 28], [2100, 2, 1], [1969, 11, 31], [1600, 0, 1], [-1, 11, 31], [2024, 1, 29], [2023, 11, 31]] as const) {
    const t = Date.UTC(y, m, d);
    times.push(t, t - 1, t + 1, t + 43_200_000);
  }
  // A deterministic spread over ±300 years.
  let state = 12_345;
  for (let i = 0; i < 20_000; i++) {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    times.push(Math.round((state / 2_147_483_648 - 0.5) * 2 * 300 * 365.25 * 86_400_000));
  }
  return times;
}

describe("UTC calendar fields without Date", () => {
  test("weekday, year and month agree with Date for every sample", () => {
    for (const t of sampleTimes()) {
      const date = new Date(t);
      expect(utcWeekday(t), `weekday of ${t}`).toBe(date.getUTCDay());
      expect(utcYearMonth(t), `month of ${t}`).toBe(date.getUTCFullYear() * 12 + date.getUTCMonth());
      expect(utcYear(t), `year of ${t}`).toBe(date.getUTCFullYear());
    }
  });

  test("known days: 1970-01-01 is a Thursday, 2024-02-29 a Thursday, 2000-01-01 a Saturday", () => {
    expect(utcWeekday(0)).toBe(4);
    expect(utcWeekday(Date.parse("2024-02-29T23:59:59.999Z"))).toBe(4);
    expect(utcWeekday(Date.parse("2000-01-01T00:00:00Z"))).toBe(6);
    expect(utcDayNumber(Date.parse("1970-01-02T00:00:00Z"))).toBe(1);
    expect(utcDayNumber(-1)).toBe(-1);
  });

  test("times outside Date's range give NaN, like an invalid Date", () => {
    expect(utcWeekday(8.64e15 + 1)).toBeNaN();
    expect(utcYearMonth(Number.NaN)).toBeNaN();
  });
});
