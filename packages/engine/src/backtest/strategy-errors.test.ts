// A strategy that throws (or rejects) on some bars: the run goes on, every failure is reported with its bar, and the
// result is exactly that of the same strategy without the throws (what it did before throwing stands).
import { describe, expect, test } from "bun:test";
import type { ArgoError, Bar } from "@argo/core";
import { backtest, bar, DAY, onBarAt, strategy, T0 } from "./backtest.test-helper.ts";

// Ten days, open 100 + d, close 101 + d.
const input = Array.from({ length: 10 }, (_, d) => bar("X", d, 100 + d, 103 + d, 98 + d, 101 + d));

/** Buys 10 on bar 0, sells 10 on bar 4, buys 5 on bar 6; with `fail`, throws after acting on those bars and on bar 2. */
function trader(fail: boolean) {
  return onBarAt(async (i, _bar, ctx) => {
    if (fail && i === 2) throw new Error("failure on bar 2");
    if (i === 0) await ctx.placeOrder({ side: "BUY", quantity: 10 });
    if (i === 4) await ctx.placeOrder({ side: "SELL", quantity: 10 });
    if (i === 6) await ctx.placeOrder({ side: "BUY", quantity: 5 });
    if (fail && (i === 0 || i === 4 || i === 6)) throw new Error(`failed after acting on bar ${i}`);
  });
}

/** A synchronous onBar (no promise) that throws on every third bar, before doing anything. */
const syncThrower = strategy({
  onBar(_b, ctx) {
    const i = ctx.history().length - 1;
    if (i % 3 === 0) throw new Error(`sync ${i}`);
  },
});

describe("onBar failing on some bars", async () => {
  const errors: Array<{ error: ArgoError; bar: Bar | undefined }> = [];
  const failing = await backtest(input, trader(true), { callbacks: { onStrategyError: (error, b) => void errors.push({ error, bar: b }) } });
  const clean = await backtest(input, trader(false));

  test("the run completes and replays every bar", () => {
    expect(failing.status).toBe("completed");
    expect(failing.bars).toBe(10);
    expect(failing.equity.times.length).toBe(10);
  });

  test("each failure is reported once, as STRATEGY_ERROR with its bar, and counted", () => {
    expect(errors.map((e) => [e.error.code, e.bar?.openTime])).toEqual([0, 2, 4, 6].map((d) => ["STRATEGY_ERROR", T0 + d * DAY]));
    expect(errors[1]!.error.message).toContain("failure on bar 2");
    expect(errors[1]!.error.message).toContain(new Date(T0 + 2 * DAY).toISOString());
    expect(failing.counters.strategyErrors).toBe(4);
  });

  test("orders placed before a throw stand: trades by hand (101 → 105, 107 → 109 at the last open)", () => {
    expect(failing.trades.map((t) => [t.size, t.entryPrice, t.exitPrice, t.pnl])).toEqual([[10, 101, 105, 40], [5, 107, 109, 10]]);
    expect(failing.finalEquity).toBe(10_050);
  });

  test("the result equals the clean run's: statistics, trades, fills, curve", () => {
    expect(failing.statistics).toStrictEqual(clean.statistics);
    expect(failing.trades).toStrictEqual(clean.trades);
    expect(failing.fills).toStrictEqual(clean.fills);
    expect(Array.from(failing.equity.equity)).toEqual(Array.from(clean.equity.equity));
    expect(clean.counters.strategyErrors).toBe(0);
  });

  test("a synchronous throw on every third bar: reported 4 times (bars 0, 3, 6, 9), the run complete", async () => {
    const seen: number[] = [];
    const r = await backtest(input, syncThrower, { callbacks: { onStrategyError: (_e, b) => void seen.push((b!.openTime - T0) / DAY) } });
    expect(r.status).toBe("completed");
    expect(seen).toEqual([0, 3, 6, 9]);
    expect(r.counters.strategyErrors).toBe(4);
    expect(r.equity.times.length).toBe(10);
  });

  test("a throwing onStrategyError callback does not stop the run either", async () => {
    const r = await backtest(input, syncThrower, {
      callbacks: {
        onStrategyError: () => {
          throw new Error("callback bug");
        },
      },
    });
    expect(r.status).toBe("completed");
    expect(r.bars).toBe(10);
  });
});

describe("a failure names the callback it came from", () => {
  /** Buys on bar 0; onOrderUpdate throws on the order's FILLED update, onStop throws too. */
  const updatesAndStopThrow = strategy({
    async onBar(_b, ctx) {
      if (ctx.history().length === 1) await ctx.placeOrder({ side: "BUY", quantity: 1 });
    },
    onOrderUpdate(order) {
      if (order.status === "FILLED") throw new Error("update handler bug");
    },
    onStop() {
      throw new Error("stop handler bug");
    },
  });

  test("onBar, onOrderUpdate and onStop failures each say which callback failed, in the message and the details", async () => {
    const errors: ArgoError[] = [];
    const onStrategyError = (error: ArgoError) => void errors.push(error);
    await backtest(input, syncThrower, { callbacks: { onStrategyError } });
    await backtest(input, updatesAndStopThrow, { callbacks: { onStrategyError } });
    const onBar = errors.filter((e) => e.message.includes("sync 0"));
    const update = errors.filter((e) => e.message.includes("update handler bug"));
    const stop = errors.filter((e) => e.message.includes("stop handler bug"));
    expect(onBar[0]!.message).toStartWith(`strategy "test-strategy" onBar failed on X bar ${new Date(T0).toISOString()}: sync 0`);
    // The buy fills at bar 1's open and its update comes in bar 1's turn; the close at the end comes after the last bar.
    expect(update.map((e) => e.message)).toEqual([
      `strategy "test-strategy" onOrderUpdate failed on X bar ${new Date(T0 + DAY).toISOString()}: update handler bug`,
      'strategy "test-strategy" onOrderUpdate failed: update handler bug',
    ]);
    expect(stop.map((e) => e.message)).toEqual(['strategy "test-strategy" onStop failed: stop handler bug']);
    expect([onBar[0]!.details?.callback, update[0]!.details?.callback, stop[0]!.details?.callback]).toEqual(["onBar", "onOrderUpdate", "onStop"]);
  });
});
