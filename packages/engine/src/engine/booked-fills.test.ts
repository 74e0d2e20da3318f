import { describe, expect, test } from "bun:test";
import type { Fill, Order } from "@argo/core";
import { BOOKED_ORDERS_KEPT, BookedFills } from "./booked-fills.ts";

const order = (id: string, quantity: number, fills: Fill[] = []): Order => ({
  symbol: "X", side: "BUY", type: "MARKET", quantity, timeInForce: "GTC", clientOrderId: id, venueOrderId: "v", status: "FILLED",
  filledQuantity: quantity, averageFillPrice: 10, fills, createdAt: 0, updatedAt: 0,
});
const fill = (orderId: string, id: string, quantity: number, change: Partial<Fill> = {}): Fill => ({
  id, clientOrderId: orderId, venueOrderId: "v", symbol: "X", side: "BUY", quantity, price: 10, fee: 0, time: 0, ...change,
});

describe("BookedFills", () => {
  test("fills are booked until their sum would pass the order's quantity; the one past it books nothing", () => {
    const booked = new BookedFills();
    const o = order("o", 3);
    expect(booked.book(fill("o", "a", 2), o)).toBeUndefined();
    // 2 + 1.5 = 3.5 > 3: refused, and the 2 stays what is booked.
    expect(booked.book(fill("o", "b", 1.5), o)).toBe("has quantity 1.5, which would take its order's fills to 3.5, past the order's quantity 3");
    expect(booked.booked("o")).toBe(2);
    expect(booked.book(fill("o", "c", 1), o)).toBeUndefined();
    expect(booked.booked("o")).toBe(3);
  });

  test("an order of quantity 0 (not resolved yet) has nothing to judge against; other orders are counted apart", () => {
    const booked = new BookedFills();
    expect(booked.book(fill("q", "a", 7), order("q", 0))).toBeUndefined();
    expect(booked.book(fill("p", "a", 1), order("p", 1))).toBeUndefined();
    expect([booked.booked("q"), booked.booked("p")]).toEqual([7, 1]);
  });

  test("replay books an earlier session's fills as that session would have: once each, malformed or past the quantity left out", () => {
    const booked = new BookedFills();
    const a = fill("r", "a", 1);
    // a twice (a venue listing it again), a SELL fill of a BUY, a negative one, then 1.5 more (1 + 1.5 > 2): only a counts.
    booked.replay(order("r", 2, [a, a, fill("r", "s", 0.5, { side: "SELL" }), fill("r", "n", -1), fill("r", "big", 1.5)]));
    expect(booked.booked("r")).toBe(1);
  });

  test(`at most ${BOOKED_ORDERS_KEPT} orders are remembered: the oldest is forgotten first`, () => {
    const booked = new BookedFills();
    for (let i = 0; i <= BOOKED_ORDERS_KEPT; i++) booked.book(fill(`o${i}`, "a", 1), order(`o${i}`, 1));
    // The first order went out as the one past the capacity came in; the second is still there.
    expect([booked.booked("o0"), booked.booked("o1"), booked.booked(`o${BOOKED_ORDERS_KEPT}`)]).toEqual([0, 1, 1]);
  });
});
