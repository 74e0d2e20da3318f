import { expect, test } from "bun:test";
import { formatDuration } from "./format-duration.ts";

test("formatDuration writes a span in days, hours, minutes, seconds and milliseconds, leaving out zero parts", () => {
  expect(formatDuration(3_600_000)).toBe("1h");
  expect(formatDuration(90 * 60_000)).toBe("1h 30m");
  expect(formatDuration(7 * 24 * 3_600_000)).toBe("7d");
  expect(formatDuration(24 * 3_600_000 + 1500)).toBe("1d 1s 500ms");
  expect(formatDuration(250)).toBe("250ms");
  expect(formatDuration(0)).toBe("0ms");
});
