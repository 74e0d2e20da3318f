import { describe, expect, test } from "bun:test";
import { parseIsoTime } from "./parse-iso-time.ts";

describe("parseIsoTime", () => {
  test("dates and date-times without a zone are UTC", () => {
    expect(parseIsoTime("2004-08-19")).toBe(Date.UTC(2004, 7, 19));
    expect(parseIsoTime("2017-04-19 09:00:00")).toBe(Date.UTC(2017, 3, 19, 9));
    expect(parseIsoTime("2017-04-19T09:30")).toBe(Date.UTC(2017, 3, 19, 9, 30));
    expect(parseIsoTime("2017-04-19T09:30:15.25")).toBe(Date.UTC(2017, 3, 19, 9, 30, 15, 250));
  });

  test("a zone designator is honoured", () => {
    expect(parseIsoTime("2024-01-01T00:00:00Z")).toBe(Date.UTC(2024, 0, 1));
    expect(parseIsoTime("2024-01-01T10:00:00+02:00")).toBe(Date.UTC(2024, 0, 1, 8));
    expect(parseIsoTime("2024-01-01T10:00:00-0530")).toBe(Date.UTC(2024, 0, 1, 15, 30));
  });

  test("impossible or foreign text is undefined", () => {
    for (const text of ["", "abc", "2024-02-30", "2023-02-29", "2024-13-01", "2024-01-01 24:00", "01/02/2024", "1704067200000"]) {
      expect(parseIsoTime(text)).toBeUndefined();
    }
    expect(parseIsoTime("2024-02-29")).toBe(Date.UTC(2024, 1, 29));
  });
});
