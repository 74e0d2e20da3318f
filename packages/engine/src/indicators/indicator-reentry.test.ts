// An indicator first asked for while the indicators are being fed (inside a custom feed's create or update) is warmed
// from the cache, the bar being fed included: the same loop must not feed it that bar a second time.
import { describe, expect, test } from "bun:test";
import type { ArgoError } from "@argo/core";
import { backtest, bars } from "../backtest/backtest.test-helper.ts";
import { barsFromCloses } from "../test-fixtures/bars.ts";
import { indicatorHarness } from "../test-fixtures/indicator-harness.ts";
import { testStrategy } from "../test-fixtures/run-engine.ts";

// Closes 10, 20, ..., 60: SMA(3) by hand is undefined on bars 1-2, then (10+20+30)/3 = 20, 30, 40, 50.
const closes = [10, 20, 30, 40, 50, 60];
const expectedSma3 = [undefined, undefined, 20, 30, 40, 50];

describe("an indicator registered while the indicators are fed sees each bar once", () => {
  test("asked for in a custom feed's update (unit)", () => {
    const { indicators, feed } = indicatorHarness(true);
    const spread = indicators.custom("spread", () => ({
      update: (bar) => {
        const sma = indicators.sma(3).value(); // first asked for here, on bar 1
        return sma === undefined ? null : bar.close - sma;
      },
    }));
    const seen: Array<number | undefined> = [];
    for (const bar of barsFromCloses("A", closes)) {
      feed(bar);
      seen.push(indicators.sma(3).value());
    }
    expect(seen).toEqual(expectedSma3);
    // Registered first, the custom one is fed before the SMA on each later bar, so it reads the SMA of the bar before:
    // on bar 6, 60 − SMA(30, 40, 50) = 60 − 40 = 20.
    expect(spread.value()).toBe(20);
  });

  test("asked for in a custom feed's create, in a backtest (as a composed indicator would)", async () => {
    const seenSma: Array<number | undefined> = [];
    const seenEma: Array<number | undefined> = [];
    await backtest(bars("X", closes.map((c) => [c, c + 1, c - 1, c] as const)), testStrategy({
      init(ctx) {
        ctx.indicators.custom("osc", () => {
          // create() runs on the first bar, while the indicators are being fed it.
          const sma = ctx.indicators.sma(3);
          const ema = ctx.indicators.ema(2);
          return { update: () => (sma.value() === undefined || ema.value() === undefined ? null : ema.value()! - sma.value()!) };
        });
      },
      onBar(_bar, ctx) {
        seenSma.push(ctx.indicators.sma(3).value());
        seenEma.push(ctx.indicators.ema(2).value());
      },
    }), { callbacks: { onStrategyError: (e: ArgoError) => { throw e; } } });
    expect(seenSma).toEqual(expectedSma3);
    // EMA(2), k = 2/3, seeded with the first close, defined from bar 2: 10 → 10 + (20 − 10)·2/3 = 16.667 → ...
    let ema = 10;
    const expectedEma: Array<number | undefined> = [undefined];
    for (const c of closes.slice(1)) expectedEma.push((ema = ema + (c - ema) * (2 / 3)));
    expect(seenEma.length).toBe(expectedEma.length);
    seenEma.forEach((value, i) => (expectedEma[i] === undefined ? expect(value).toBeUndefined() : expect(value).toBeCloseTo(expectedEma[i]!, 10)));
  });
});

describe("custom(key, create, requiredInputs) checks requiredInputs as the built-ins check a period", () => {
  for (const bad of [Number.NaN, Number.POSITIVE_INFINITY, 2.5, 0, -3, "5"] as unknown[]) {
    test(`refuses ${typeof bad === "string" ? `the string "${bad}"` : String(bad)}`, () => {
      const { indicators } = indicatorHarness(true);
      let error: ArgoError | undefined;
      try {
        indicators.custom("c", () => ({ update: (bar) => bar.close }), bad as number);
      } catch (thrown) {
        error = thrown as ArgoError;
      }
      expect(error?.code).toBe("STRATEGY_ERROR");
      const shown = typeof bad === "string" ? `the string "${bad}"` : String(bad);
      expect(error?.message).toBe(`custom indicator "c" requiredInputs must be a positive integer, got ${shown}`);
      expect(indicators.size).toBe(0);
    });
  }

  test("accepts whole numbers of at least 1 (and the default), and readiness follows them", () => {
    const { indicators, feed } = indicatorHarness(true);
    const one = indicators.custom("one", () => ({ update: (bar) => bar.close }));
    const three = indicators.custom("three", () => ({ update: (bar) => bar.close }), 3);
    const ready: boolean[][] = [];
    for (const bar of barsFromCloses("A", [1, 2, 3])) {
      feed(bar);
      ready.push([one.value() !== undefined, three.value() !== undefined]);
    }
    expect(ready).toEqual([[true, false], [true, false], [true, true]]);
  });
});
