import { describe, expect, test } from "bun:test";
import { floorToLot, snapToHeldDecimals } from "./lot-floor.ts";

describe("floorToLot", () => {
  test("rounds down to the step, to the step's decimals", () => {
    expect(floorToLot(6.50349650349, 1, 10)).toBe(6);
    expect(floorToLot(10 - 7.250000000000001, 0.001, 10)).toBe(2.75); // the subtraction's float error: a whole lot
    expect(floorToLot(2.7494, 0.001, 10)).toBe(2.749);
    expect(floorToLot(0.7, 0.1, 10)).toBe(0.7); // 0.7 / 0.1 = 6.999999999999999, still 7 lots
    expect(floorToLot(12.7, 5, 100)).toBe(10);
    expect(floorToLot(0.99, 1, 10)).toBe(0);
  });

  test("a large position in satoshi lots never rounds up past what is free", () => {
    // By hand: 150 − 49.99999999734 = 100.00000000266, 1e10 whole lots of 1e-8 and 0.266 of one: the floor is 100.
    expect(floorToLot(150 - 49.99999999734, 1e-8, 150)).toBe(100);
    expect(floorToLot(1000.0000000041, 1e-8, 1500)).toBe(1000);
    expect(floorToLot(10000.00000000049, 1e-8, 12000)).toBe(10000);
  });

  test("never above what it is given by more than the subtraction's float error", () => {
    const cases: Array<[number, number, number]> = [[7.3, 0.01, 10], [123.456, 0.001, 200], [5.55, 0.05, 6], [9.999999, 1, 10], [100.00000000266, 1e-8, 150], [2.74999999999, 0.001, 10]];
    for (const [free, step, held] of cases) {
      const lots = floorToLot(free, step, held);
      expect(lots).toBeLessThanOrEqual(free + 4 * Number.EPSILON * held);
      expect(lots).toBeGreaterThan(free - step);
    }
  });
});

describe("snapToHeldDecimals (no step stated)", () => {
  test("nothing is floored: only 12-digit noise beside the position's decimals is snapped", () => {
    expect(snapToHeldDecimals(2.99999999999, 10.25)).toBe(3);
    expect(snapToHeldDecimals(0.6, 1)).toBe(0.6); // a venue trading tenths takes it; the position's decimals say nothing of its grid
    expect(snapToHeldDecimals(2.0877, 2.5)).toBe(2.0877);
    expect(snapToHeldDecimals(1234.5600004, 2469.12345678)).toBe(1234.5600004);
    expect(snapToHeldDecimals(0.00000123, 1.5e-7)).toBe(0.00000123);
  });
});
