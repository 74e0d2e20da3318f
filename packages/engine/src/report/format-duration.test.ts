import { describe, expect, test } from "bun:test";
import { formatDuration } from "./format-statistic.ts";

const SECOND = 1000;
const HOUR = 3600 * SECOND;
const DAY = 24 * HOUR;

describe("formatDuration", () => {
  test("prints days and a clock as pandas prints a Timedelta", () => {
    // 584 days exactly, and 2 days 3:04:05 written out by hand.
    expect(formatDuration(584 * DAY)).toBe("584 days 00:00:00");
    expect(formatDuration(2 * DAY + 3 * HOUR + 4 * 60 * SECOND + 5 * SECOND)).toBe("2 days 03:04:05");
    expect(formatDuration(0)).toBe("0 days 00:00:00");
  });

  test("a remainder that rounds up to a full day carries into the days", () => {
    // 400 ms short of a day rounds to 86,400 s: one whole day, not "0 days 24:00:00".
    expect(formatDuration(DAY - 400)).toBe("1 days 00:00:00");
    // Likewise a minute and an hour boundary: 59.6 s rounds to a whole minute.
    expect(formatDuration(59 * SECOND + 600)).toBe("0 days 00:01:00");
    expect(formatDuration(3 * DAY + HOUR - 400)).toBe("3 days 01:00:00");
  });
});
