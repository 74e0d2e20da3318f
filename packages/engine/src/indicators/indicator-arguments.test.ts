// What the strategy passes to an indicator and gets back: a period given as a string is refused the same way whatever
// was asked before, messages show a string as one, and MACD / Bollinger values cannot be changed in place.
import { describe, expect, test } from "bun:test";
import { barsFromCloses } from "../test-fixtures/bars.ts";
import { indicatorHarness } from "../test-fixtures/indicator-harness.ts";

const harness = () => indicatorHarness(true);

const text = (s: string) => s as unknown as number;

describe("indicator arguments", () => {
  test("a period given as a string is refused, shown as a string", () => {
    const { indicators } = harness();
    expect(() => indicators.sma(text("10"))).toThrow('sma period must be a positive integer, got the string "10"');
    expect(() => indicators.ema(text("5"))).toThrow('ema period must be a positive integer, got the string "5"');
    expect(() => indicators.rsi(text("14"))).toThrow('rsi period must be an integer of at least 2, got the string "14"');
    expect(() => indicators.bollinger(20, text("2"))).toThrow('bollinger multiplier must be a positive finite number, got the string "2"');
    expect(() => indicators.bollinger(20, Number.POSITIVE_INFINITY)).toThrow("bollinger multiplier must be a positive finite number, got Infinity");
    expect(() => indicators.sma(2.5)).toThrow("sma period must be a positive integer, got 2.5");
    expect(indicators.size).toBe(0);
  });

  test("a period past ten million bars is refused naming it, before any window is allocated", () => {
    const { indicators } = harness();
    // 2^31 fails as a typed array length; 1e9 would reserve 8 GB; 10,000,000 itself is still taken (80 MB).
    for (const period of [2 ** 31, 1e9, 10_000_001]) {
      expect(() => indicators.sma(period)).toThrow(`sma period must be at most 10000000 bars (each keeps a window of that many values), got ${period}`);
      expect(() => indicators.atr(period)).toThrow(`atr period must be at most 10000000 bars`);
    }
    expect(() => indicators.macd(12, 2 ** 40, 9)).toThrow("macd slow period must be at most 10000000 bars");
    expect(indicators.size).toBe(0);
    expect(indicators.sma(10_000_000).key).toBe("sma:10000000");
  });

  test("sma(\"10\") is refused after sma(10) was asked too: the answer does not depend on call order", () => {
    const { indicators } = harness();
    const sma = indicators.sma(10);
    const ema = indicators.ema(7);
    expect(() => indicators.sma(text("10"))).toThrow('got the string "10"');
    expect(() => indicators.ema(text("7"))).toThrow('got the string "7"');
    expect(indicators.sma(10)).toBe(sma);
    expect(indicators.size).toBe(2);
    expect(ema.key).toBe("ema:7");
  });
});

describe("MACD and Bollinger values", () => {
  test("are frozen: writing to one throws, and previous() on the next bar shows what was computed", () => {
    const { indicators, feed } = harness();
    const macd = indicators.macd(2, 3, 2);
    const bands = indicators.bollinger(2, 2);
    const input = barsFromCloses("A", [10, 11, 13, 12, 15, 14]);
    for (const b of input.slice(0, 5)) feed(b);
    const m = macd.value()!;
    const b = bands.value()!;
    const seen = { macd: { ...m }, bands: { ...b } };
    expect(Object.isFrozen(m) && Object.isFrozen(b)).toBe(true);
    expect(() => {
      (m as { macd: number }).macd = 999;
    }).toThrow(TypeError);
    expect(() => {
      (b as { upper: number }).upper = 999;
    }).toThrow(TypeError);
    feed(input[5]!);
    expect(macd.previous()).toEqual(seen.macd);
    expect(bands.previous()).toEqual(seen.bands);
    // Closes 15 and 14: mean 14.5, population deviation 0.5, bands 14.5 ± 1.
    expect(bands.value()).toEqual({ upper: 15.5, middle: 14.5, lower: 13.5 });
    expect(Object.isFrozen(macd.value())).toBe(true);
  });
});
