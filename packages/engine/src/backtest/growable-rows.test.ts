import { describe, expect, test } from "bun:test";
import { GrowableRows } from "./growable-rows.ts";

describe("GrowableRows", () => {
  test("rows of three keep their values in order across growth, each field a column", () => {
    const rows = new GrowableRows(3, 16);
    for (let i = 0; i < 100; i++) rows.push(i, i * 2, -i);
    expect(rows.length).toBe(100);
    expect(Array.from(rows.column(0))).toEqual(Array.from({ length: 100 }, (_, i) => i));
    expect(Array.from(rows.column(1))).toEqual(Array.from({ length: 100 }, (_, i) => i * 2));
    expect(Array.from(rows.column(2))).toEqual(Array.from({ length: 100 }, (_, i) => -i));
  });

  test("rows of five take all five values; a value left out is NaN", () => {
    const rows = new GrowableRows(5);
    rows.push(1, 2, 3, 4, 5);
    rows.push(6, 7, 8);
    expect([0, 1, 2, 3, 4].map((f) => Array.from(rows.column(f)))).toEqual([[1, 6], [2, 7], [3, 8], [4, Number.NaN], [5, Number.NaN]]);
  });

  test("set replaces one value; a column is a view up to the rows written when it was taken; reserve keeps what is there", () => {
    const rows = new GrowableRows(3, 16);
    rows.push(1, 10, 100);
    rows.push(2, 20, 200);
    rows.set(1, 1, 21);
    const before = rows.column(1);
    rows.reserve(10_000);
    rows.push(3, 30, 300);
    expect(Array.from(before)).toEqual([10, 21]);
    expect(Array.from(rows.column(1))).toEqual([10, 21, 30]);
  });
});
