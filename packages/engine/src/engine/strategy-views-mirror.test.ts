import { describe, expect, test } from "bun:test";
import type { Account, Order, Position } from "@argo/core";
import { AccountMirror } from "./account-mirror.ts";
import type { BarPipeline } from "./bar-pipeline.ts";
import { StrategyViews } from "./strategy-views.ts";

const account: Account = { currency: "USD", balance: 5_000, equity: 6_234, buyingPower: 4_000, realizedPnl: 0, unrealizedPnl: 234, totalFees: 0, marginUsed: 0, updatedAt: 0 };

function position(symbol: string, side: "LONG" | "SHORT", quantity: number, averagePrice: number, marketPrice: number): Position {
  const unrealizedPnl = (marketPrice - averagePrice) * quantity * (side === "LONG" ? 1 : -1);
  return { symbol, side, quantity, averagePrice, marketPrice, realizedPnl: 0, unrealizedPnl, fees: 0, openedAt: 0, updatedAt: 0 };
}

function order(id: string, symbol = "X"): Order {
  return {
    symbol, side: "BUY", type: "LIMIT", limitPrice: 90, quantity: 2, timeInForce: "GTC", clientOrderId: id, venueOrderId: `v-${id}`,
    status: "ACCEPTED", filledQuantity: 0, averageFillPrice: 0, fills: [], createdAt: 0, updatedAt: 0,
  };
}

/** Just what the views read of a pipeline: the mirror, the bar count and the newest closes. */
function setup(positions: Position[], orders: Order[] = []) {
  const closes = new Map<string, number>();
  const mirror = new AccountMirror(account, positions, orders);
  const counters = { bars: 1 };
  const pipeline = { mirror, counters, cache: { lastClose: (s: string) => closes.get(s) ?? Number.NaN } };
  return { views: new StrategyViews(pipeline as unknown as BarPipeline), mirror, counters, closes };
}

describe("StrategyViews marks", () => {
  test("a symbol without a close keeps the venue's mark; the account sums marked and venue values", () => {
    // X long 10 @ 100 marked by the venue at 100; Z short 4 @ 50 marked by the venue at 60 (unrealized −40).
    const { views, closes } = setup([position("X", "LONG", 10, 100, 100), position("Z", "SHORT", 4, 50, 60)]);
    closes.set("X", 110);
    expect(views.position("X")).toMatchObject({ marketPrice: 110, unrealizedPnl: 100 });
    expect(views.position("Z")).toMatchObject({ marketPrice: 60, unrealizedPnl: -40 });
    const read = views.account();
    expect(read.equity).toBe(5_000 + 10 * 110 - 4 * 60);
    expect(read.unrealizedPnl).toBe(100 - 40);
    // What the engine does not mark stays the venue's.
    expect(read.buyingPower).toBe(4_000);
    expect(read.balance).toBe(5_000);
  });

  test("before the first bar of the session the journal's closes do not replace the venue's marks", () => {
    const { views, closes, counters } = setup([position("X", "LONG", 10, 100, 120)]);
    closes.set("X", 80); // a warm-up bar from the journal, older than the venue's start-up read
    counters.bars = 0;
    expect(views.position("X")).toMatchObject({ marketPrice: 120, unrealizedPnl: 200 });
    expect(views.account()).toEqual(account);
    counters.bars = 1;
    expect(views.position("X")).toMatchObject({ marketPrice: 80, unrealizedPnl: -200 });
    expect(views.account().equity).toBe(5_000 + 10 * 80);
  });
});

describe("StrategyViews lists", () => {
  test("positions() is kept until a position event or a new bar, and never hands out the venue's object", () => {
    const held = position("X", "LONG", 10, 100, 100);
    const { views, mirror, counters, closes } = setup([held]);
    closes.set("X", 105);
    const first = views.positions();
    expect(views.positions()).toBe(first);
    expect(first[0]).not.toBe(held);
    expect(Object.isFrozen(first) && Object.isFrozen(first[0])).toBe(true);
    expect(Object.isFrozen(held)).toBe(false);
    closes.set("X", 95);
    counters.bars++;
    const next = views.positions();
    expect(next).not.toBe(first);
    expect(next[0]!.unrealizedPnl).toBe(-50);
    mirror.applyPosition("X", undefined);
    expect(views.positions()).toEqual([]);
  });

  test("an order the venue changed in place and sent again is read anew", () => {
    const mine = order("a");
    const { views, mirror } = setup([], [mine, order("b", "Y")]);
    expect(views.openOrders().map((o) => o.clientOrderId)).toEqual(["a", "b"]);
    expect(views.openOrders("Y").map((o) => o.clientOrderId)).toEqual(["b"]);
    expect(views.openOrders("X")[0]).toBe(views.openOrders()[0]!);
    // The venue fills 1 of 2 on its own object and re-sends that same object.
    mine.status = "PARTIALLY_FILLED";
    mine.filledQuantity = 1;
    mirror.applyOrder(mine);
    expect(views.openOrders("X")[0]).toMatchObject({ status: "PARTIALLY_FILLED", filledQuantity: 1 });
    expect(Object.isFrozen(mine)).toBe(false);
    mine.status = "FILLED";
    mine.filledQuantity = 2;
    mirror.applyOrder(mine);
    expect(views.openOrders("X")).toEqual([]);
    expect(views.openOrders().map((o) => o.clientOrderId)).toEqual(["b"]);
  });
});
