import { describe, expect, test } from "bun:test";
import { ceilToStep, floorToStep, isMultipleOf, roundToDecimals, stepDecimals } from "./step-math.ts";

/** The string round trip the venue used before: the reference every result must equal exactly (Object.is). */
const viaString = (value: number, decimals: number) => Number(value.toFixed(decimals));

/** Deterministic pseudo-random numbers in [0, 1). */
function random(seed: number): () => number {
  let state = seed;
  return () => (state = (state * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
}

describe("roundToDecimals", () => {
  test("equals Number(value.toFixed(decimals)) bit for bit on 400,000 values", () => {
    const next = random(42);
    for (let i = 0; i < 400_000; i++) {
      const decimals = i % 16;
      const magnitude = 10 ** Math.floor(next() * 24 - 12);
      const sign = next() < 0.3 ? -1 : 1;
      let value = sign * next() * magnitude;
      // Every other value sits on or next to a multiple of the step, as venue quantities do.
      if (i % 2 === 0) value = (Math.round(value * 10 ** decimals) + [0, 0.5, -0.5, 1e-7, 0.4999999][i % 5]!) / 10 ** decimals;
      const want = viaString(value, decimals);
      const got = roundToDecimals(value, decimals);
      if (!Object.is(got, want)) throw new Error(`roundToDecimals(${value}, ${decimals}) = ${got}, toFixed gives ${want}`);
    }
  });

  test("edge values: signed zeros, halves, drifted lot sums, huge and tiny numbers", () => {
    const cases: Array<[number, number]> = [
      [0, 3], [-0, 3], [-0.0004, 3], [0.0004, 3], [0.5, 0], [1.5, 0], [2.5, 0], [-2.5, 0], [1.005, 2], [1.0049999999999999, 2],
      [0.1 + 0.2, 1], [0.3 - 0.1 - 0.1 - 0.1, 8], [1e15 + 0.3, 1], [123_456_789.123_456, 6], [2 ** 52 + 1, 0], [1e21, 2], [5e-324, 15],
      [Number.MAX_SAFE_INTEGER, 3], [7.000000000000001, 15], [Number.NaN, 2],
    ];
    for (const [value, decimals] of cases) expect(Object.is(roundToDecimals(value, decimals), viaString(value, decimals)), `${value}, ${decimals}`).toBe(true);
    expect(Math.abs(roundToDecimals(0.3 - 0.1 - 0.1 - 0.1, 1))).toBe(0); // drift snaps to (negative) zero, as toFixed does
    expect(Object.is(roundToDecimals(-0, 2), 0)).toBe(true);
  });
});

describe("stepDecimals", () => {
  test("the decimals of steps from 1e-10 to 5, including those below 1e-9", () => {
    // By hand: the decimal places each step is written with.
    const cases: Array<[number, number]> = [[5, 0], [1, 0], [0.25, 2], [0.1, 1], [0.001, 3], [2.5e-5, 6], [1e-8, 8], [1e-9, 9], [5e-10, 10], [1e-10, 10]];
    for (const [step, decimals] of cases) expect(stepDecimals(step), String(step)).toBe(decimals);
  });
});

describe("floorToStep and ceilToStep", () => {
  test("match the string-rounded multiples of the step for lot and tick sizes", () => {
    const next = random(7);
    for (const step of [1, 5, 0.1, 0.01, 0.001, 0.25, 1e-8, 0.00001]) {
      const decimals = stepDecimals(step);
      for (let i = 0; i < 20_000; i++) {
        const value = next() * 10 ** Math.floor(next() * 10 - 2);
        const floor = Number((Math.floor(value / step + 1e-9) * step).toFixed(decimals));
        const ceil = Number((Math.ceil(value / step - 1e-9) * step).toFixed(decimals));
        if (!Object.is(floorToStep(value, step, decimals), floor)) throw new Error(`floorToStep(${value}, ${step})`);
        if (!Object.is(ceilToStep(value, step, decimals), ceil)) throw new Error(`ceilToStep(${value}, ${step})`);
      }
    }
    expect(floorToStep(0.3, 0.1, 1)).toBe(0.3);
    expect(floorToStep(7.99, 1, 0)).toBe(7);
    expect(ceilToStep(100.001, 0.01, 2)).toBe(100.01);
  });
});

describe("isMultipleOf", () => {
  test("a half step off is never a multiple, however many steps the value holds", () => {
    expect(isMultipleOf(1_000_000_000.5, 1)).toBe(false);
    expect(isMultipleOf(6.000000005, 1e-8)).toBe(false); // 600,000,000.5 steps
    expect(isMultipleOf(12_345_678_901.005, 0.01)).toBe(false);
    expect(isMultipleOf(1e15 + 0.5, 1)).toBe(false);
    expect(isMultipleOf(1_000_000_000.25, 0.5)).toBe(false);
    expect(isMultipleOf(1_000_000_001, 1)).toBe(true);
    expect(isMultipleOf(1e15, 1)).toBe(true);
  });

  test("accepts quantities typed as decimals and lot sums carrying float noise", () => {
    expect(isMultipleOf(0.1 + 0.2, 0.1)).toBe(true);
    expect(isMultipleOf(0.3 - 0.1, 0.1)).toBe(true);
    expect(isMultipleOf(123_456_789.12, 0.01)).toBe(true);
    expect(isMultipleOf(6.00000001, 1e-8)).toBe(true);
    const next = random(11);
    for (const [step, decimals] of [[0.1, 1], [0.01, 2], [0.001, 3], [0.25, 2], [1e-8, 8], [0.00001, 5], [5, 0]] as const) {
      let sum = 0;
      for (let i = 0; i < 20_000; i++) {
        // n steps written out as a trader types them ("1234.56"), up to a trillion steps.
        const n = Math.floor(next() * 10 ** Math.floor(next() * 13));
        const typed = Number((n * step).toFixed(decimals));
        if (!isMultipleOf(typed, step)) throw new Error(`isMultipleOf(${typed}, ${step}) is false`);
        if (i < 1_000) {
          sum += step;
          if (!isMultipleOf(sum, step)) throw new Error(`a sum of ${i + 1} lots of ${step}, ${sum}, is not a multiple`);
        }
      }
    }
  });
});
