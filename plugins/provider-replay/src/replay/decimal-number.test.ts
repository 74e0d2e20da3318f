import { describe, expect, test } from "bun:test";
import { mayHoldNonDecimal, parseDecimal } from "./decimal-number.ts";

describe("parseDecimal", () => {
  test("reads decimal numbers: sign, fraction, a leading or trailing dot, exponent, leading zeros, blanks around", () => {
    const cases: Array<[string, number]> = [
      ["10", 10], ["-1.5", -1.5], ["+2", 2], [".5", 0.5], ["-.5", -0.5], ["5.", 5], ["1e3", 1000], ["1.5E-2", 0.015],
      ["2e+1", 20], ["0", 0], ["0.25", 0.25], ["0e5", 0], ["007", 7], [" 10 ", 10], ["\t7\t", 7],
    ];
    for (const [text, expected] of cases) expect([text, parseDecimal(text)]).toEqual([text, expected]);
  });

  test("refuses what Number() reads but no data file means: hex, binary, octal, blank", () => {
    for (const text of ["0x10", "0X1F", "0b11", "0B1", "0o7", "0O7", " 0x10", "\t0b1", "", "  ", "\t"]) {
      expect([text, parseDecimal(text)]).toEqual([text, Number.NaN]);
    }
  });

  test("refuses infinities, NaN and malformed text", () => {
    for (const text of ["Infinity", "-Infinity", "+Infinity", "NaN", "1 0", "1,5", "1_000", "e5", ".", "+", "-", "1e", "--1", "1e1.5", "0x", "-0x10", "12abc"]) {
      expect([text, parseDecimal(text)]).toEqual([text, Number.NaN]);
    }
  });

  test("checkForm false trusts the form (the line was cleared) but still refuses blanks and infinities", () => {
    expect([parseDecimal("12.5", false), parseDecimal("", false), parseDecimal(" ", false), parseDecimal("Infinity", false)]).toEqual([12.5, Number.NaN, Number.NaN, Number.NaN]);
  });
});

describe("mayHoldNonDecimal", () => {
  test("true for a line with a 0 and x, b or o in either case, false for plain bar rows", () => {
    for (const line of ["2024-01-01,0x10,2,1,1,5", "1,2,0B1", "a,0o7", "t,0X1F"]) expect([line, mayHoldNonDecimal(line)]).toEqual([line, true]);
    for (const line of ["2024-01-01 09:30:00,100.5,101,99.25,100,1000", "2024-01-01T09:30:00Z,1e3,2E3,5,7,0", "1704067200,10,11,9,10,100"]) {
      expect([line, mayHoldNonDecimal(line)]).toEqual([line, false]);
    }
  });
});
