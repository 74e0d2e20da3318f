import type { Bar, OrderType } from "@argo/core";
import type { PaperConfigInput } from "@argo/provider-paper";
import { describe, expect, test } from "bun:test";
import { dayOrderLog, expectDayOrderRules } from "../test-fixtures/day-order-log.ts";
import { backtest, bar, DAY, strategy, T0 } from "./backtest.test-helper.ts";

const HOUR = 3_600_000;
const DAILY = [bar("X", 0, 100, 100, 100, 100), bar("X", 1, 100, 101, 90, 95), bar("X", 2, 95, 96, 80, 85)];
/** Placed on day 0's close: the order's day is day 1, ending at day 2, 00:00. */
const DAY_END = T0 + 2 * DAY;

/** Backtests one DAY buy of 10 placed on the bar opening at `placeOn` (a limit at 92 unless a market order). */
async function dayOrder(input: Bar[], type: OrderType, placeOn: number, venue: PaperConfigInput, interval = "1d") {
  const log = dayOrderLog();
  const seen: string[] = [];
  const s = strategy({
    onBar: async (b, ctx) => {
      seen.push(`bar ${b.openTime} open=${ctx.openOrders().length} position=${ctx.position()?.quantity ?? 0}`);
      if (b.openTime !== placeOn) return;
      await ctx.placeOrder({ side: "BUY", type, quantity: 10, ...(type === "LIMIT" ? { limitPrice: 92 } : {}), timeInForce: "DAY", clientOrderId: "d" });
    },
    onOrderUpdate: (order) => void seen.push(`${order.status} ${order.updatedAt}`),
  });
  const result = await backtest(input, s, { venue, engine: { interval, closeAtEnd: false }, callbacks: log.callbacks });
  expectDayOrderRules(log);
  return { result, log, seen, order: log.last("d")! };
}

describe("DAY orders reaching the venue late (latencyMs), daily bars", () => {
  test("a market order arriving inside its day's bar fills at that bar's close, recorded within its day", async () => {
    const { result, order } = await dayOrder(DAILY, "MARKET", T0, { latencyMs: HOUR });
    expect([order.status, order.averageFillPrice, order.filledQuantity]).toEqual(["FILLED", 95, 10]);
    // The close of day 1 is the first price known after its arrival; day 2 begins at DAY_END, after its expiry.
    expect(order.fills[0]!.time).toBeLessThan(DAY_END);
    expect(order.fills[0]!.time).toBeGreaterThanOrEqual(T0 + DAY + HOUR);
    expect(result.fills.map((f) => f.price)).toEqual([95]);
    expect(result.finalEquity).toBeCloseTo(10_000 - 950 + 850, 9);
  });

  test("a limit order arriving after its day's bar opened is not judged on that bar; it expires at its day end", async () => {
    const { result, log, order } = await dayOrder(DAILY, "LIMIT", T0, { latencyMs: HOUR });
    expect([order.status, order.filledQuantity, order.updatedAt]).toEqual(["EXPIRED", 0, DAY_END]);
    expect(log.statuses("d")).toEqual(["ACCEPTED", "EXPIRED"]);
    // Day 2 falls to 80, through the limit, after the order's day: no fill.
    expect(result.fills).toEqual([]);
    expect(result.finalEquity).toBe(10_000);
  });

  for (const type of ["MARKET", "LIMIT"] as const) {
    test(`a ${type} order whose latency brings it at its day end never trades and expires there`, async () => {
      const { result, order } = await dayOrder(DAILY, type, T0, { latencyMs: DAY });
      expect([order.status, order.filledQuantity, order.updatedAt]).toEqual(["EXPIRED", 0, DAY_END]);
      expect(result.fills).toEqual([]);
      expect([result.finalEquity, result.counters.ordersPlaced, result.counters.fills]).toEqual([10_000, 1, 0]);
    });
  }
});

describe("DAY orders reaching the venue inside the last hourly bar of their day", () => {
  // Hourly bars 21:00 to 01:00 across midnight into day 2. The order is placed on the 22:00 bar's close (23:00)
  // and arrives at 23:30, inside the day's last bar (23:00–00:00), whose close is 94.
  const hour = (h: number, open: number, high: number, low: number, close: number, volume = 1_000_000): Bar =>
    ({ symbol: "X", interval: "1h", openTime: DAY_END - 3 * HOUR + h * HOUR, open, high, low, close, volume });
  const HOURLY = [hour(0, 100, 100, 100, 100), hour(1, 100, 100, 99, 100), hour(2, 100, 100, 90, 94, 8), hour(3, 94, 94, 80, 85), hour(4, 85, 86, 84, 85)];
  const PLACE_ON = DAY_END - 2 * HOUR;
  const LAST_BAR = DAY_END - HOUR;

  test("a market order fills at the last bar's close, recorded before midnight", async () => {
    const { order } = await dayOrder(HOURLY, "MARKET", PLACE_ON, { latencyMs: HOUR / 2 }, "1h");
    expect([order.status, order.averageFillPrice]).toEqual(["FILLED", 94]);
    expect(order.fills[0]!.time).toBeGreaterThanOrEqual(LAST_BAR + HOUR / 2);
    expect(order.fills[0]!.time).toBeLessThan(DAY_END);
  });

  test("partly filled (half of a volume of 8): 4 at the close, the rest expires at midnight; the next bar sees both", async () => {
    const { order, seen, result } = await dayOrder(HOURLY, "MARKET", PLACE_ON, { latencyMs: HOUR / 2, maxVolumeShare: 0.5 }, "1h");
    expect([order.status, order.filledQuantity, order.averageFillPrice, order.updatedAt]).toEqual(["EXPIRED", 4, 94, DAY_END]);
    expect(order.fills[0]!.time).toBeLessThan(DAY_END);
    // Expired by the last bar of its day: the strategy hears it before that bar's onBar, and sees the 4 bought.
    expect(seen.slice(seen.indexOf(`bar ${PLACE_ON} open=0 position=0`) + 1)).toEqual([
      `ACCEPTED ${LAST_BAR}`,
      `PARTIALLY_FILLED ${order.fills[0]!.time}`,
      `EXPIRED ${DAY_END}`,
      `bar ${LAST_BAR} open=0 position=4`,
      `bar ${DAY_END} open=0 position=4`,
      `bar ${DAY_END + HOUR} open=0 position=4`,
    ]);
    expect(result.finalEquity).toBeCloseTo(10_000 - 4 * 94 + 4 * 85, 9);
  });

  test("a limit order cannot trade in the bar it arrived inside: it expires at midnight, before the next day's prices", async () => {
    const { order, seen, result } = await dayOrder(HOURLY, "LIMIT", PLACE_ON, { latencyMs: HOUR / 2 }, "1h");
    expect([order.status, order.filledQuantity, order.updatedAt]).toEqual(["EXPIRED", 0, DAY_END]);
    expect(seen.indexOf(`EXPIRED ${DAY_END}`)).toBe(seen.indexOf(`bar ${LAST_BAR} open=0 position=0`) - 1);
    expect(result.fills).toEqual([]);
  });
});
