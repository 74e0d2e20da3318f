import { isDust } from "./quantity-noise.ts";

/** Step arithmetic for ticks and lots; a step of 0 means "no step". Floats are snapped to the step's decimals. */

// The decimals of a step: one rule with the engine's rounding of closes (core).
export { stepDecimals } from "@argo/core";

/**
 * True when `value` is a whole number of `step`s (within float noise). The noise of `value / step` grows with the
 * number of steps, a few ulps of it; a tolerance of 1e-9 of it would, past 5e8 steps, pass any value. So: 4 ulps of the
 * units (at least 1e-9 for small ones), and never a quarter step or more, far from the half step that tells
 * 1,000,000,000.5 from a whole number.
 */
export function isMultipleOf(value: number, step: number): boolean {
  if (!(step > 0)) return true;
  const units = value / step;
  const noise = Math.abs(units) * 4 * Number.EPSILON;
  return Math.abs(units - Math.round(units)) <= (noise > 1e-9 ? (noise < 0.25 ? noise : 0.25) : 1e-9);
}

const POW10 = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];
// Below this, a product `value × 10^decimals` is off the exact one by at most 1/8 (half an ulp).
const EXACT_SCALED = 2 ** 50;

/**
 * `Number(value.toFixed(decimals))`, the same number, without building a string (quantities are
 * rounded on every fill). toFixed picks the integer n nearest to value × 10^decimals and the string
 * n / 10^decimals parses to the double nearest to it, which is what dividing n by 10^decimals gives.
 * When the float product lies within 1/4 of an integer and below 2^50 it is off the exact product by
 * at most 1/8, so that integer is n; other values (close to a half, huge, or many decimals) take
 * toFixed itself.
 */
export function roundToDecimals(value: number, decimals: number): number {
  if (value === 0) return 0; // (-0).toFixed gives "0"
  const scale = POW10[decimals];
  if (scale !== undefined) {
    const scaled = value * scale;
    const n = Math.round(scaled);
    if (Math.abs(scaled - n) < 0.25 && Math.abs(scaled) < EXACT_SCALED) return n / scale;
  }
  return Number(value.toFixed(decimals));
}

// The 1e-9 nudges keep 0.3 / 0.1 = 2.9999999999999996 from flooring to 2.
/** Largest multiple of `step` not above `value`. */
export function floorToStep(value: number, step: number, decimals: number): number {
  if (!(step > 0)) return value;
  return roundToDecimals(Math.floor(value / step + 1e-9) * step, decimals);
}

/** Smallest multiple of `step` not below `value`. */
export function ceilToStep(value: number, step: number, decimals: number): number {
  if (!(step > 0)) return value;
  return roundToDecimals(Math.ceil(value / step - 1e-9) * step, decimals);
}

/**
 * A quantity made by adding and subtracting lots, snapped back onto the lot grid (0.3 - 0.1 - 0.1 - 0.1 ≠ 0): to the step's
 * decimals, or without a step to exactly 0 when it is float noise against `scale`.
 */
export function snapLot(value: number, scale: number, step: number, decimals: number): number {
  return step > 0 ? roundToDecimals(value, decimals) : snapZero(value, scale);
}

/** Snaps a quantity that should be zero (float noise after adds and subtracts, quantity-noise.ts) to exactly zero. */
export function snapZero(value: number, scale: number): number {
  return isDust(value, scale) ? 0 : value;
}
