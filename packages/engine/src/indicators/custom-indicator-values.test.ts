// A custom indicator's update that hands back what no strategy can use (a non-finite number, a promise) fails the way a
// throw of its update does: reported as the strategy's error naming the indicator, no value for that bar.
import { describe, expect, test } from "bun:test";
import type { Bar } from "@argo/core";
import { WMA } from "trading-signals";
import { barsFromCloses } from "../test-fixtures/bars.ts";
import { indicatorHarness } from "../test-fixtures/indicator-harness.ts";
import type { IndicatorFeed } from "./indicator-handle.ts";

const harness = () => indicatorHarness();

const ADAPT = "{ update: (bar) => ind.update(bar.close, false) }";
const at = (b: Bar) => `A bar ${new Date(b.openTime).toISOString()}`;

describe("a custom indicator whose update returns no usable value", () => {
  test("trading-signals' WMA handed the whole Bar (NaN once warm): reported on each such bar naming the key, with the adapter; never ready", () => {
    const { indicators, feed, reported } = harness();
    const wma = indicators.custom("wma:3", () => new WMA(3) as unknown as IndicatorFeed<number>, 3);
    const input = barsFromCloses("A", [10, 11, 12, 13]);
    for (const b of input) feed(b);
    expect(wma.value()).toBeUndefined();
    expect(wma.previous()).toBeUndefined();
    expect(wma.isReady()).toBe(false);
    // Null while it warms up (bars 1 and 2) is no failure; NaN on bars 3 and 4 is.
    expect(reported.map((r) => r.bar)).toEqual([input[2]!, input[3]!]);
    const { error } = reported[0]!;
    expect(error.code).toBe("STRATEGY_ERROR");
    expect(error.message).toStartWith(`strategy "my-strategy" custom indicator "wma:3" failed on ${at(input[2]!)}: update returned NaN, not a finite number`);
    expect(error.message).toContain(ADAPT);
    expect(error.details).toMatchObject({ indicator: "wma:3", symbol: "A" });
  });

  test("the documented adapter gives the weighted mean of the closes, with nothing reported", () => {
    const { indicators, feed, reported } = harness();
    const wma = indicators.custom("wma:3", () => {
      const ind = new WMA(3);
      return { update: (bar: Bar) => ind.update(bar.close, false) };
    }, 3);
    for (const b of barsFromCloses("A", [10, 11, 12, 16])) feed(b);
    // Weights 1, 2, 3, newest heaviest: (11 + 2·12 + 3·16) / 6 and, a bar before, (10 + 2·11 + 3·12) / 6.
    expect(wma.value()).toBeCloseTo((11 + 24 + 48) / 6, 12);
    expect(wma.previous()).toBeCloseTo((10 + 22 + 36) / 6, 12);
    expect(reported).toEqual([]);
  });

  test("Infinity is refused on its bar only; the next finite value is the value again", () => {
    const { indicators, feed, reported } = harness();
    // 1 / (close − 101): Infinity on the close of 101.
    const inverse = indicators.custom("inverse", () => ({ update: (b: Bar) => 1 / (b.close - 101) }));
    const input = barsFromCloses("A", [100, 101, 102]);
    feed(input[0]!);
    expect(inverse.value()).toBe(-1);
    feed(input[1]!);
    expect(inverse.value()).toBeUndefined();
    expect(inverse.previous()).toBe(-1);
    feed(input[2]!);
    expect(inverse.value()).toBe(1);
    expect(reported.map((r) => r.error.message.split(": ")[1])).toEqual(["update returned Infinity, not a finite number (an indicator of closes, as trading-signals' SMA, EMA or WMA, handed the whole Bar gives NaN"]);
  });

  test("an async update (a promise) is refused, its rejection not left unhandled", async () => {
    const { indicators, feed, reported } = harness();
    const resolving = indicators.custom("async-ok", () => ({ update: async (b: Bar) => b.close }) as unknown as IndicatorFeed<number>);
    const rejecting = indicators.custom("async-bad", () => ({
      update: async () => {
        throw new Error("async failure");
      },
    }) as unknown as IndicatorFeed<number>);
    const input = barsFromCloses("A", [100]);
    feed(input[0]!);
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(resolving.value()).toBeUndefined();
    expect(rejecting.value()).toBeUndefined();
    expect(reported.map((r) => r.error.message)).toEqual(["async-ok", "async-bad"].map(
      (key) => `strategy "my-strategy" custom indicator "${key}" failed on ${at(input[0]!)}: update returned a promise; an indicator's update must be synchronous and return its value (or null while warming up)`,
    ));
  });

  test("objects, null while warming and finite numbers go through untouched", () => {
    const { indicators, feed, reported } = harness();
    const pair = indicators.custom("pair", () => ({ update: (b: Bar) => ({ close: b.close, nan: Number.NaN }) }));
    const warming = indicators.custom("warming", () => {
      let seen = 0;
      return { update: (b: Bar) => (++seen < 2 ? null : b.close) };
    }, 2);
    const input = barsFromCloses("A", [5, 6]);
    feed(input[0]!);
    expect(warming.value()).toBeUndefined();
    feed(input[1]!);
    // Only the value itself is checked: what an object holds is the strategy's business.
    expect(pair.value()).toEqual({ close: 6, nan: Number.NaN });
    expect(warming.value()).toBe(6);
    expect(reported).toEqual([]);
  });
});
