import { expect, test } from "bun:test";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { isArgoError } from "../errors/is-argo-error.ts";
import { barCloseTime } from "./bar-close-time.ts";

const utc = (y: number, m: number, d: number, h = 0) => Date.UTC(y, m - 1, d, h);

test("a monthly bar closes when the next month opens, whatever the month's length", () => {
  expect(barCloseTime(utc(2024, 2, 1), "1M")).toBe(utc(2024, 3, 1)); // 29 days (leap year)
  expect(barCloseTime(utc(2023, 2, 1), "1M")).toBe(utc(2023, 3, 1)); // 28 days
  expect(barCloseTime(utc(2024, 1, 1), "1M")).toBe(utc(2024, 2, 1)); // 31 days
  expect(barCloseTime(utc(2024, 11, 1), "3M")).toBe(utc(2025, 2, 1)); // across a year
});

test("a monthly bar dated on a month's last day closes on the last day of the next month, never after it", () => {
  expect(barCloseTime(utc(2012, 1, 31), "1M")).toBe(utc(2012, 2, 29));
  expect(barCloseTime(utc(2012, 2, 29), "1M")).toBe(utc(2012, 3, 31));
  expect(barCloseTime(utc(2012, 3, 31), "1M")).toBe(utc(2012, 4, 30));
  expect(barCloseTime(utc(2023, 1, 31, 12), "1M")).toBe(utc(2023, 2, 28, 12));
  expect(barCloseTime(utc(2024, 11, 30), "3M")).toBe(utc(2025, 2, 28));
  // Not a month end: the same day, or the later month's last day when it has no such day.
  expect(barCloseTime(utc(2024, 1, 30), "1M")).toBe(utc(2024, 2, 29));
  expect(barCloseTime(utc(2024, 2, 15), "1M")).toBe(utc(2024, 3, 15));
});

test("each month-end bar of the BTCUSD reference data closes exactly when the next one opens", () => {
  const csv = readFileSync(join(import.meta.dir, "../../../../../shared/reference/data/BTCUSD.csv"), "utf8");
  const opens = csv.trim().split("\n").slice(1).map((line) => Date.parse(`${line.slice(0, line.indexOf(","))}T00:00:00Z`));
  expect(opens.length).toBeGreaterThan(100);
  const mismatched = opens.slice(0, -1).filter((open, i) => barCloseTime(open, "1M") !== opens[i + 1]);
  expect(mismatched.map((t) => new Date(t).toISOString().slice(0, 10))).toEqual([]);
});

test("fixed intervals add their length", () => {
  expect(barCloseTime(utc(2024, 2, 28, 23), "1h")).toBe(utc(2024, 2, 29, 0));
  expect(barCloseTime(utc(2024, 2, 28), "1d")).toBe(utc(2024, 2, 29));
  expect(barCloseTime(1000, "1m")).toBe(61_000);
});

test("a bad interval is the same configuration error as everywhere else", () => {
  for (const bad of ["0M", "1x"]) {
    let caught: unknown;
    try {
      barCloseTime(0, bad);
    } catch (error) {
      caught = error;
    }
    expect(isArgoError(caught, "INVALID_CONFIGURATION")).toBe(true);
  }
});
