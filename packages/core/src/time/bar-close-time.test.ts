import { expect, test } from "bun:test";
import { isArgoError } from "../errors/is-argo-error.ts";
import { barCloseTime } from "./bar-close-time.ts";

const utc = (y: number, m: number, d: number, h = 0) => Date.UTC(y, m - 1, d, h);

test("a monthly bar closes when the next month opens, whatever the month's length", () => {
  expect(barCloseTime(utc(2024, 2, 1), "1M")).toBe(utc(2024, 3, 1)); // 29 days (leap year)
  expect(barCloseTime(utc(2023, 2, 1), "1M")).toBe(utc(2023, 3, 1)); // 28 days
  expect(barCloseTime(utc(2024, 1, 1), "1M")).toBe(utc(2024, 2, 1)); // 31 days
  expect(barCloseTime(utc(2024, 11, 1), "3M")).toBe(utc(2025, 2, 1)); // across a year
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
