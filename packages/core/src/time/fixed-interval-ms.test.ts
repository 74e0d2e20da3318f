import { expect, test } from "bun:test";
import { isArgoError } from "../errors/is-argo-error.ts";
import { fixedIntervalMs } from "./fixed-interval-ms.ts";

test("fixed intervals have one length; calendar months have none", () => {
  expect(fixedIntervalMs("1m")).toBe(60_000);
  expect(fixedIntervalMs("4h")).toBe(4 * 3_600_000);
  expect(fixedIntervalMs("1w")).toBe(7 * 86_400_000);
  expect(fixedIntervalMs("1M")).toBeUndefined();
  expect(fixedIntervalMs("3M")).toBeUndefined();
});

test("a malformed interval, months included, is a configuration error naming it", () => {
  for (const bad of ["0M", "M", "1x", ""]) {
    let caught: unknown;
    try {
      fixedIntervalMs(bad);
    } catch (error) {
      caught = error;
    }
    expect(isArgoError(caught, "INVALID_CONFIGURATION")).toBe(true);
    expect((caught as Error).message).toContain(`"${bad}"`);
  }
});
