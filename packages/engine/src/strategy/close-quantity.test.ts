import { describe, expect, test } from "bun:test";
import { closeQuantity } from "./close-quantity.ts";

describe("closeQuantity", () => {
  test("nothing working: the position as the venue gave it", () => {
    expect(closeQuantity(7, 0)).toBe(7);
    expect(closeQuantity(0.1 + 0.2, 0)).toBe(0.1 + 0.2);
  });

  test("decimals whose float difference is at or above the decimal one: the exact decimal difference", () => {
    expect(closeQuantity(7, 3)).toBe(4);
    expect(closeQuantity(4, 1.5)).toBe(2.5);
    // 0.4 − 0.1 is 0.30000000000000004 in floats: 0.3 is below it.
    expect(0.4 - 0.1).toBeGreaterThan(0.3);
    expect(closeQuantity(0.4, 0.1)).toBe(0.3);
    expect(closeQuantity(1234.56789, 0.001)).toBe(1234.56689);
    // Eight decimals on a large quantity (16 significant digits) stay exact.
    expect(closeQuantity(12345678.12345678, 0.00000001)).toBe(12345678.12345677);
  });

  test("float difference below the decimal one: 12 significant digits, never above the float difference", () => {
    // 0.3 − 0.1 is 0.19999999999999998: 0.2 would be above what a float venue holds free; one 12th-digit unit lower.
    expect(0.3 - 0.1).toBeLessThan(0.2);
    expect(closeQuantity(0.3, 0.1)).toBe(0.199999999999);
    // 0.7 − 0.2 = 0.49999999999999994; 1 − 0.9 = 0.09999999999999998 (rounds up to 0.1, a power of ten: one unit below).
    expect(closeQuantity(0.7, 0.2)).toBe(0.499999999999);
    expect(closeQuantity(1, 0.9)).toBe(0.099999999999);
  });

  test("quantities that are float sums themselves: 12 significant digits, never above what is left", () => {
    const held = 0.1 + 0.2; // 0.30000000000000004
    // 0.30000000000000004 − 0.1 = 0.20000000000000004: 12 digits round down to 0.2.
    expect(closeQuantity(held, 0.1)).toBe(0.2);
    // 0.30000000000000004 − 0.1765432109874 = 0.12345678901260004: 12 digits would round up to 0.123456789013.
    expect(closeQuantity(held, 0.1765432109874)).toBe(0.123456789012);
  });

  test("never more than the float difference, over many random decimal pairs", () => {
    let seed = 7;
    const next = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    for (let i = 0; i < 5000; i++) {
      const held = Number((next() * 1000).toFixed(1 + (i % 8)));
      const working = Number((next() * held).toFixed(1 + ((i >> 3) % 8)));
      if (!(held > working)) continue;
      const out = closeQuantity(held, working);
      expect(out).toBeLessThanOrEqual(held - working);
      // And no further below it than the 12th significant digit.
      expect(held - working - out).toBeLessThanOrEqual((held - working) * 1e-11);
    }
  });
});
