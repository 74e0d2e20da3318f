import type { Bar } from "@argo/core";
import { describe, expect, test } from "bun:test";
import type { CancelResult, StrategyContext } from "../strategy/strategy-context.ts";
import { dayOrderLog, expectDayOrderRules } from "../test-fixtures/day-order-log.ts";
import { backtest, bar, DAY, strategy, T0 } from "./backtest.test-helper.ts";

describe("a strategy that re-places or cancels when it hears a DAY order EXPIRED", () => {
  test("re-placing the same DAY limit each day: one order per day, none lost or doubled, filled on the day it is reached", async () => {
    const log = dayOrderLog();
    const placed: string[] = [];
    let next = 1;
    const placeDay = async (ctx: StrategyContext<unknown>) => {
      const id = `r${next++}`;
      placed.push(`${id}@${(ctx.time - T0) / DAY}`);
      await ctx.placeOrder({ side: "BUY", type: "LIMIT", quantity: 10, limitPrice: 90, timeInForce: "DAY", clientOrderId: id });
    };
    const s = strategy({
      onBar: async (b, ctx) => {
        if (b.openTime === T0) await placeDay(ctx);
      },
      onOrderUpdate: async (order, ctx) => {
        if (order.status === "EXPIRED") await placeDay(ctx);
      },
    });
    const input: Bar[] = [
      bar("X", 0, 100, 100, 100, 100),
      bar("X", 1, 100, 100, 96, 97),
      bar("X", 2, 97, 98, 95, 96),
      bar("X", 3, 93, 94, 89, 91), // reaches 90
      bar("X", 4, 91, 92, 85, 88), // lower still, but the order is filled
    ];
    const result = await backtest(input, s, { engine: { closeAtEnd: false }, callbacks: log.callbacks });
    expectDayOrderRules(log);
    // Each placed at the close of the bar that expired its predecessor: day 1, 2, 3 (engine clock in days from T0).
    expect(placed).toEqual(["r1@1", "r2@2", "r3@3"]);
    expect(["r1", "r2", "r3"].map((id) => log.statuses(id))).toEqual([
      ["ACCEPTED", "EXPIRED"],
      ["ACCEPTED", "EXPIRED"],
      ["ACCEPTED", "FILLED"],
    ]);
    expect(["r1", "r2"].map((id) => log.last(id)?.updatedAt)).toEqual([T0 + 2 * DAY, T0 + 3 * DAY]);
    expect(result.fills.map((f) => [f.clientOrderId, f.price, f.time])).toEqual([["r3", 90, T0 + 3 * DAY]]);
    expect([result.counters.ordersPlaced, result.counters.fills, result.counters.ordersRejected]).toEqual([3, 1, 0]);
    expect([result.openOrders, result.positions.map((p) => p.quantity)]).toEqual([[], [10]]);
    expect(result.finalEquity).toBeCloseTo(10_000 - 900 + 880, 9);
  });

  test("cancelling the expired order is refused and changes nothing; cancelling its GTC companion works once", async () => {
    const log = dayOrderLog();
    const cancels: Array<[string, CancelResult]> = [];
    const s = strategy({
      onBar: async (b, ctx) => {
        if (b.openTime !== T0) return;
        await ctx.placeOrder({ side: "BUY", type: "LIMIT", quantity: 10, limitPrice: 90, timeInForce: "DAY", clientOrderId: "entry" });
        await ctx.placeOrder({ side: "BUY", type: "LIMIT", quantity: 5, limitPrice: 80, clientOrderId: "companion" });
      },
      onOrderUpdate: async (order, ctx) => {
        if (order.status !== "EXPIRED") return;
        cancels.push([order.clientOrderId, await ctx.cancelOrder(order.clientOrderId)]);
        cancels.push(["companion", await ctx.cancelOrder("companion")]);
      },
    });
    const input = [bar("X", 0, 100, 100, 100, 100), bar("X", 1, 100, 100, 95, 96), bar("X", 2, 96, 96, 70, 75)];
    const result = await backtest(input, s, { engine: { closeAtEnd: false }, callbacks: log.callbacks });
    expectDayOrderRules(log);
    expect(cancels.map(([id, r]) => [id, r.ok, r.ok ? r.order.status : r.code])).toEqual([
      ["entry", false, "ORDER_NOT_FOUND"],
      ["companion", true, "CANCELLED"],
    ]);
    expect(log.statuses("entry")).toEqual(["ACCEPTED", "EXPIRED"]);
    expect(log.statuses("companion")).toEqual(["ACCEPTED", "CANCELLED"]);
    // Cancelled at the close of day 1, before day 2 fell through 80: nothing filled.
    expect(log.last("companion")?.updatedAt).toBe(T0 + 2 * DAY);
    expect([result.fills, result.openOrders, result.finalEquity]).toEqual([[], [], 10_000]);
  });

  test("two symbols: B's DAY order expires during A's bar (B had no bar that day); its replacement waits for B's next day", async () => {
    const log = dayOrderLog();
    const s = strategy({
      onBar: async (b, ctx) => {
        if (b.symbol === "B" && b.openTime === T0) {
          await ctx.placeOrder({ symbol: "B", side: "BUY", type: "LIMIT", quantity: 10, limitPrice: 42, timeInForce: "DAY", clientOrderId: "b1" });
        }
      },
      onOrderUpdate: async (order, ctx) => {
        if (order.clientOrderId === "b1" && order.status === "EXPIRED") {
          await ctx.placeOrder({ symbol: "B", side: "BUY", type: "LIMIT", quantity: 10, limitPrice: 42, timeInForce: "DAY", clientOrderId: "b2" });
        }
      },
    });
    const input = [
      bar("A", 0, 100, 100, 100, 100), bar("B", 0, 50, 50, 50, 50),
      bar("A", 1, 100, 100, 100, 100), // no B bar on day 1
      bar("A", 2, 100, 100, 100, 100), bar("B", 2, 50, 50, 40, 45), // placed at A's day-2 close, b2 is too late for this bar
      bar("A", 3, 100, 100, 100, 100), bar("B", 3, 45, 46, 41, 44),
    ];
    const result = await backtest(input, s, { engine: { closeAtEnd: false }, callbacks: log.callbacks });
    expectDayOrderRules(log);
    expect([log.last("b1")?.status, log.last("b1")?.updatedAt]).toEqual(["EXPIRED", T0 + 2 * DAY]);
    const b2 = log.last("b2")!;
    expect([b2.createdAt, b2.status, b2.averageFillPrice, b2.fills[0]?.time]).toEqual([T0 + 3 * DAY, "FILLED", 42, T0 + 3 * DAY]);
    expect(result.fills.map((f) => f.clientOrderId)).toEqual(["b2"]);
    expect(result.counters.ordersPlaced).toBe(2);
  });
});
