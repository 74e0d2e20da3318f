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
    expect(parseIsoTime("2024-01-01T10:00:00+23:59")).toBe(Date.UTC(2024, 0, 1, 10) - (23 * 60 + 59) * 60_000);
  });

  test("a zone offset out of range is undefined, as an hour of 24 is", () => {
    for (const text of ["2024-01-27T09:30:00+99:99", "2024-01-27T09:30:00-9999", "2024-01-27T09:30:00+24:00", "2024-01-27T09:30:00+05:60"]) {
      expect(parseIsoTime(text)).toBeUndefined();
    }
  });

  test("impossible or foreign text is undefined", () => {
    for (const text of ["", "abc", "2024-02-30", "2023-02-29", "2024-13-01", "2024-01-01 24:00", "01/02/2024", "1704067200000"]) {
      expect(parseIsoTime(text)).toBeUndefined();
    }
    expect(parseIsoTime("2024-02-29")).toBe(Date.UTC(2024, 1, 29));
  });

  test("years below 1000 are taken as written, not as 19xx", () => {
    // Date.parse reads a full ISO date-time with "Z" and a four-digit year exactly: an independent reference.
    const exact = (iso: string) => Date.parse(`${iso}Z`);
    expect(exact("0000-01-01T00:00:00.000")).toBe(-62_167_219_200_000);
    for (const iso of ["0999-03-04T00:00:00.000", "0099-03-04T00:00:00.000", "0001-01-01T10:20:30.400", "0000-02-29T00:00:00.000", "0050-12-31T23:59:59.999"]) {
      expect(parseIsoTime(iso)).toBe(exact(iso));
      expect(parseIsoTime(iso.slice(0, 10))).toBe(exact(`${iso.slice(0, 10)}T00:00:00.000`));
    }
    expect(new Date(parseIsoTime("0099-03-04")!).getUTCFullYear()).toBe(99);
    expect(parseIsoTime("0001-01-01T10:00:00+02:00")).toBe(exact("0001-01-01T08:00:00.000"));
    // Gregorian leap years: 0 and 4 are, 100 is not.
    expect(parseIsoTime("0004-02-29")).toBe(exact("0004-02-29T00:00:00.000"));
    expect(parseIsoTime("0100-02-29")).toBeUndefined();
    expect(parseIsoTime("0100-02-28")).toBe(exact("0100-02-28T00:00:00.000"));
  });

  test("the plain forms (read digit by digit) give what their fuller spellings (read by the expression) give", () => {
    const pad = (n: number, w = 2) => String(n).padStart(w, "0");
    for (let time = Date.UTC(1999, 11, 25); time < Date.UTC(2001, 2, 5); time += 7_919_000) {
      const d = new Date(time);
      const date = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
      const hm = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
      const hms = `${hm}:${pad(d.getUTCSeconds())}`;
      expect(parseIsoTime(`${date} ${hms}`)).toBe(parseIsoTime(`${date}T${hms}.000Z`)!);
      expect(parseIsoTime(`${date}T${hms}`)).toBe(time - d.getUTCMilliseconds());
      expect(parseIsoTime(`${date} ${hm}`)).toBe(parseIsoTime(`${date}T${hm}:00+00:00`)!);
      expect(parseIsoTime(date)).toBe(parseIsoTime(`${date}T00:00:00.0Z`)!);
    }
    // Near misses of the plain forms are refused, and padding still goes through the expression.
    for (const text of ["2024-01-0a", "2024/01/01", "2024-01-01_09:30", "2024-01-01 09:3x", "2024-01-01 09:30:0x", "2024-01-01 09-30", "+024-01-01"]) {
      expect(parseIsoTime(text)).toBeUndefined();
    }
    expect(parseIsoTime(" 2024-01-01 ")).toBe(Date.UTC(2024, 0, 1));
  });

  test("dates from 1000 on parse as Date.UTC reads them, day by day across leap years and centuries", () => {
    const DAY = 86_400_000;
    // Nearly every day of 1896–1904 and 1996–2004 (leap-year and century edges), at a time of day that drifts.
    for (const start of [Date.UTC(1896, 0, 1), Date.UTC(1996, 0, 1)]) {
      for (let time = start; time < start + 9 * 366 * DAY; time += DAY + 3_723_004) {
        const d = new Date(time);
        const pad = (n: number, w = 2) => String(n).padStart(w, "0");
        const text = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}.${pad(d.getUTCMilliseconds(), 3)}`;
        expect(parseIsoTime(text)).toBe(time);
      }
    }
    expect(parseIsoTime("1000-01-01")).toBe(Date.UTC(1000, 0, 1));
    expect(parseIsoTime("9999-12-31T23:59:59.999Z")).toBe(Date.UTC(9999, 11, 31, 23, 59, 59, 999));
    expect(parseIsoTime("1969-12-31T23:59:59.999")).toBe(-1);
  });
});
