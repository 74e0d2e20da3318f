import type { Bar } from "@argo/core";
import { describe, expect, test } from "bun:test";
import type { StrategyContext } from "../strategy/strategy-context.ts";
import { dayOrderLog, expectDayOrderRules } from "../test-fixtures/day-order-log.ts";
import type { CloseAtEnd } from "./backtest-options.ts";
import { backtest, bar, bars, DAY, strategy, T0 } from "./backtest.test-helper.ts";

const PRICES = [
  [100, 100, 100, 100],
  [100, 102, 99, 101], // the market buy fills at this open, 100
  [101, 104, 100, 103],
  [103, 110, 102, 106], // last bar: open 103, close 106
] as const;
const LAST = T0 + 3 * DAY;

/** What the strategy saw on each bar: its open orders (id:status) and its position. */
type View = [string[], number];
const view = (ctx: StrategyContext<unknown>): View => [ctx.openOrders().map((o) => `${o.clientOrderId}:${o.status}`), ctx.position()?.quantity ?? 0];

/** Buys 10 at market on the first bar; on the last bar places DAY limits that would trade on the day after the data. */
async function runToEnd(closeAtEnd: CloseAtEnd) {
  const log = dayOrderLog();
  const s = strategy({
    onBar: async (b, ctx) => {
      if (b.openTime === T0) await ctx.placeOrder({ side: "BUY", quantity: 10, clientOrderId: "entry" });
      if (b.openTime !== LAST) return;
      await ctx.placeOrder({ side: "SELL", type: "LIMIT", quantity: 10, limitPrice: 107, timeInForce: "DAY", clientOrderId: "exit" });
      await ctx.placeOrder({ side: "BUY", type: "LIMIT", quantity: 5, limitPrice: 104, timeInForce: "DAY", clientOrderId: "dip" });
    },
  });
  const result = await backtest(bars("X", PRICES), s, { engine: { closeAtEnd }, callbacks: log.callbacks });
  expectDayOrderRules(log);
  return { result, log };
}

describe("DAY orders still working when the backtest ends", () => {
  test("closeAtEnd false: they stay open (their day is after the data), nothing fills after the last bar", async () => {
    const { result, log } = await runToEnd(false);
    expect(result.openOrders.map((o) => [o.clientOrderId, o.status, o.createdAt])).toEqual([
      ["exit", "ACCEPTED", LAST + DAY],
      ["dip", "ACCEPTED", LAST + DAY],
    ]);
    expect(result.fills.map((f) => [f.clientOrderId, f.price, f.time])).toEqual([["entry", 100, T0 + DAY]]);
    expect(log.statuses("exit")).toEqual(["ACCEPTED"]);
    expect(result.positions.map((p) => p.quantity)).toEqual([10]);
    // 10 bought at 100, marked at the last close 106.
    expect(result.finalEquity).toBeCloseTo(10_000 + 10 * (106 - 100), 9);
  });

  for (const [closeAtEnd, price] of [["last-close", 106], ["last-open", 103]] as const) {
    test(`closeAtEnd ${closeAtEnd}: they are cancelled before the settlement bar, which only closes the position at ${price}`, async () => {
      const { result, log } = await runToEnd(closeAtEnd);
      expect(result.openOrders).toEqual([]);
      for (const id of ["exit", "dip"]) expect(log.statuses(id)).toEqual(["ACCEPTED", "CANCELLED"]);
      // The settlement bar has one price: 106 reaches neither limit, 103 would fill the dip's buy at 104. Neither
      // may fill there: both are gone before it.
      expect(result.fills.map((f) => [f.clientOrderId, f.side, f.price])).toEqual([
        ["entry", "BUY", 100],
        ["bt-1", "SELL", price],
      ]);
      expect(result.positions).toEqual([]);
      expect(result.finalEquity).toBeCloseTo(10_000 + 10 * (price - 100), 9);
      expect(result.trades.map((t) => [t.size, t.entryPrice, t.exitPrice])).toEqual([[10, 100, price]]);
    });
  }
});

describe("what the strategy sees on the bar after a DAY order expired", () => {
  // Day 1 trades 4 of a DAY limit buy of 10 at 95 (half of a volume of 8) and its day ends with that bar.
  const input: Bar[] = [bar("X", 0, 100, 100, 100, 100), bar("X", 1, 100, 100, 90, 96, 8), bar("X", 2, 94, 95, 80, 82), bar("X", 3, 82, 83, 81, 82)];

  test("the rest expired: no open order, the 4 bought held, the cash spent", async () => {
    const views: View[] = [];
    const balances: number[] = [];
    const s = strategy({
      onBar: async (b, ctx) => {
        views.push(view(ctx));
        balances.push(ctx.account().balance);
        if (b.openTime === T0) await ctx.placeOrder({ side: "BUY", type: "LIMIT", quantity: 10, limitPrice: 95, timeInForce: "DAY", clientOrderId: "d" });
      },
    });
    const result = await backtest(input, s, { venue: { maxVolumeShare: 0.5 }, engine: { closeAtEnd: false } });
    // Day 2 reaches 80 but the order is gone: the 4 stay 4.
    expect(views).toEqual([[[], 0], [[], 4], [[], 4], [[], 4]]);
    expect(balances).toEqual([10_000, 10_000 - 4 * 95, 10_000 - 4 * 95, 10_000 - 4 * 95]);
    expect(result.fills.map((f) => [f.quantity, f.price, f.time])).toEqual([[4, 95, T0 + DAY]]);
  });

  test("a partly filled DAY bracket entry: its legs for the 4 are working from its day end and the next bar sees them", async () => {
    const log = dayOrderLog();
    const views: View[] = [];
    const s = strategy({
      onBar: async (b, ctx) => {
        views.push(view(ctx));
        if (b.openTime !== T0) return;
        await ctx.placeOrder({
          side: "BUY", type: "LIMIT", quantity: 10, limitPrice: 95, timeInForce: "DAY", clientOrderId: "e",
          stopLoss: { triggerPrice: 85 }, takeProfit: { triggerPrice: 120 },
        });
      },
    });
    const result = await backtest(input, s, { venue: { maxVolumeShare: 0.5 }, engine: { closeAtEnd: false }, callbacks: log.callbacks });
    expectDayOrderRules(log);
    // Day 2 opens at 94 and falls through the stop at 85: the 4 are sold there, the take-profit cancelled.
    expect(views).toEqual([[[], 0], [["e-sl:ACCEPTED", "e-tp:ACCEPTED"], 4], [[], 0], [[], 0]]);
    expect([log.last("e")?.status, log.last("e")?.updatedAt]).toEqual(["EXPIRED", T0 + 2 * DAY]);
    expect([log.last("e-sl")?.quantity, log.last("e-sl")?.createdAt, log.last("e-sl")?.status]).toEqual([4, T0 + 2 * DAY, "FILLED"]);
    expect(log.last("e-tp")?.status).toBe("CANCELLED");
    expect(result.fills.map((f) => [f.clientOrderId, f.quantity, f.price])).toEqual([["e", 4, 95], ["e-sl", 4, 85]]);
    expect(result.finalEquity).toBeCloseTo(10_000 + 4 * (85 - 95), 9);
  });
});
