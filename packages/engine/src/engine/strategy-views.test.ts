import { describe, expect, test } from "bun:test";
import type { Account, Bar, Order, Position } from "@argo/core";
import { createPaperVenue } from "@argo/provider-paper";
import * as v from "valibot";
import { InMemoryMarketData, runBacktest } from "../backtest/index.ts";
import type { RiskConfig } from "../risk/risk-config.ts";
import { defineStrategy } from "../strategy/define-strategy.ts";
import { silentLogger } from "../strategy/logger.ts";
import type { StrategyContext } from "../strategy/strategy-context.ts";

const DAY = 86_400_000;
const T0 = Date.UTC(2024, 0, 1);

/** Daily bars of "A": open = previous close, so a market order placed on day d fills at day d's close price on day d + 1. */
function bars(closes: readonly number[]): Bar[] {
  return closes.map((close, d) => {
    const open = d === 0 ? close : closes[d - 1]!;
    return { symbol: "A", interval: "1d", openTime: T0 + d * DAY, open, high: Math.max(open, close), low: Math.min(open, close), close, volume: 1e6 };
  });
}

/** A backtest on a zero-commission paper venue (10 000 cash) calling `onDay(day, ctx)` on every bar. */
async function run(closes: readonly number[], onDay: (day: number, ctx: StrategyContext) => void | Promise<void>, extra: { shorting?: boolean; risk?: Partial<RiskConfig> } = {}) {
  const strategy = defineStrategy({
    name: "views",
    description: "test",
    config: v.object({}),
    onBar: (bar, ctx) => onDay((bar.openTime - T0) / DAY, ctx),
  });
  const errors: string[] = [];
  const result = await runBacktest(
    {
      symbols: ["A"],
      interval: "1d",
      marketData: new InMemoryMarketData(bars(closes)),
      trading: createPaperVenue({ initialCapital: 10_000, allowShorting: extra.shorting ?? false, commission: { makerRate: 0, takerRate: 0 } }),
      strategy,
      logger: silentLogger,
      closeAtEnd: false,
      ...(extra.risk ? { risk: extra.risk } : {}),
    },
    { onStrategyError: (error) => void errors.push(error.message) },
  );
  return { result, errors };
}

describe("what the strategy reads is marked at the newest close", () => {
  test("a long bought at 100 reads the fall to 90 between fills", async () => {
    const seen: { position: Position | undefined; account: Account }[] = [];
    await run([100, 100, 110, 120, 90, 95], async (day, ctx) => {
      seen[day] = { position: ctx.position(), account: ctx.account() };
      if (day === 0) await ctx.placeOrder({ side: "BUY", quantity: 10 });
    });
    // Bought 10 at 100 (day 1's open): cash 10 000 − 1 000 = 9 000; nothing trades after, so no venue event after day 1.
    const day4 = seen[4]!;
    expect(day4.position?.marketPrice).toBe(90);
    expect(day4.position?.unrealizedPnl).toBe((90 - 100) * 10);
    expect(day4.position?.averagePrice).toBe(100);
    expect(day4.account.balance).toBe(9_000);
    expect(day4.account.equity).toBe(9_000 + 10 * 90);
    expect(day4.account.unrealizedPnl).toBe(-100);
    expect(seen[3]!.account.equity).toBe(9_000 + 10 * 120);
    expect(seen[5]!.position?.unrealizedPnl).toBe((95 - 100) * 10);
  });

  test("a short gains as the price falls (unrealized P&L by side)", async () => {
    const seen: { position: Position | undefined; account: Account }[] = [];
    await run([100, 100, 90, 80], async (day, ctx) => {
      seen[day] = { position: ctx.position(), account: ctx.account() };
      if (day === 0) await ctx.placeOrder({ side: "SELL", quantity: 10 });
    }, { shorting: true });
    // Sold 10 short at 100: cash 10 000 + 1 000 = 11 000; at 80 the short is worth −800 and has gained 200.
    const day3 = seen[3]!;
    expect(day3.position?.side).toBe("SHORT");
    expect(day3.position?.marketPrice).toBe(80);
    expect(day3.position?.unrealizedPnl).toBe((100 - 80) * 10);
    expect(day3.account.equity).toBe(11_000 - 10 * 80);
    expect(day3.account.unrealizedPnl).toBe(200);
  });
});

describe("a strategy cannot change engine state through what it reads", () => {
  test("popping ctx.positions() does not stop the close on halt", async () => {
    let popError: unknown;
    const { result } = await run([100, 100, 100, 40, 40, 40], async (day, ctx) => {
      if (day === 0) await ctx.placeOrder({ side: "BUY", quantity: 90 });
      if (day === 2) {
        try {
          (ctx.positions() as Position[]).pop();
        } catch (error) {
          popError = error;
        }
      }
    }, { risk: { haltDrawdown: 0.3, closePositionsOnHalt: true } });
    expect(popError).toBeInstanceOf(TypeError);
    // Equity falls from 10 000 to 1 000 + 90 × 40 = 4 600 on day 3: halted, and the 90 are sold at day 4's open (40).
    expect(result.fills.map((f) => [f.side, f.quantity, f.price])).toEqual([["BUY", 90, 100], ["SELL", 90, 40]]);
    expect(result.positions).toEqual([]);
  });

  test("changing the position or account read does not change what the engine closes or reads next", async () => {
    let later: { quantity: number | undefined; balance: number } | undefined;
    let close: unknown;
    await run([100, 100, 100, 100, 100, 100], async (day, ctx) => {
      if (day === 0) await ctx.placeOrder({ side: "BUY", quantity: 10 });
      if (day === 2) {
        ctx.position()!.quantity = 1000;
        ctx.account().balance += 1e6;
      }
      if (day === 3) later = { quantity: ctx.position()?.quantity, balance: ctx.account().balance };
      if (day === 4) {
        const outcome = await ctx.signal({ action: "CLOSE_LONG" });
        close = outcome.status === "placed" ? ["placed", outcome.order.quantity] : [outcome.status, outcome.reason];
      }
    });
    expect(later).toEqual({ quantity: 10, balance: 9_000 });
    expect(close).toEqual(["placed", 10]);
  });

  test("open orders come as a frozen list of frozen copies; the venue's own objects stay unfrozen", async () => {
    let list: readonly Order[] = [];
    let again: readonly Order[] = [];
    const attempts: unknown[] = [];
    const { result } = await run([100, 100, 100], async (day, ctx) => {
      if (day === 0) await ctx.placeOrder({ side: "BUY", type: "LIMIT", limitPrice: 50, quantity: 1 });
      if (day === 1) {
        list = ctx.openOrders();
        again = ctx.openOrders("A");
        for (const change of [() => (list as Order[]).pop(), () => { list[0]!.quantity = 1000; }, () => list[0]!.fills.push(list[0]!.fills[0]!)]) {
          try {
            change();
          } catch (error) {
            attempts.push(error);
          }
        }
      }
    });
    expect(list.length).toBe(1);
    expect(again[0]).toBe(list[0]!);
    expect(attempts.length).toBe(3);
    expect(attempts.every((e) => e instanceof TypeError)).toBe(true);
    // The engine's own record (the run's result reads it) still holds the order as placed, and not frozen.
    expect(result.openOrders.map((o) => [o.quantity, o.limitPrice])).toEqual([[1, 50]]);
    expect(Object.isFrozen(result.openOrders[0])).toBe(false);
  });
});
