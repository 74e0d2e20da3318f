import { describe, expect, test } from "bun:test";
import { utcDayEnd, utcDayNumber } from "./utc-calendar.ts";
import { utcDayRuns } from "./utc-day-runs.ts";

const DAY = 86_400_000;
const MAX_TIME = 8.64e15;

/** Run starts by the definition: a bar starts a run when its day number differs from the previous bar's (NaN always does). */
function naiveRuns(times: readonly number[]): number[] {
  const starts: number[] = [];
  for (let i = 0; i < times.length; i++) {
    if (i === 0 || !(utcDayNumber(times[i]!) === utcDayNumber(times[i - 1]!))) starts.push(i);
  }
  starts.push(times.length);
  return starts;
}

describe("utcDayEnd", () => {
  test("is the next UTC midnight for times from 1970 on, per Date", () => {
    for (const iso of ["1970-01-01T00:00:00.000Z", "2024-02-28T23:59:59.999Z", "2024-02-29T12:00:00Z", "2023-12-31T23:00:00Z"]) {
      const time = Date.parse(iso);
      const date = new Date(time);
      expect(utcDayEnd(time), iso).toBe(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate() + 1));
    }
    expect(utcDayEnd(12.5)).toBe(DAY);
    expect(utcDayEnd(DAY - 0.5)).toBe(DAY);
  });

  test("every time up to the end it gives has the same day number, the end itself the next", () => {
    let state = 99;
    for (let k = 0; k < 2_000; k++) {
      state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
      const time = (state / 2_147_483_648) * 400 * 365 * DAY;
      const end = utcDayEnd(time);
      expect(end).toBeGreaterThan(time);
      for (const t of [time, (time + end) / 2, end - 1, end - 0.25]) expect(utcDayNumber(t)).toBe(utcDayNumber(time));
      expect(utcDayNumber(end)).toBe(utcDayNumber(time) + 1);
    }
  });

  test("an empty range (the time itself) before 1970, at the end of Date's range, for NaN and infinities", () => {
    for (const time of [-1, -0.5, -DAY, MAX_TIME, MAX_TIME + 1, Number.NaN, Infinity, -Infinity]) {
      expect(Object.is(utcDayEnd(time), time), `${time}`).toBe(true);
    }
    // The last day inside Date's range still ends at its midnight, which is the end of the range.
    expect(utcDayEnd(MAX_TIME - 1)).toBe(MAX_TIME);
  });
});

describe("utcDayRuns", () => {
  test("minute bars over several days start a run at each midnight", () => {
    const start = Date.UTC(2024, 0, 1, 22, 0);
    const times = Array.from({ length: 3 * 1440 }, (_, i) => start + i * 60_000);
    // 2 hours to the first midnight, then whole days.
    expect(utcDayRuns(times)).toEqual([0, 120, 120 + 1440, 120 + 2 * 1440, times.length]);
  });

  test("agrees with the bar-by-bar definition, also for unsorted, fractional, pre-1970 and invalid times", () => {
    const cases: number[][] = [
      [],
      [5],
      [Number.NaN, Number.NaN, 1, 2],
      [DAY - 1, DAY - 0.5, DAY, DAY + 1, DAY - 1, 3 * DAY],
      [-DAY - 1, -DAY, -1, -0.5, 0, 0.5, 1],
      [2 * DAY, DAY, DAY + 5, 2 * DAY + 5, 2 * DAY - 5],
      [MAX_TIME - 1, MAX_TIME, MAX_TIME + 1, Infinity, -Infinity],
    ];
    let state = 7;
    const random: number[] = [];
    for (let i = 0; i < 5_000; i++) {
      state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
      random.push(Date.UTC(2020, 0, 1) + (state % 20) * 7_200_000 * (i % 3 === 0 ? -1 : 1) + i * 3_600_000);
    }
    cases.push(random);
    for (const times of cases) expect(utcDayRuns(times), JSON.stringify(times.slice(0, 8))).toEqual(naiveRuns(times));
  });
});
