// A custom indicator is the strategy's own code: its throw is a strategy error (onStrategyError, the run goes on), not
// the engine's (INTERNAL, the run ends).
import { describe, expect, test } from "bun:test";
import type { ArgoError, Bar } from "@argo/core";
import { backtest, bar, DAY, T0 } from "../backtest/backtest.test-helper.ts";
import { barsFromCloses } from "../test-fixtures/bars.ts";
import { indicatorHarness } from "../test-fixtures/indicator-harness.ts";
import { runEngine, testStrategy } from "../test-fixtures/run-engine.ts";
import type { IndicatorFeed } from "./indicator-handle.ts";

/** Returns the close, except on a close of 103, where it throws like a division by zero in the strategy's code. */
const ratio = (): IndicatorFeed<number> => ({
  update(b: Bar) {
    if (b.close === 103) throw new Error("division by zero in my indicator");
    return b.close;
  },
});

const harness = () => indicatorHarness();

describe("a custom indicator that throws (unit)", () => {
  test("the bar's value is undefined, the throw reported naming strategy, indicator, symbol and bar; the others and later bars go on", () => {
    const { indicators, feed, reported } = harness();
    const custom = indicators.custom("ratio", ratio);
    const sma = indicators.sma(2); // registered after it: still fed on the bar the custom one threw
    const input = barsFromCloses("A", [101, 102, 103, 104]);
    for (const b of input.slice(0, 3)) feed(b);
    expect(custom.value()).toBeUndefined();
    expect(custom.previous()).toBe(102);
    expect(sma.value()).toBe((102 + 103) / 2);
    expect(reported.length).toBe(1);
    const { error, bar: at } = reported[0]!;
    expect(error.code).toBe("STRATEGY_ERROR");
    expect(error.message).toBe(
      `strategy "my-strategy" custom indicator "ratio" failed on A bar ${new Date(input[2]!.openTime).toISOString()}: division by zero in my indicator`,
    );
    expect(error.details).toEqual({ strategy: "my-strategy", indicator: "ratio", symbol: "A", openTime: input[2]!.openTime });
    expect(at).toBe(input[2]!);
    // Still fed: the next bar has its value again.
    feed(input[3]!);
    expect(custom.value()).toBe(104);
    expect(custom.previous()).toBeUndefined();
    expect(reported.length).toBe(1);
  });

  test("a throw while an indicator asked for late catches up on the cache is reported with that bar", () => {
    const { indicators, feed, reported } = harness();
    const input = barsFromCloses("A", [102, 103, 104]);
    for (const b of input) feed(b);
    const custom = indicators.custom("ratio", ratio);
    expect(custom.value()).toBe(104);
    expect(custom.previous()).toBeUndefined();
    expect(reported.map((r) => r.bar)).toEqual([input[1]!]);
  });

  test("a create that throws is reported on each bar and tried again on the next", () => {
    const { indicators, feed, reported } = harness();
    let calls = 0;
    const flaky = indicators.custom("flaky", () => {
      if (++calls === 1) throw new Error("not yet");
      return ratio();
    });
    const input = barsFromCloses("A", [100, 101]);
    feed(input[0]!);
    expect(flaky.value()).toBeUndefined();
    feed(input[1]!);
    expect(flaky.value()).toBe(101);
    expect(reported.map((r) => r.error.message.endsWith(": not yet"))).toEqual([true]);
  });
});

describe("a custom indicator that throws (engine)", () => {
  // Closes 100..105: the custom indicator throws on the fourth bar (close 103).
  test("backtest: the run completes, onBar sees every bar, onStrategyError the one throw", async () => {
    const input = [0, 1, 2, 3, 4, 5].map((d) => bar("A", d, 100, 200, 100, 100 + d));
    const seen: Array<number | undefined> = [];
    const errors: Array<{ error: ArgoError; bar: Bar | undefined }> = [];
    const strategy = testStrategy({
      init(ctx) {
        ctx.indicators.custom("ratio", ratio);
      },
      onBar(_b, ctx) {
        seen.push(ctx.indicators.custom("ratio", ratio).value());
      },
    }, "custom-thrower");
    const result = await backtest(input, strategy, { callbacks: { onStrategyError: (error, b) => void errors.push({ error, bar: b }) } });
    expect(result.status).toBe("completed");
    expect(seen).toEqual([100, 101, 102, undefined, 104, 105]);
    expect(errors.length).toBe(1);
    expect(errors[0]!.error.code).toBe("STRATEGY_ERROR");
    expect(errors[0]!.error.message).toContain(`strategy "custom-thrower" custom indicator "ratio" failed on A bar ${new Date(T0 + 3 * DAY).toISOString()}`);
    expect(errors[0]!.bar?.openTime).toBe(T0 + 3 * DAY);
    expect(result.counters.strategyErrors).toBe(1);
  });

  test("live: the run completes, onBar sees every bar, onStrategyError the one throw", async () => {
    const input = barsFromCloses("A", [100, 101, 102, 103, 104, 105]);
    let onBarCalls = 0;
    const run = await runEngine({
      bars: input,
      strategy: testStrategy({
        init(ctx) {
          ctx.indicators.custom("ratio", ratio);
        },
        onBar() {
          onBarCalls++;
        },
      }),
    });
    expect(run.error).toBeUndefined();
    expect(run.result?.status).toBe("completed");
    expect(onBarCalls).toBe(6);
    const reported = run.named("onStrategyError");
    expect(reported.length).toBe(1);
    expect((reported[0]![0] as ArgoError).message).toContain('custom indicator "ratio" failed on A bar');
    expect((reported[0]![1] as Bar).close).toBe(103);
  });
});
