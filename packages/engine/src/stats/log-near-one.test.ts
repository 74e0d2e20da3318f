import { describe, expect, test } from "bun:test";
import { prng as random } from "../test-fixtures/bars.ts";
import { logNearOne } from "./log-near-one.ts";

/** Distance in units in the last place between two finite doubles of the same sign. */
function ulps(a: number, b: number): number {
  const view = new Float64Array([a, b]);
  const bits = new BigInt64Array(view.buffer);
  const d = bits[0]! - bits[1]!;
  return Number(d < 0n ? -d : d);
}

// ln(x) of these doubles, correctly rounded from 80-digit decimal arithmetic (Python's decimal.Decimal(x).ln()).
const REFERENCE: [number, number][] = [
  [1.001, 0.0009995003330834232],
  [0.999, -0.0010005003335835344],
  [1.0078125, 0.007782140442054949], // 1 + 2^-7, the edge of the series
  [0.9921875, -0.007843177461025893], // 1 − 2^-7
  [1.00000001, 9.999999889225291e-9],
  [1.0000000000000002, 2.2204460492503128e-16], // the next double after 1
  [0.9999999999999999, -1.1102230246251565e-16], // the double before 1
  [1.005, 0.004987541511038968],
  [0.995, -0.005012541823544286],
  [1.0000123456789, 1.2345602692805456e-5],
  [1.0071, 0.007074913671961985],
  [0.9929, -0.007125324942588627],
];

describe("logNearOne", () => {
  test("is within one ulp of the correctly rounded logarithm near 1", () => {
    for (const [x, ln] of REFERENCE) expect(ulps(logNearOne(x), ln)).toBeLessThanOrEqual(1);
  });

  test("agrees with Math.log to one ulp across the series band, and exactly in nearly every case", () => {
    const next = random(7);
    let differ = 0;
    let worst = 0;
    const samples = 200_000;
    for (let i = 0; i < samples; i++) {
      // Ratios as the statistics form them: a quotient of two nearby prices, up to 2^-7 apart.
      const x = (100 + (next() - 0.5) * 1.56) / 100;
      const [fast, exact] = [logNearOne(x), Math.log(x)];
      if (fast === exact) continue;
      differ++;
      worst = Math.max(worst, ulps(fast, exact));
    }
    expect(worst).toBeLessThanOrEqual(1);
    expect(differ / samples).toBeLessThan(0.01);
  });

  test("outside the band it is Math.log itself, large ratios included", () => {
    const next = random(11);
    const xs = [1.0078125000000002, 0.9921874999999999, 1.01, 0.99, 2, 0.5, 1e300, 1e-300, Number.MIN_VALUE, Number.MAX_VALUE];
    for (let i = 0; i < 1000; i++) xs.push(Math.exp((next() - 0.5) * 20));
    for (const x of xs) if (Math.abs(x - 1) > 2 ** -7) expect(logNearOne(x)).toBe(Math.log(x));
  });

  test("edge cases: 1, zero, negative, NaN and infinities", () => {
    expect(Object.is(logNearOne(1), 0)).toBe(true);
    expect(logNearOne(0)).toBe(-Infinity);
    expect(logNearOne(-0)).toBe(-Infinity);
    expect(logNearOne(-1)).toBeNaN();
    expect(logNearOne(-0.995)).toBeNaN();
    expect(logNearOne(Number.NaN)).toBeNaN();
    expect(logNearOne(Infinity)).toBe(Infinity);
    expect(logNearOne(-Infinity)).toBeNaN();
  });
});
