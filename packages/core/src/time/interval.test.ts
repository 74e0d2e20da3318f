import { expect, test } from "bun:test";
import { isArgoError } from "../errors/is-argo-error.ts";
import { intervalToMs } from "./interval.ts";

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
    let caught: unknown;
    try {
      intervalToMs(bad);
    } catch (error) {
      caught = error;
    }
    expect(isArgoError(caught, "INVALID_CONFIGURATION")).toBe(true);
    expect((caught as Error).message).toContain(`"${bad}"`);
  }
});
