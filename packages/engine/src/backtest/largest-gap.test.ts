import { expect, test } from "bun:test";
import { largestGap } from "./largest-gap.ts";

test("the longest time between consecutive steps, the first of equal ones; none with fewer than two", () => {
  expect(largestGap([1, 3, 10, 12, 19])).toEqual({ from: 3, to: 10 });
  expect(largestGap(new Float64Array([0, 5, 10]))).toEqual({ from: 0, to: 5 });
  expect(largestGap([7])).toBeUndefined();
  expect(largestGap([])).toBeUndefined();
});
