// The report's three ways of writing a time, from one ISO text: CSV (isoTime), run.json (isoTimeOrNull) and the
// report's tables (formatTime: space for "T", no milliseconds).
import { describe, expect, test } from "bun:test";
import { formatStatistic, formatTime } from "./format-statistic.ts";
import { isoTime, isoTimeOrNull } from "./iso-time.ts";
import { equityToCsv } from "./to-csv.ts";

// 2004-08-19 13:05:09.007 UTC, worked out from the calendar: 12 649 days after 1970-01-01 (34 years with 8 leap days, then 231 days into 2004).
const T = 12_649 * 86_400_000 + ((13 * 60 + 5) * 60 + 9) * 1000 + 7;

describe("isoTime, isoTimeOrNull and formatTime", () => {
  test("a date: ISO 8601 UTC with milliseconds; formatted with a space and whole seconds", () => {
    expect(isoTime(T)).toBe("2004-08-19T13:05:09.007Z");
    expect(isoTimeOrNull(T)).toBe("2004-08-19T13:05:09.007Z");
    expect(formatTime(T)).toBe("2004-08-19 13:05:09");
    expect(formatStatistic(T, "time")).toBe("2004-08-19 13:05:09");
    expect(formatTime(-1)).toBe("1969-12-31 23:59:59");
  });

  test("not a date: null for run.json; a RangeError for CSV and formatTime (formatStatistic shows a dash first)", () => {
    for (const bad of [Number.NaN, Number.POSITIVE_INFINITY, 8.64e15 + 1]) {
      expect(isoTimeOrNull(bad)).toBeNull();
      expect(() => isoTime(bad)).toThrow(RangeError);
      expect(() => formatTime(bad)).toThrow(RangeError);
    }
    expect(() => equityToCsv([Number.NaN], [1])).toThrow(RangeError);
    expect(formatStatistic(Number.NaN, "time")).toBe("—");
  });
});
