import { describe, expect, test } from "bun:test";
import { backtest, bars, DAY, onBarAt, T0 } from "./backtest.test-helper.ts";
import type { BacktestResult } from "./backtest-result.ts";

// Daily bars open at midnight UTC: an order placed on a bar's close is placed at the next day's 00:00, so its DAY
// lifetime is exactly the next bar. The engine sets the venue clock to a bar's close before feeding it that bar.
const PRICES = [
  [100, 101, 99, 100],
  [100, 100, 96, 97], // day 1 reaches down to 96
  [97, 98, 90, 91], // day 2 reaches down to 90
  [91, 92, 90, 91],
] as const;

/** Backtests a strategy that places one DAY limit buy of 10 at `limitPrice` on the first bar's close; its round trips. */
async function dayLimitBuy(limitPrice: number): Promise<BacktestResult["trades"]> {
  let status: string | undefined;
  const strategy = onBarAt(async (i, _bar, ctx) => {
    if (i !== 0) return;
    const result = await ctx.placeOrder({ side: "BUY", type: "LIMIT", quantity: 10, limitPrice, timeInForce: "DAY" });
    status = result.status === "placed" ? result.order.status : result.status;
  });
  const result = await backtest(bars("X", PRICES), strategy, { engine: { closeAtEnd: "last-close" } });
  expect(status).toBe("ACCEPTED");
  return result.trades;
}

describe("DAY orders in a daily backtest", () => {
  test("a DAY limit placed on a bar's close trades in the next bar, the day it lives in", async () => {
    const trades = await dayLimitBuy(97);
    expect(trades.map((t) => [t.size, t.entryPrice, t.entryTime])).toEqual([[10, 97, T0 + DAY]]);
  });

  test("a DAY limit the next bar does not reach expires with that day: day 2's lower prices never fill it", async () => {
    expect(await dayLimitBuy(93)).toEqual([]);
  });
});
