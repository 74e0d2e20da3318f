import { describe, expect, test } from "bun:test";
import { dayOrderLog, expectDayOrderRules } from "../test-fixtures/day-order-log.ts";
import { backtest, bar, DAY, strategy, T0 } from "./backtest.test-helper.ts";

// X has bars on days 0-2, Y only on days 0-1: the data ends at the close of X's day 2 (T0 + 3 days). A DAY limit on Y
// placed on the close of Y's day 1 (at T0 + 2 days) lives for day 2 and expires at T0 + 3 days: the end of the data.
const INPUT = [
  bar("X", 0, 100, 100, 100, 100), bar("Y", 0, 50, 50, 50, 50),
  bar("X", 1, 100, 101, 99, 100), bar("Y", 1, 50, 51, 49, 50),
  bar("X", 2, 100, 101, 99, 100),
];

function placeOnY() {
  return strategy({
    onBar: async (b, ctx) => {
      if (b.symbol === "Y" && b.openTime === T0 + DAY) {
        await ctx.placeOrder({ symbol: "Y", side: "BUY", type: "LIMIT", quantity: 1, limitPrice: 40, timeInForce: "DAY", clientOrderId: "y-day" });
      }
    },
  });
}

describe("a DAY order of a symbol whose data ends early", () => {
  test("closeAtEnd false: its day ended with the data, so it ends EXPIRED at its day end, not open", async () => {
    const log = dayOrderLog();
    const result = await backtest(INPUT, placeOnY(), { engine: { closeAtEnd: false }, callbacks: log.callbacks });
    expect(result.openOrders).toEqual([]);
    expect(log.statuses("y-day")).toEqual(["ACCEPTED", "EXPIRED"]);
    expect(log.last("y-day")?.updatedAt).toBe(T0 + 3 * DAY);
    expectDayOrderRules(log);
  });

  test("closeAtEnd last-close: EXPIRED too, not cancelled by the final pass", async () => {
    const log = dayOrderLog();
    const result = await backtest(INPUT, placeOnY(), { engine: { closeAtEnd: "last-close" }, callbacks: log.callbacks });
    expect(result.openOrders).toEqual([]);
    expect(log.statuses("y-day")).toEqual(["ACCEPTED", "EXPIRED"]);
  });

  test("an order whose day is after the data stays open with closeAtEnd false", async () => {
    const s = strategy({
      onBar: async (b, ctx) => {
        if (b.symbol === "X" && b.openTime === T0 + 2 * DAY) {
          await ctx.placeOrder({ symbol: "X", side: "BUY", type: "LIMIT", quantity: 1, limitPrice: 40, timeInForce: "DAY", clientOrderId: "x-day" });
        }
      },
    });
    const result = await backtest(INPUT, s, { engine: { closeAtEnd: false } });
    expect(result.openOrders.map((o) => [o.clientOrderId, o.status])).toEqual([["x-day", "ACCEPTED"]]);
  });
});
