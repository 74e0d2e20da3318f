import { describe, expect, test } from "bun:test";
import { closeQuantity, closeRoom } from "./close-quantity.ts";

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
    // 1234.56789 − 0.001: 1234.56789 less one thousandth is 1234.56689.
    expect(closeQuantity(1234.56789, 0.001)).toBe(1234.56689);
    // Eight decimals on a large quantity (16 significant digits) stay exact.
    expect(closeQuantity(12345678.12345678, 0.00000001)).toBe(12345678.12345677);
  });

  test("decimals whose float difference is below the decimal one: still the exact decimal, a hair above the float one", () => {
    // 0.3 − 0.1 is 0.19999999999999998 in floats; the decimal a venue keeps free is 0.2.
    expect(0.3 - 0.1).toBeLessThan(0.2);
    expect(closeQuantity(0.3, 0.1)).toBe(0.2);
    // 0.7 − 0.2 = 0.49999999999999994 → 0.5; 1 − 0.9 = 0.09999999999999998 → 0.1.
    expect(0.7 - 0.2).toBeLessThan(0.5);
    expect(closeQuantity(0.7, 0.2)).toBe(0.5);
    expect(1 - 0.9).toBeLessThan(0.1);
    expect(closeQuantity(1, 0.9)).toBe(0.1);
    // 2.3 − 0.8 = 1.4999999999999998 → 1.5; 0.00030 − 0.00010 BTC (satoshi-sized decimals) → 0.0002.
    expect(2.3 - 0.8).toBeLessThan(1.5);
    expect(closeQuantity(2.3, 0.8)).toBe(1.5);
    expect(closeQuantity(0.0003, 0.0001)).toBe(0.0002);
  });

  test("orders of unknown size working (NaN): NaN, which signal.ts reads as no room", () => {
    expect(closeQuantity(0.3, Number.NaN)).toBeNaN();
  });

  test("quantities that are float sums themselves: 12 significant digits, never above what is left", () => {
    const held = 0.1 + 0.2; // 0.30000000000000004
    // 0.30000000000000004 − 0.1 = 0.20000000000000004: 12 digits round down to 0.2.
    expect(closeQuantity(held, 0.1)).toBe(0.2);
    // 0.30000000000000004 − 0.1765432109874 = 0.12345678901260004: 12 digits would round up to 0.123456789013.
    expect(closeQuantity(held, 0.1765432109874)).toBe(0.123456789012);
  });

  test("the exact decimal difference over many random decimal pairs, within the float noise of the position", () => {
    let seed = 7;
    const next = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    for (let i = 0; i < 5000; i++) {
      const heldDecimals = 1 + (i % 8);
      const workingDecimals = 1 + ((i >> 3) % 8);
      const held = Number((next() * 1000).toFixed(heldDecimals));
      const working = Number((next() * held).toFixed(workingDecimals));
      if (!(held > working)) continue;
      // Independently: both as whole units of the finer decimal, subtracted as integers, then scaled back (one rounding).
      const d = Math.max(heldDecimals, workingDecimals);
      const units = BigInt(held.toFixed(d).replace(".", "")) - BigInt(working.toFixed(d).replace(".", ""));
      const exact = Number(units) / 10 ** d;
      const out = closeQuantity(held, working);
      expect(out).toBe(exact);
      // Off the float difference by float noise only: far inside the 1e-12 of the position the paper venue tolerates.
      expect(Math.abs(out - (held - working))).toBeLessThanOrEqual(held * 4 * Number.EPSILON);
    }
  });
});

describe("closeRoom", () => {
  test("undefined when working orders cover the position, up to float noise, or are of unknown size; else the exact rest", () => {
    expect(closeRoom(0.3, 0.3)).toBeUndefined();
    expect(closeRoom(0.3, 0.1 + 0.2)).toBeUndefined(); // 0.30000000000000004 working: more than held
    expect(closeRoom(1, 1 - 1e-12)).toBeUndefined(); // a rest of 1e-12 is float noise of partial fills, not a close
    expect(closeRoom(1, Number.NaN)).toBeUndefined();
    expect(closeRoom(0.3, 0.1)).toBe(0.2);
    expect(closeRoom(5, 0)).toBe(5);
  });
});

describe("closeRoom and satoshi lots", () => {
  test("9 satoshi free of 100 BTC is a close of 9e-8, not noise; an ulp's residue is still covered", () => {
    // 100 − 99.99999991 = 0.00000009 (nine lots of 1e-8), above the 1e-12 noise bound (1e-10 here).
    expect(closeRoom(100, 99.99999991)).toBe(0.00000009);
    // What a float sum leaves past the decimal: 1e-14 of 100 is noise, the position is covered.
    expect(closeRoom(100, 100 - 1e-14)).toBeUndefined();
  });
});
