import { expect, test } from "bun:test";
import { isArgoError } from "../errors/is-argo-error.ts";
import { barCloseTime } from "./bar-close-time.ts";
import { BarCloser } from "./bar-closer.ts";

const utc = (y: number, m: number, d: number, h = 0) => Date.UTC(y, m - 1, d, h);

test("gives barCloseTime's close for every interval, switching between them in any order", () => {
  const closer = new BarCloser();
  const cases: Array<[number, string]> = [
    [utc(2024, 1, 31), "1M"], [utc(2024, 1, 31), "1m"], [utc(2024, 1, 31), "1M"], [utc(2024, 2, 29), "1M"],
    [utc(2024, 3, 1, 5), "1h"], [utc(2024, 3, 1, 5), "4h"], [utc(2024, 3, 1, 5), "1h"], [utc(2024, 11, 30), "3M"],
    [utc(2024, 3, 2), "1d"], [utc(2024, 3, 4), "1w"], [utc(2023, 1, 31, 12), "1M"],
  ];
  for (const [openTime, interval] of cases) expect([interval, closer.closeTime(openTime, interval)]).toEqual([interval, barCloseTime(openTime, interval)]);
  // Spot checks that the comparison is not of two wrong answers: a month-end bar and a fixed one.
  expect(closer.closeTime(utc(2012, 1, 31), "1M")).toBe(utc(2012, 2, 29));
  expect(closer.closeTime(utc(2024, 3, 1, 5), "4h")).toBe(utc(2024, 3, 1, 9));
});

test("a malformed interval is refused every time, and the intervals before it keep working", () => {
  const closer = new BarCloser();
  expect(closer.closeTime(utc(2024, 1, 1), "1h")).toBe(utc(2024, 1, 1, 1));
  for (let i = 0; i < 2; i++) {
    let error: unknown;
    try {
      closer.closeTime(utc(2024, 1, 1), "7x");
    } catch (caught) {
      error = caught;
    }
    expect(isArgoError(error, "INVALID_CONFIGURATION")).toBe(true);
  }
  expect(closer.closeTime(utc(2024, 1, 1), "1h")).toBe(utc(2024, 1, 1, 1));
});
