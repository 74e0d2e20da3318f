import type { Bar } from "@argo/core";
import { createPaperVenue } from "@argo/provider-paper";
import { describe, expect, test } from "bun:test";
import { silentLogger } from "../strategy/logger.ts";
import { dayOrderLog, expectDayOrderRules } from "../test-fixtures/day-order-log.ts";
import { bar, DAY, NO_COSTS, strategy, T0 } from "./backtest.test-helper.ts";
import { InMemoryMarketData } from "./in-memory-market-data.ts";
import { runBacktest } from "./run-backtest.ts";

// Two symbols, daily bars from T0. Both DAY limits are placed on B's first bar, at its close (day 1, 00:00):
// their day is day 1, ending at day 2, 00:00. Each may trade only in its own symbol's day-1 bar.
const PLACED = T0 + DAY;
const DAY_END = T0 + 2 * DAY;

/** Runs A and B over `input` (symbols in that order); the strategy places "a" (A at 92) and "b" (B at 42), 10 each. */
async function run(input: Bar[]) {
  const log = dayOrderLog();
  /** What the strategy saw at each bar: symbol, day, open orders, A's position. */
  const views: Array<[string, number, string[], number | undefined]> = [];
  const seenAt: string[] = [];
  const venue = createPaperVenue(NO_COSTS);
  const s = strategy({
    onBar: async (b, ctx) => {
      views.push([b.symbol, (b.openTime - T0) / DAY, ctx.openOrders().map((o) => o.clientOrderId), ctx.position("A")?.quantity]);
      seenAt.push(`bar ${b.symbol}${(b.openTime - T0) / DAY}`);
      if (b.symbol !== "B" || b.openTime !== T0) return;
      await ctx.placeOrder({ symbol: "A", side: "BUY", type: "LIMIT", quantity: 10, limitPrice: 92, timeInForce: "DAY", clientOrderId: "a" });
      await ctx.placeOrder({ symbol: "B", side: "BUY", type: "LIMIT", quantity: 10, limitPrice: 42, timeInForce: "DAY", clientOrderId: "b" });
    },
    onOrderUpdate: (order) => void seenAt.push(`${order.clientOrderId} ${order.status}`),
  });
  const result = await runBacktest(
    { symbols: ["A", "B"], interval: "1d", marketData: new InMemoryMarketData(input), trading: venue, strategy: s, logger: silentLogger, closeAtEnd: false },
    log.callbacks,
  );
  expectDayOrderRules(log);
  return { result, log, views, seenAt, venue };
}

describe("DAY orders on two symbols, one missing a day's bar", () => {
  test("B has no day-1 bar: A's order trades in A's day-1 bar; B's expires at its day end and B's day-2 bar does not fill it", async () => {
    const { result, log, views, seenAt, venue } = await run([
      bar("A", 0, 100, 100, 100, 100), bar("B", 0, 50, 50, 50, 50),
      bar("A", 1, 100, 101, 90, 95), // reaches 92
      bar("A", 2, 95, 96, 94, 95), bar("B", 2, 50, 50, 40, 45), // B reaches 42 only on day 2, after its order's day
      bar("A", 3, 95, 96, 94, 95), bar("B", 3, 45, 46, 44, 45),
    ]);
    const a = log.last("a")!;
    expect([a.status, a.averageFillPrice, a.fills.map((f) => f.time), a.updatedAt]).toEqual(["FILLED", 92, [PLACED], PLACED]);
    const b = log.last("b")!;
    expect([b.status, b.filledQuantity, b.createdAt, b.updatedAt]).toEqual(["EXPIRED", 0, PLACED, DAY_END]);
    expect(log.statuses("b")).toEqual(["ACCEPTED", "EXPIRED"]);
    // While only A's day-1 bar is known, B's day-1 bar could still come: "b" is open. Its expiry reaches the
    // strategy before the next bar, A's day 2, whose open is past b's day end.
    expect(views).toEqual([
      ["A", 0, [], undefined],
      ["B", 0, [], undefined],
      ["A", 1, ["b"], 10],
      ["A", 2, [], 10],
      ["B", 2, [], 10],
      ["A", 3, [], 10],
      ["B", 3, [], 10],
    ]);
    expect(seenAt.indexOf("b EXPIRED")).toBe(seenAt.indexOf("bar A2") - 1);
    expect(result.fills.map((f) => [f.clientOrderId, f.price, f.time])).toEqual([["a", 92, PLACED]]);
    expect((await venue.getTrades()).map((t) => t.clientOrderId)).toEqual(["a"]);
    expect(result.openOrders).toEqual([]);
    // Cash 10,000 − 920, plus 10 A marked at its last close 95.
    expect(result.finalEquity).toBeCloseTo(10_000 - 920 + 950, 9);
    expect([result.counters.ordersPlaced, result.counters.fills]).toEqual([2, 1]);
  });

  test("A has no day-1 bar: B's day-1 bar fills b without expiring a; A's day-2 bar expires a before trading it", async () => {
    const { result, log, views, seenAt } = await run([
      bar("A", 0, 100, 100, 100, 100), bar("B", 0, 50, 50, 50, 50),
      bar("B", 1, 50, 50, 41, 45), // reaches 42
      bar("A", 2, 95, 96, 80, 95), bar("B", 2, 45, 46, 44, 45), // A reaches 92 only on day 2
    ]);
    const b = log.last("b")!;
    expect([b.status, b.averageFillPrice, b.fills.map((f) => f.time)]).toEqual(["FILLED", 42, [PLACED]]);
    const a = log.last("a")!;
    expect([a.status, a.filledQuantity, a.updatedAt]).toEqual(["EXPIRED", 0, DAY_END]);
    // B's day-1 bar says nothing of A's day 1 past its open: "a" is still open when the strategy sees it.
    expect(views.map(([symbol, day, open]) => [symbol, day, open])).toEqual([
      ["A", 0, []],
      ["B", 0, []],
      ["B", 1, ["a"]],
      ["A", 2, []],
      ["B", 2, []],
    ]);
    expect(seenAt.indexOf("a EXPIRED")).toBe(seenAt.indexOf("bar A2") - 1);
    expect(result.fills.map((f) => f.clientOrderId)).toEqual(["b"]);
    expect(result.finalEquity).toBeCloseTo(10_000 - 420 + 450, 9);
  });

  test("neither reached: both expire stamped at the same day end, each noticed by the first bar that can tell", async () => {
    const { log, seenAt } = await run([
      bar("A", 0, 100, 100, 100, 100), bar("B", 0, 50, 50, 50, 50),
      bar("A", 1, 100, 101, 93, 95),
      bar("A", 2, 95, 96, 80, 95), bar("B", 2, 50, 50, 30, 45),
    ]);
    for (const id of ["a", "b"]) {
      expect([log.last(id)?.status, log.last(id)?.filledQuantity, log.last(id)?.updatedAt]).toEqual(["EXPIRED", 0, DAY_END]);
      expect(log.statuses(id)).toEqual(["ACCEPTED", "EXPIRED"]);
    }
    // A's own day-1 bar ends a's day at its close; b waits for the next bar's open.
    expect(seenAt.slice(4)).toEqual(["a EXPIRED", "bar A1", "b EXPIRED", "bar A2", "bar B2"]);
  });
});
