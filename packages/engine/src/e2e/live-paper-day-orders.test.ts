import type { Bar } from "@argo/core";
import { createPaperVenue } from "@argo/provider-paper";
import { describe, expect, test } from "bun:test";
import { InMemoryMarketData } from "../backtest/in-memory-market-data.ts";
import { LiveEngine } from "../engine/live-engine.ts";
import { silentLogger } from "../strategy/logger.ts";
import type { StrategyContext } from "../strategy/strategy-context.ts";
import { dayOrderLog, expectDayOrderRules } from "../test-fixtures/day-order-log.ts";
import { testStrategy } from "../test-fixtures/run-engine.ts";

const HOUR = 3_600_000;
/** Midnight into 2024-01-03 (UTC): the day end of DAY orders placed on the 2nd. */
const MIDNIGHT = Date.UTC(2024, 0, 3);
const at = (hoursFromMidnight: number) => MIDNIGHT + hoursFromMidnight * HOUR;

function hourBar(symbol: string, hoursFromMidnight: number, open: number, high: number, low: number, close: number): Bar {
  return { symbol, interval: "1h", openTime: at(hoursFromMidnight), open, high, low, close, volume: 1_000_000 };
}

/** Runs the live engine in paper mode: the in-memory data streamed, a commission-free paper venue of `symbols`. */
async function livePaper(symbols: string[], input: Bar[], strategy: ReturnType<typeof testStrategy>) {
  const log = dayOrderLog();
  const errors: string[] = [];
  // The symbols are listed, so the venue takes orders for them before their first bar (in init).
  const venue = createPaperVenue({ initialCapital: 10_000, symbols, commission: { makerRate: 0, takerRate: 0 } });
  const engine = new LiveEngine({ symbols, interval: "1h", marketData: new InMemoryMarketData(input), trading: venue, strategy, logger: silentLogger });
  const result = await engine.run(undefined, { ...log.callbacks, onError: (error) => void errors.push(error.code) });
  expectDayOrderRules(log);
  return { result, log, errors, venue };
}

const openIds = (ctx: StrategyContext<unknown>) => ctx.openOrders().map((o) => o.clientOrderId);

describe("a live paper run on hourly bars across midnight", () => {
  test("DAY orders trade until midnight, expire there, and the strategy hears it before the next onBar and re-places", async () => {
    const seen: string[] = [];
    const s = testStrategy({
      onBar: async (b, ctx) => {
        seen.push(`bar ${(b.openTime - MIDNIGHT) / HOUR} open=${openIds(ctx)} position=${ctx.position()?.quantity ?? 0}`);
        if (b.openTime !== at(-4)) return;
        await ctx.placeOrder({ side: "BUY", type: "LIMIT", quantity: 10, limitPrice: 95, timeInForce: "DAY", clientOrderId: "d1" });
        await ctx.placeOrder({ side: "BUY", type: "LIMIT", quantity: 1, limitPrice: 98, timeInForce: "DAY", clientOrderId: "last" });
      },
      onOrderUpdate: async (order, ctx) => {
        if (order.status === "ACCEPTED") return;
        seen.push(`${order.clientOrderId} ${order.status}`);
        // A new day, a new order: placed at midnight (the engine clock), so it lives through the 3rd.
        if (order.clientOrderId === "d1" && order.status === "EXPIRED") {
          await ctx.placeOrder({ side: "BUY", type: "LIMIT", quantity: 10, limitPrice: 95, timeInForce: "DAY", clientOrderId: "d2" });
        }
      },
    });
    const { result, log } = await livePaper(["X"], [
      hourBar("X", -4, 100, 100, 100, 100),
      hourBar("X", -3, 100, 100, 99, 100),
      hourBar("X", -2, 100, 100, 99, 100),
      hourBar("X", -1, 100, 100, 97, 99), // the day's last bar reaches 98, not 95
      hourBar("X", 0, 99, 99, 94, 96), // the 3rd reaches 95
      hourBar("X", 1, 96, 96, 96, 96),
    ], s);
    expect(seen).toEqual([
      "bar -4 open= position=0",
      "bar -3 open=d1,last position=0",
      "bar -2 open=d1,last position=0",
      "last FILLED",
      "d1 EXPIRED",
      "bar -1 open=d2 position=1",
      "d2 FILLED",
      "bar 0 open= position=11",
      "bar 1 open= position=11",
    ]);
    expect([log.last("last")?.averageFillPrice, log.last("last")?.fills[0]?.time]).toEqual([98, at(-1)]);
    expect([log.last("d1")?.filledQuantity, log.last("d1")?.updatedAt]).toEqual([0, MIDNIGHT]);
    expect([log.last("d2")?.createdAt, log.last("d2")?.averageFillPrice, log.last("d2")?.fills[0]?.time]).toEqual([MIDNIGHT, 95, MIDNIGHT]);
    for (const id of ["d1", "d2", "last"]) expect(log.statuses(id)[0]).toBe("ACCEPTED");
    expect([result.mode, result.counters.ordersPlaced, result.counters.fills, result.openOrders.length]).toEqual(["paper", 3, 2, 0]);
    expect(result.account.balance).toBeCloseTo(10_000 - 98 - 950, 9);
  });

  test("DAY orders placed in init, before the venue clock started, take the first bar's day (not 1970's)", async () => {
    const seen: string[] = [];
    const s = testStrategy({
      init: async (ctx) => {
        await ctx.placeOrder({ symbol: "X", side: "BUY", type: "LIMIT", quantity: 10, limitPrice: 95, timeInForce: "DAY", clientOrderId: "low" });
        await ctx.placeOrder({ symbol: "X", side: "BUY", type: "LIMIT", quantity: 1, limitPrice: 98, timeInForce: "DAY", clientOrderId: "near" });
      },
      onBar: async (b, ctx) => void seen.push(`bar ${(b.openTime - MIDNIGHT) / HOUR} open=${openIds(ctx)} position=${ctx.position()?.quantity ?? 0}`),
      onOrderUpdate: async (order) => void seen.push(`${order.clientOrderId} ${order.status} created=${(order.createdAt - MIDNIGHT) / HOUR}`),
    });
    // The session starts with the 2nd's last hour: the orders' day ends at midnight, inside the first bar's close.
    const { log, errors } = await livePaper(["X"], [
      hourBar("X", -1, 100, 100, 97, 99), // reaches 98, not 95
      hourBar("X", 0, 99, 99, 94, 96), // the 3rd reaches 95: too late for a DAY order of the 2nd
      hourBar("X", 1, 96, 96, 96, 96),
    ], s);
    expect(errors).toEqual([]);
    // Told ACCEPTED once each, dated by the first bar's open (placement, with the clock at 0, tells no order event).
    expect(seen).toEqual([
      "low ACCEPTED created=-1",
      "near ACCEPTED created=-1",
      "near FILLED created=-1",
      "low EXPIRED created=-1",
      "bar -1 open= position=1",
      "bar 0 open= position=1",
      "bar 1 open= position=1",
    ]);
    // Placed with the venue's clock not started (0), then dated by the first bar's open and reported, once.
    expect(log.updates.filter((o) => o.clientOrderId === "low").map((o) => [o.status, o.createdAt, o.updatedAt])).toEqual([
      ["ACCEPTED", at(-1), at(-1)],
      ["EXPIRED", at(-1), MIDNIGHT],
    ]);
    expect([log.last("near")?.averageFillPrice, log.last("near")?.fills[0]?.time]).toEqual([98, at(-1)]);
  });

  test("a bar refused as bad data does not expire another symbol's DAY order before that symbol's bar", async () => {
    const seen: string[] = [];
    const s = testStrategy({
      onBar: async (b, ctx) => {
        seen.push(`bar ${b.symbol}${(b.openTime - MIDNIGHT) / HOUR} open=${openIds(ctx)}`);
        if (b.symbol === "B" && b.openTime === at(-2)) {
          await ctx.placeOrder({ side: "BUY", type: "LIMIT", quantity: 10, limitPrice: 42, timeInForce: "DAY", clientOrderId: "b" });
        }
        // Never called: the engine refuses the bad bar before the venue, the cache or the strategy see it.
        if (b.symbol === "A" && b.openTime === at(-1)) await ctx.placeOrder({ side: "BUY", type: "LIMIT", quantity: 1, limitPrice: 50, clientOrderId: "a" });
      },
    });
    const { log, errors, result } = await livePaper(["A", "B"], [
      hourBar("A", -2, 100, 100, 100, 100), hourBar("B", -2, 50, 50, 50, 50),
      hourBar("A", -1, 100, 99, 100, 100), // high below the open: no candle, refused
      hourBar("B", -1, 50, 50, 40, 45), // B's last bar of the 2nd reaches 42
      hourBar("A", 0, 100, 100, 100, 100), hourBar("B", 0, 45, 45, 45, 45),
    ], s);
    expect(errors).toEqual(["INVALID_DATA"]);
    const b = log.last("b")!;
    expect([b.status, b.averageFillPrice, b.fills[0]?.time]).toEqual(["FILLED", 42, at(-1)]);
    expect(log.statuses("b")).toEqual(["ACCEPTED", "FILLED"]);
    expect(seen).toEqual(["bar A-2 open=", "bar B-2 open=", "bar B-1 open=", "bar A0 open=", "bar B0 open="]);
    expect(result.positions.map((p) => [p.symbol, p.quantity])).toEqual([["B", 10]]);
  });
});
