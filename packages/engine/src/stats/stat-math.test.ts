import { describe, expect, test } from "bun:test";
import { sign } from "./stat-math.ts";

describe("sign", () => {
  test("is Math.sign for every kind of number: signs, both zeros, NaN, infinities, the smallest values", () => {
    for (const x of [3, -3, 0, -0, Number.NaN, Infinity, -Infinity, Number.MIN_VALUE, -Number.MIN_VALUE, 1e308]) {
      expect(Object.is(sign(x), Math.sign(x)), `${x}`).toBe(true);
    }
  });
});
