import { describe, expect, test } from "bun:test";
import type { Account, Order, OrderStatus } from "@argo/core";
import { AccountMirror, FINISHED_ORDERS_KEPT } from "./account-mirror.ts";

const account: Account = { currency: "USD", balance: 1000, equity: 1000, buyingPower: 1000, realizedPnl: 0, unrealizedPnl: 0, totalFees: 0, marginUsed: 0, updatedAt: 0 };

function order(id: string, status: OrderStatus, filledQuantity = 0): Order {
  return {
    symbol: "SIM", side: "BUY", type: "MARKET", quantity: 1, timeInForce: "GTC", clientOrderId: id, venueOrderId: `v-${id}`,
    status, filledQuantity, averageFillPrice: filledQuantity > 0 ? 10 : 0, fills: [], createdAt: 0, updatedAt: 0,
  };
}

describe("AccountMirror order memory", () => {
  test("a late placement answer cannot reopen a recently finished order", () => {
    const mirror = new AccountMirror(account, [], []);
    expect(mirror.applyOrder(order("a", "ACCEPTED"))).toBe(true);
    expect(mirror.applyOrder(order("a", "FILLED", 1))).toBe(true);
    // The placement's own answer (ACCEPTED, nothing filled) arrives after the fill event: older news.
    expect(mirror.applyOrder(order("a", "ACCEPTED"))).toBe(false);
    expect(mirror.openOrders()).toEqual([]);
  });

  test("keeps open orders and only the most recently finished ones", () => {
    const mirror = new AccountMirror(account, [], [order("open-early", "ACCEPTED")]);
    const total = FINISHED_ORDERS_KEPT + 500;
    for (let i = 0; i < total; i++) {
      mirror.applyOrder(order(`o${i}`, "ACCEPTED"));
      mirror.applyOrder(order(`o${i}`, "FILLED", 1));
    }
    // Bounded: the open order plus the last FINISHED_ORDERS_KEPT finished ones, not every order of the session.
    expect(mirror.orders.size).toBe(FINISHED_ORDERS_KEPT + 1);
    expect(mirror.orders.has("open-early")).toBe(true);
    expect(mirror.orders.has("o0")).toBe(false);
    expect(mirror.orders.has(`o${total - FINISHED_ORDERS_KEPT}`)).toBe(true);
    // The newest finished orders are still protected against stale answers.
    expect(mirror.applyOrder(order(`o${total - 1}`, "ACCEPTED"))).toBe(false);
    expect(mirror.openOrders().map((o) => o.clientOrderId)).toEqual(["open-early"]);
  });

  test("the same finished state seen twice (answer and event) is remembered once", () => {
    const mirror = new AccountMirror(account, [], []);
    const filled = order("x", "FILLED", 1);
    mirror.applyOrder(filled);
    mirror.applyOrder(filled);
    mirror.applyOrder({ ...filled });
    for (let i = 0; i < FINISHED_ORDERS_KEPT - 1; i++) mirror.applyOrder(order(`f${i}`, "FILLED", 1));
    // "x" took one place in the ring, so FINISHED_ORDERS_KEPT - 1 more finished orders have not pushed it out.
    expect(mirror.orders.has("x")).toBe(true);
    mirror.applyOrder(order("last", "FILLED", 1));
    expect(mirror.orders.has("x")).toBe(false);
  });

  test("open orders are also kept by symbol, newest state, and leave when they finish", () => {
    const mirror = new AccountMirror(account, [], [order("a", "ACCEPTED"), { ...order("b", "ACCEPTED"), symbol: "OTHER" }]);
    const partly = order("a", "PARTIALLY_FILLED", 0.5);
    mirror.applyOrder(partly);
    mirror.applyOrder(order("c", "SUBMITTED"));
    expect([...(mirror.openOrdersOf("SIM")?.values() ?? [])]).toEqual([partly, order("c", "SUBMITTED")]);
    expect([...(mirror.openOrdersOf("OTHER")?.keys() ?? [])]).toEqual(["b"]);
    mirror.applyOrder(order("a", "FILLED", 1));
    mirror.applyOrder(order("c", "CANCELLED"));
    expect(mirror.openOrdersOf("SIM")?.size).toBe(0);
    expect(mirror.openOrdersOf("NONE")).toBeUndefined();
  });
});

describe("AccountMirror confirmation after a fill", () => {
  const long = (quantity: number, updatedAt: number) => ({
    symbol: "SIM", side: "LONG" as const, quantity, averagePrice: 10, marketPrice: 10, realizedPnl: 0, unrealizedPnl: 0, fees: 0, openedAt: 0, updatedAt,
  });

  test("an event stamped at or after the fill confirms; one stamped before it is taken but confirms nothing", () => {
    const mirror = new AccountMirror(account, [], []);
    mirror.fillNoted("SIM", 5_000);
    mirror.applyPosition("SIM", long(10, 4_999), true);
    mirror.applyAccount({ ...account, updatedAt: 4_999 }, true);
    expect(mirror.positionsBySymbol.get("SIM")?.quantity).toBe(10);
    expect([mirror.positionConfirmed("SIM"), mirror.accountConfirmed]).toEqual([false, false]);
    // Venues stamp a fill and the position it made with the same trade time: equal confirms.
    mirror.applyPosition("SIM", long(10, 5_000), true);
    mirror.applyAccount({ ...account, updatedAt: 5_000 }, true);
    expect([mirror.positionConfirmed("SIM"), mirror.accountConfirmed]).toEqual([true, true]);
  });

  test("an unstamped flat event after a fill confirms nothing; a read's answer always confirms (it was asked after the fill)", () => {
    const mirror = new AccountMirror(account, [long(10, 0)], []);
    mirror.fillNoted("SIM", 5_000);
    mirror.applyPosition("SIM", undefined, true);
    expect(mirror.positionsBySymbol.has("SIM")).toBe(false);
    expect(mirror.positionConfirmed("SIM")).toBe(false);
    mirror.applyPosition("SIM", undefined);
    mirror.fillNoted("SIM", 6_000);
    mirror.applyAccount({ ...account, updatedAt: 1 });
    expect([mirror.positionConfirmed("SIM"), mirror.accountConfirmed]).toEqual([false, true]);
    mirror.applyPosition("SIM", long(3, 1));
    expect(mirror.positionConfirmed("SIM")).toBe(true);
  });

  test("a fill in one symbol leaves another symbol's events confirming; the account counts every symbol's newest fill", () => {
    const mirror = new AccountMirror(account, [], []);
    mirror.fillNoted("SIM", 9_000);
    mirror.fillNoted("OTHER", 2_000);
    mirror.applyPosition("OTHER", { ...long(1, 2_000), symbol: "OTHER" }, true);
    expect(mirror.positionConfirmed("OTHER")).toBe(true);
    mirror.applyAccount({ ...account, updatedAt: 2_000 }, true);
    expect(mirror.accountConfirmed).toBe(false);
  });

  test("an event stamped with a time two fills share confirms nothing: it may have been made between them", () => {
    // Long 2, two SELL 1 fills both stamped 5_000 (one trade time for a sweep, or a venue stamping to the second). A
    // position event LONG 1 stamped 5_000 came between them: taken, but it must not confirm, or a close would be sized
    // against 1 while the venue is flat.
    const mirror = new AccountMirror(account, [long(2, 0)], []);
    mirror.fillNoted("SIM", 5_000);
    mirror.fillNoted("SIM", 5_000);
    mirror.applyPosition("SIM", long(1, 5_000), true);
    mirror.applyAccount({ ...account, updatedAt: 5_000 }, true);
    expect(mirror.positionsBySymbol.get("SIM")?.quantity).toBe(1);
    expect([mirror.positionConfirmed("SIM"), mirror.accountConfirmed]).toEqual([false, false]);
    // A later stamp is made after both; so is a read's answer.
    mirror.applyPosition("SIM", long(1, 5_001), true);
    mirror.applyAccount({ ...account, updatedAt: 5_001 }, true);
    expect([mirror.positionConfirmed("SIM"), mirror.accountConfirmed]).toEqual([true, true]);
    // A newer fill alone at its time: an event at that time confirms again.
    mirror.fillNoted("SIM", 6_000);
    mirror.applyPosition("SIM", long(1, 6_000), true);
    mirror.applyAccount({ ...account, updatedAt: 6_000 }, true);
    expect([mirror.positionConfirmed("SIM"), mirror.accountConfirmed]).toEqual([true, true]);
  });

  test("two symbols' fills at one time share it for the account, not for each symbol's position", () => {
    const mirror = new AccountMirror(account, [], []);
    mirror.fillNoted("SIM", 7_000);
    mirror.fillNoted("OTHER", 7_000);
    mirror.applyPosition("SIM", long(1, 7_000), true);
    mirror.applyAccount({ ...account, updatedAt: 7_000 }, true);
    expect([mirror.positionConfirmed("SIM"), mirror.accountConfirmed]).toEqual([true, false]);
  });
});
