import { expect, test } from "bun:test";
import { isArgoError } from "../errors/is-argo-error.ts";
import { intervalToMs } from "./interval.ts";

/** What intervalToMs throws for `interval` (undefined when it returns). */
function thrownBy(interval: string): unknown {
  try {
    intervalToMs(interval);
  } catch (error) {
    return error;
  }
  return undefined;
}

test("intervals convert to milliseconds", () => {
  expect(intervalToMs("1s")).toBe(1000);
  expect(intervalToMs("5m")).toBe(300_000);
  expect(intervalToMs("4h")).toBe(14_400_000);
  expect(intervalToMs("1d")).toBe(86_400_000);
  expect(intervalToMs("1w")).toBe(604_800_000);
  expect(intervalToMs("1M")).toBe(30 * 86_400_000);
});

test("a malformed interval is a configuration error naming it", () => {
  for (const bad of ["", "m", "1x", "0m", "-1h", "1.5h", "05m", "00h"]) {
    const caught = thrownBy(bad);
    expect(isArgoError(caught, "INVALID_CONFIGURATION")).toBe(true);
    expect((caught as Error).message).toContain(`"${bad}"`);
  }
});

test("an interval longer than a year is refused, naming it and the limit; a year's is not", () => {
  expect(intervalToMs("52w")).toBe(52 * 604_800_000);
  expect(intervalToMs("12M")).toBe(360 * 86_400_000);
  expect(intervalToMs("366d")).toBe(366 * 86_400_000);
  for (const long of ["367d", "53w", "13M", "100000000w", "9".repeat(400) + "s"]) {
    const caught = thrownBy(long);
    expect(isArgoError(caught, "INVALID_CONFIGURATION")).toBe(true);
    expect((caught as Error).message).toBe(`invalid interval "${long}": at most a year long (366 days, e.g. "52w" or "12M")`);
  }
});
