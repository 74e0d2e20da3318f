import { describe, expect, test } from "bun:test";
import { floorToLot } from "./lot-floor.ts";

describe("floorToLot", () => {
  test("rounds down to the step, to the step's decimals", () => {
    expect(floorToLot(6.50349650349, 1, 10)).toBe(6);
    expect(floorToLot(2.74999999999, 0.001, 10)).toBe(2.75); // 12-digit noise of 2.75: a whole lot
    expect(floorToLot(2.7494, 0.001, 10)).toBe(2.749);
    expect(floorToLot(0.7, 0.1, 10)).toBe(0.7); // 0.7 / 0.1 = 6.999999999999999, still 7 lots
    expect(floorToLot(12.7, 5, 100)).toBe(10);
    expect(floorToLot(0.99, 1, 10)).toBe(0);
  });

  test("without a step, to the decimals of the position", () => {
    expect(floorToLot(2.99999999999, 0, 10.25)).toBe(3);
    expect(floorToLot(2.987, 0, 10.25)).toBe(2.98);
    expect(floorToLot(6.5, 0, 10)).toBe(6);
    expect(floorToLot(0.000001234, 0, 1.5e-7)).toBe(0.00000123); // 1.5e-7 has 8 decimals
  });

  test("never more than a tenth of a billionth of a lot above what it is given", () => {
    for (const [q, step] of [[7.3, 0.01], [123.456, 0.001], [5.55, 0.05], [9.999999, 1]] as const) {
      const lots = floorToLot(q, step, 1);
      expect(lots).toBeLessThanOrEqual(q * (1 + 1e-10) + step * 1e-9);
      expect(lots).toBeGreaterThan(q - step);
    }
  });
});
