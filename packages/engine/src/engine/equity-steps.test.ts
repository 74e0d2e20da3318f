import "@argo/provider-paper";
import { describe, expect, test } from "bun:test";
import type { Bar } from "@argo/core";
import { bar, backtest, DAY, strategy, T0 } from "../backtest/backtest.test-helper.ts";
import type { TradingStateChange } from "../risk/trading-state.ts";
import { barsFromCloses } from "../test-fixtures/bars.ts";
import { runEngine, testStrategy } from "../test-fixtures/run-engine.ts";

/** Daily bars of one symbol from closes, one per listed day (open = the previous close, as a gap-free market trades). */
const daily = (symbol: string, closes: Record<number, number>): Bar[] => {
  let previous: number | undefined;
  return Object.entries(closes).map(([day, close]) => {
    const open = previous ?? close;
    previous = close;
    return bar(symbol, Number(day), open, Math.max(open, close), Math.min(open, close), close);
  });
};
const merged = (...series: Bar[][]) => series.flat().sort((a, b) => a.openTime - b.openTime || a.symbol.localeCompare(b.symbol));

/**
 * Buys (or sells) `quantity` of each symbol on its first bar, and logs each bar's turn with the trading state it sees,
 * and each state change, in the order they happen.
 */
function logging(sides: Record<string, "BUY" | "SELL">, quantity: number, log: string[]) {
  return strategy({
    async onBar(b, ctx) {
      const i = ctx.history(b.symbol).length - 1;
      if (i === 0) await ctx.placeOrder({ side: sides[b.symbol]!, quantity });
      log.push(`${b.symbol}@${(b.openTime - T0) / DAY} ${ctx.tradingState}`);
    },
  });
}
const onChange = (log: string[], changes: TradingStateChange[]) => ({
  onTradingStateChange: (change: TradingStateChange) => {
    changes.push(change);
    log.push(`${change.from}->${change.to}`);
  },
});

describe("equity limits judge a session of several symbols once per complete time step", () => {
  // Long 50 X and short 50 Y, both bought at day 1's open of 100, both closing 120 from day 3: the cash is 10,000 −
  // 5,000 + 5,000 = 10,000 and the equity 10,000 + 50 × (X − 100) − 50 × (Y − 100) = 10,000 at every step. Judged after
  // X's bar of day 3 alone it read 11,000 (a peak), then 10,000 after Y's: a 9.09% drawdown that never happened.
  const prices = [100, 100, 100, 120, 120, 120];
  const hedged = merged(daily("X", { ...prices }), daily("Y", { ...prices }));

  test("backtest: a hedged pair whose legs both rise keeps ACTIVE", async () => {
    const log: string[] = [];
    const changes: TradingStateChange[] = [];
    const result = await backtest(hedged, logging({ X: "BUY", Y: "SELL" }, 50, log), {
      engine: { risk: { maxDrawdown: 0.05 }, closeAtEnd: false }, callbacks: onChange(log, changes),
    });
    expect(changes).toEqual([]);
    expect(result.tradingState).toBe("ACTIVE");
    expect(log.filter((line) => !line.endsWith("ACTIVE"))).toEqual([]);
    expect(Array.from(result.equity.equity)).toEqual([10_000, 10_000, 10_000, 10_000, 10_000, 10_000]);
  });

  test("paper session: the same pair keeps ACTIVE however the bars of one time are ordered", async () => {
    // Bars of one minute come Y first at minute 3 and X first elsewhere: a stream keeps no symbol order.
    const x = barsFromCloses("X", prices);
    const y = barsFromCloses("Y", prices);
    const bars = x.flatMap((bx, i) => (i === 3 ? [y[i]!, bx] : [bx, y[i]!]));
    const changes: TradingStateChange[] = [];
    const run = await runEngine({
      bars, symbols: ["X", "Y"],
      strategy: testStrategy({
        async onBar(b, ctx) {
          if (ctx.history(b.symbol).length === 1) await ctx.placeOrder({ side: b.symbol === "X" ? "BUY" : "SELL", quantity: 50 });
        },
      }),
      engine: {
        trading: { provider: "paper", config: { initialCapital: 10_000, allowShorting: true, commission: { takerRate: 0, makerRate: 0 } } },
        risk: { maxDrawdown: 0.05 },
      },
      callbacks: { onTradingStateChange: (change) => void changes.push(change) },
    });
    expect(run.error).toBeUndefined();
    expect(changes).toEqual([]);
    expect(run.result?.tradingState).toBe("ACTIVE");
    expect(run.result?.positions.map((p) => [p.symbol, p.side, p.quantity])).toEqual([["X", "LONG", 50], ["Y", "SHORT", 50]]);
  });

  test("a real loss halts at the bar that completes its step, before that bar's turn: one bar later than X's own", async () => {
    // Long 40 X and 40 Y at 100 (cash 2,000). Day 3: X closes 60, Y 100: equity 2,000 + 2,400 + 4,000 = 8,400, a 16%
    // drawdown past the halt (1.5 × 10% = 15%). X's bar is first in that step, so X's turn still trades ACTIVE; the step
    // completes with Y's bar, which halts before Y's turn.
    const log: string[] = [];
    const changes: TradingStateChange[] = [];
    const input = merged(daily("X", { 0: 100, 1: 100, 2: 100, 3: 60, 4: 60 }), daily("Y", { 0: 100, 1: 100, 2: 100, 3: 100, 4: 100 }));
    await backtest(input, logging({ X: "BUY", Y: "BUY" }, 40, log), {
      engine: { risk: { maxDrawdown: 0.1 }, closeAtEnd: false }, callbacks: onChange(log, changes),
    });
    expect(log.slice(log.indexOf("X@3 ACTIVE"), log.indexOf("X@3 ACTIVE") + 3)).toEqual(["X@3 ACTIVE", "ACTIVE->HALTED", "Y@3 HALTED"]);
    expect(changes).toHaveLength(1);
    expect(changes[0]!.reason).toContain("drawdown 16.00%");
    expect(changes[0]!.time).toBe(T0 + 4 * DAY); // day 3's close
  });

  test("a step a symbol has no bar in is judged when the next time's first bar arrives, before its turn", async () => {
    // As above, but Y has no bar on day 3: X alone closes 60 there (equity 8,400 with Y still at 100, real then). The
    // step is complete only once day 4's first bar arrives: judged at day 3's close, before X's turn on day 4.
    const log: string[] = [];
    const changes: TradingStateChange[] = [];
    const input = merged(daily("X", { 0: 100, 1: 100, 2: 100, 3: 60, 4: 60 }), daily("Y", { 0: 100, 1: 100, 2: 100, 4: 100 }));
    await backtest(input, logging({ X: "BUY", Y: "BUY" }, 40, log), {
      engine: { risk: { maxDrawdown: 0.1 }, closeAtEnd: false }, callbacks: onChange(log, changes),
    });
    expect(log.slice(log.indexOf("X@3 ACTIVE"))).toEqual(["X@3 ACTIVE", "ACTIVE->HALTED", "X@4 HALTED", "Y@4 HALTED"]);
    expect(changes.map((c) => [c.reason.slice(0, 14), c.time])).toEqual([["drawdown 16.00", T0 + 4 * DAY]]);
  });

  test("a backtest's last step is judged when the data ends, even without every symbol's bar", async () => {
    // Y's data ends on day 3; X's last bar (day 4) closes 60: equity 8,400, judged once the data is over.
    const log: string[] = [];
    const changes: TradingStateChange[] = [];
    const input = merged(daily("X", { 0: 100, 1: 100, 2: 100, 3: 100, 4: 60 }), daily("Y", { 0: 100, 1: 100, 2: 100, 3: 100 }));
    const result = await backtest(input, logging({ X: "BUY", Y: "BUY" }, 40, log), {
      engine: { risk: { maxDrawdown: 0.1 }, closeAtEnd: false }, callbacks: onChange(log, changes),
    });
    expect(log.slice(-2)).toEqual(["X@4 ACTIVE", "ACTIVE->HALTED"]);
    expect(changes.map((c) => c.time)).toEqual([T0 + 5 * DAY]);
    expect(result.tradingState).toBe("HALTED");
  });
});
