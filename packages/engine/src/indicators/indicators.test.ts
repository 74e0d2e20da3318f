import { describe, expect, test } from "bun:test";
import type { ArgoError, Bar } from "@argo/core";
import { googBars } from "../test-fixtures/goog.ts";
import { barsFromCloses, randomCloses } from "../test-fixtures/bars.ts";
import type { IndicatorHandle } from "./indicator-handle.ts";
import { indicatorHarness } from "../test-fixtures/indicator-harness.ts";

// Reference formulas, written independently of trading-signals. Each returns one value per bar,
// undefined where the indicator is not yet defined.

function refSma(closes: number[], n: number): Array<number | undefined> {
  return closes.map((_, t) => (t < n - 1 ? undefined : closes.slice(t - n + 1, t + 1).reduce((a, b) => a + b, 0) / n));
}

/** EMA with k = 2/(n+1), seeded with the first value; defined from index n-1. */
function refEmaSeries(values: number[], n: number): number[] {
  const k = 2 / (n + 1);
  const out: number[] = [];
  for (let t = 0; t < values.length; t++) out.push(t === 0 ? values[0]! : values[t]! * k + out[t - 1]! * (1 - k));
  return out;
}

function refEma(closes: number[], n: number): Array<number | undefined> {
  return refEmaSeries(closes, n).map((v, t) => (t < n - 1 ? undefined : v));
}

/** Wilder's RSI: first average gain/loss = simple mean of the first n changes, then avg = (avg·(n−1) + x)/n. */
function refRsi(closes: number[], n: number): Array<number | undefined> {
  const out: Array<number | undefined> = [undefined];
  let avgGain = 0;
  let avgLoss = 0;
  for (let t = 1; t < closes.length; t++) {
    const change = closes[t]! - closes[t - 1]!;
    const gain = Math.max(change, 0);
    const loss = Math.max(-change, 0);
    if (t <= n) {
      avgGain += gain / n;
      avgLoss += loss / n;
    } else {
      avgGain = (avgGain * (n - 1) + gain) / n;
      avgLoss = (avgLoss * (n - 1) + loss) / n;
    }
    out.push(t < n ? undefined : avgLoss === 0 ? 100 : 100 - 100 / (1 + avgGain / avgLoss));
  }
  return out;
}

function refMacd(closes: number[], fast: number, slow: number, signal: number) {
  const f = refEmaSeries(closes, fast);
  const s = refEmaSeries(closes, slow);
  const macd = closes.map((_, t) => f[t]! - s[t]!);
  const start = slow - 1;
  const sig = refEmaSeries(macd.slice(start), signal);
  return closes.map((_, t) =>
    t < start + signal - 1 ? undefined : { macd: macd[t]!, signal: sig[t - start]!, histogram: macd[t]! - sig[t - start]! },
  );
}

function refBollinger(closes: number[], n: number, mult: number) {
  return closes.map((_, t) => {
    if (t < n - 1) return undefined;
    const window = closes.slice(t - n + 1, t + 1);
    const mean = window.reduce((a, b) => a + b, 0) / n;
    const sd = Math.sqrt(window.reduce((a, b) => a + (b - mean) ** 2, 0) / n);
    return { upper: mean + mult * sd, middle: mean, lower: mean - mult * sd };
  });
}

/** ATR: true range (first = high − low), Wilder-smoothed, seeded with the mean of the first n. */
function refAtr(bars: Bar[], n: number): Array<number | undefined> {
  const tr = bars.map((b, t) =>
    t === 0 ? b.high - b.low : Math.max(b.high - b.low, Math.abs(b.high - bars[t - 1]!.close), Math.abs(b.low - bars[t - 1]!.close)),
  );
  const out: Array<number | undefined> = [];
  let atr = 0;
  for (let t = 0; t < bars.length; t++) {
    if (t < n - 1) out.push(undefined);
    else if (t === n - 1) out.push((atr = tr.slice(0, n).reduce((a, b) => a + b, 0) / n));
    else out.push((atr = (atr * (n - 1) + tr[t]!) / n));
  }
  return out;
}

/** Feeds bars to the indicators the way the engine does: cache first, then one update per bar. */
const harness = () => indicatorHarness(false, 1000);

function expectClose(actual: number | undefined, expected: number | undefined, label: string) {
  if (expected === undefined) return expect(actual, label).toBeUndefined();
  expect(actual, label).toBeDefined();
  expect(Math.abs(actual! - expected), `${label}: ${actual} vs ${expected}`).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(expected)));
}

const bars = googBars(400);
const closes = bars.map((b) => b.close);

describe("indicators match independently computed values (GOOG daily, 400 bars)", () => {
  test("SMA, EMA, RSI and ATR", () => {
    const { indicators, feed } = harness();
    const handles = { sma: indicators.sma(20), ema: indicators.ema(12), rsi: indicators.rsi(14), atr: indicators.atr(14) };
    const refs = { sma: refSma(closes, 20), ema: refEma(closes, 12), rsi: refRsi(closes, 14), atr: refAtr(bars, 14) };
    let defined = 0;
    bars.forEach((bar, t) => {
      feed(bar);
      for (const key of Object.keys(handles) as Array<keyof typeof handles>) {
        expectClose(handles[key].value(), refs[key][t], `${key} at ${t}`);
        expectClose(handles[key].previous(), t === 0 ? undefined : refs[key][t - 1], `${key} previous at ${t}`);
        if (handles[key].value() !== undefined) defined++;
      }
    });
    expect(defined).toBeGreaterThan(4 * 370);
  });

  test("MACD (12, 26, 9) and Bollinger Bands (20, 2)", () => {
    const { indicators, feed } = harness();
    const macd = indicators.macd(12, 26, 9);
    const bands = indicators.bollinger(20, 2);
    const refM = refMacd(closes, 12, 26, 9);
    const refB = refBollinger(closes, 20, 2);
    bars.forEach((bar, t) => {
      feed(bar);
      const m = macd.value();
      expect(m === undefined).toBe(refM[t] === undefined);
      if (m && refM[t]) for (const k of ["macd", "signal", "histogram"] as const) expectClose(m[k], refM[t]![k], `macd.${k} at ${t}`);
      const b = bands.value();
      expect(b === undefined).toBe(refB[t] === undefined);
      if (b && refB[t]) for (const k of ["upper", "middle", "lower"] as const) expectClose(b[k], refB[t]![k], `bb.${k} at ${t}`);
    });
    expect(macd.value()).toBeDefined();
  });
});

describe("indicator registry", () => {
  test("keeps one instance per symbol and reads the current symbol by default", () => {
    const { indicators, feed, host } = harness();
    const sma = indicators.sma(3);
    const a = barsFromCloses("A", randomCloses(30, 1));
    const b = barsFromCloses("B", randomCloses(30, 2, 50));
    for (let i = 0; i < 30; i++) {
      feed(a[i]!);
      feed(b[i]!);
    }
    const refA = refSma(a.map((x) => x.close), 3);
    const refB = refSma(b.map((x) => x.close), 3);
    expectClose(sma.value("A"), refA[29], "A");
    expectClose(sma.value("B"), refB[29], "B");
    host.defaultSlot = 1;
    expectClose(sma.value(), refB[29], "current (B)");
    expect(sma.value("NOPE")).toBeUndefined();
  });

  test("the same request returns the same handle; a late one is warmed from the cache", () => {
    const { indicators, feed } = harness();
    const early: IndicatorHandle<number> = indicators.ema(5);
    expect(indicators.ema(5)).toBe(early);
    expect(indicators.rsi(14)).toBe(indicators.rsi(14));
    expect(indicators.size).toBe(2);
    const some = bars.slice(0, 50);
    for (const bar of some) feed(bar);
    const late = indicators.sma(10);
    expectClose(late.value(), refSma(some.map((x) => x.close), 10)[49], "late sma");
    feed(bars[50]!);
    expectClose(late.value(), refSma(closes.slice(0, 51), 10)[50], "late sma after one more bar");
    expect(late.isReady()).toBe(true);
  });

  test("one handle per period, for small and very long periods alike", () => {
    const { indicators } = harness();
    expect(indicators.sma(10)).toBe(indicators.sma(10));
    expect(indicators.sma(10)).not.toBe(indicators.sma(11));
    expect(indicators.sma(5_000)).toBe(indicators.sma(5_000));
    expect(indicators.ema(3_000)).toBe(indicators.ema(3_000));
    expect(indicators.ema(10)).not.toBe(indicators.sma(10));
    expect(indicators.size).toBe(5);
    expect(() => indicators.sma(2.5)).toThrow("sma period must be a positive integer");
    expect(() => indicators.ema(-3)).toThrow("ema period must be a positive integer");
  });

  test("requiredBars is the warm-up of the slowest registered indicator", () => {
    const { indicators } = harness();
    expect(indicators.requiredBars).toBe(0);
    indicators.sma(20);
    expect(indicators.requiredBars).toBe(20);
    indicators.rsi(14); // RSI needs period + 1 closes (period changes)
    expect(indicators.requiredBars).toBe(20);
    indicators.macd(12, 26, 9); // slow EMA from bar 26, then 9 signal inputs: 26 + 9 - 1
    expect(indicators.requiredBars).toBe(34);
    indicators.ema(5);
    expect(indicators.requiredBars).toBe(34);
  });

  test("rejects periods that are not positive integers", () => {
    const { indicators } = harness();
    expect(() => indicators.sma(0)).toThrow("sma period must be a positive integer");
    expect(() => indicators.macd(12, 2.5, 9)).toThrow("macd slow period");
    expect(() => indicators.bollinger(20, 0)).toThrow("multiplier");
  });

  test("rejects periods that never give a value or a meaningful one, naming the indicator and the period", () => {
    const { indicators, feed } = harness();
    const thrown = (f: () => unknown) => {
      try {
        f();
      } catch (error) {
        return error as ArgoError;
      }
      throw new Error("expected a throw");
    };
    // RSI(1): trading-signals takes every close and never returns a value.
    const rsi = thrown(() => indicators.rsi(1));
    expect(rsi.code).toBe("STRATEGY_ERROR");
    expect(rsi.message).toBe("rsi period must be an integer of at least 2, got 1 (RSI(1) never has a value)");
    expect(rsi.details).toMatchObject({ indicator: "rsi", period: 1 });
    // Bollinger(1): the deviation of a single close is 0, so the bands are the close itself.
    expect(thrown(() => indicators.bollinger(1)).message).toStartWith("bollinger period must be an integer of at least 2, got 1");
    expect(thrown(() => indicators.bollinger(0, 2)).message).toBe("bollinger period must be an integer of at least 2, got 0");
    // MACD with fast = slow is 0 on every bar; fast above slow is the MACD of (slow, fast) with its sign turned.
    expect(thrown(() => indicators.macd(26, 26, 9)).message).toBe("macd fast period must be below the slow period, got fast 26 and slow 26");
    expect(thrown(() => indicators.macd(26, 12, 9)).message).toContain("got fast 26 and slow 12");
    expect(indicators.size).toBe(0);
    // The smallest accepted ones have values: RSI(2) from bar 3, Bollinger(2) from bar 2, ATR(1) and SMA/EMA(1) from bar 1.
    const rsi2 = indicators.rsi(2);
    const bb2 = indicators.bollinger(2, 2);
    const atr1 = indicators.atr(1);
    const macd = indicators.macd(1, 2, 1);
    // Closes 100, 101, 99 (high = close + 1, low = close − 1).
    const input = barsFromCloses("A", [100, 101, 99]).map((b) => ({ ...b, high: b.close + 1, low: b.close - 1 }));
    feed(input[0]!);
    expect(atr1.value()).toBe(2);
    expect(bb2.value()).toBeUndefined();
    feed(input[1]!);
    // Mean 100.5, population deviation 0.5: bands 100.5 ± 1.
    expect(bb2.value()).toEqual({ upper: 101.5, middle: 100.5, lower: 99.5 });
    expect(rsi2.value()).toBeUndefined();
    feed(input[2]!);
    // Changes +1, −2: average gain 0.5, average loss 1, RS 0.5, RSI 100 − 100/1.5.
    expectClose(rsi2.value(), 100 - 100 / 1.5, "rsi(2)");
    // True range of bar 3: max(100 − 98, |100 − 101|, |98 − 101|) = 3, and ATR(1) is the true range.
    expect(atr1.value()).toBe(3);
    expect(macd.value()).toBeDefined();
  });
});
