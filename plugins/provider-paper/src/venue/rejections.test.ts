import type { OrderRequest } from "@argo/core";
import { describe, expect, test } from "bun:test";
import { createPaperVenue } from "../create-paper-venue.ts";
import { harness, rejectsWith } from "../__fixtures__/venue-harness.ts";

const buy = (extra: Partial<OrderRequest>): OrderRequest => ({ symbol: "XYZ", side: "BUY", type: "MARKET", quantity: 1, ...extra });

describe("rejections and their codes", () => {
  test("malformed requests are INVALID_ORDER naming the field", async () => {
    const { venue } = await harness();
    const cases: Array<[Partial<OrderRequest>, string]> = [
      [{ quantity: Number.NaN }, "quantity"],
      [{ quantity: 0 }, "quantity"],
      [{ quantity: -1 }, "quantity"],
      [{ quantity: Number.POSITIVE_INFINITY }, "quantity"],
      [{ type: "LIMIT" }, "limitPrice is required"],
      [{ type: "STOP" }, "stopPrice is required"],
      [{ type: "STOP_LIMIT", stopPrice: 101 }, "limitPrice is required"],
      [{ limitPrice: 100 }, "limitPrice is not allowed"],
      [{ type: "LIMIT", limitPrice: -5 }, "limitPrice must be a positive number, got -5"],
      // A price given as text is shown as text: "got 100" would read as the number it is not.
      [{ type: "LIMIT", limitPrice: "100" as never }, 'limitPrice must be a positive number, got the string "100"'],
      [{ type: "LIMIT", limitPrice: 100, takeProfit: { triggerPrice: "120" as never } }, 'takeProfit.triggerPrice must be a positive number, got the string "120"'],
      [{ quoteAmount: 100 }, "exactly one of quantity"],
      [{ quantity: undefined }, "exactly one of quantity"],
      [{ quantity: undefined, equityFraction: 1.5 }, "equityFraction"],
      [{ side: "HOLD" as never }, "side"],
      [{ type: "TRAILING" as never }, "type"],
      [{ timeInForce: "GTD" as never }, "timeInForce"],
      [{ clientOrderId: "" }, "clientOrderId"],
    ];
    for (const [extra, words] of cases) {
      const error = await rejectsWith(venue.placeOrder(buy(extra)), "INVALID_ORDER");
      expect(error.message).toContain(words);
    }
    expect(await venue.getOpenOrders()).toHaveLength(0);
  });

  test("a list or an object where a number belongs is named by its kind (String([]) is empty: 'got ' said nothing)", async () => {
    const { venue } = await harness();
    const cases: Array<[Partial<OrderRequest>, string]> = [
      [{ type: "LIMIT", limitPrice: [] as never }, "limitPrice must be a positive number, got an empty list"],
      [{ type: "LIMIT", limitPrice: {} as never }, "limitPrice must be a positive number, got an object"],
      [{ quantity: [5] as never }, "quantity must be a positive number, got a list"],
      [{ stopLoss: { triggerPrice: [] as never } }, "stopLoss.triggerPrice must be a positive number, got an empty list"],
    ];
    for (const [extra, message] of cases) expect((await rejectsWith(venue.placeOrder(buy(extra)), "INVALID_ORDER")).message).toContain(message);
  });

  test("a symbol outside `symbols` is UNKNOWN_SYMBOL; without `symbols`, one the venue never saw a bar for is too", async () => {
    const listed = createPaperVenue({ symbols: ["XYZ"] });
    await listed.connect();
    await rejectsWith(listed.placeOrder(buy({ symbol: "ABC" })), "UNKNOWN_SYMBOL");
    // Listed but no price yet: a market order cannot be checked against the account.
    const noPrice = await rejectsWith(listed.placeOrder(buy({})), "INVALID_ORDER");
    expect(noPrice.message).toContain("no price for XYZ");
    await listed.placeOrder(buy({ type: "LIMIT", limitPrice: 10 }));

    const { venue, feed } = await harness();
    const unknown = await rejectsWith(venue.placeOrder(buy({ symbol: "ABC" })), "UNKNOWN_SYMBOL");
    expect(unknown.message).toContain('"ABC"');
    feed(10, "ABC");
    await venue.placeOrder(buy({ symbol: "ABC" }));
  });

  test("a duplicate clientOrderId is DUPLICATE_ORDER and never a second order, even after the first filled", async () => {
    const { venue, feed } = await harness();
    await venue.placeOrder(buy({ clientOrderId: "once" }));
    await rejectsWith(venue.placeOrder(buy({ clientOrderId: "once" })), "DUPLICATE_ORDER");
    feed(100);
    await rejectsWith(venue.placeOrder(buy({ clientOrderId: "once", quantity: 5 })), "DUPLICATE_ORDER");
    expect((await venue.getTrades()).length).toBe(1);
    expect((await venue.getPosition("XYZ"))?.quantity).toBe(1);
  });

  test("a buy beyond buying power, fees included, is INSUFFICIENT_FUNDS", async () => {
    // 1,000 cash, 1 % taker: 10 @ 99 costs 990 + 9.90 = 999.90; 10 @ 99.10 costs 991 + 9.91 = 1,000.91.
    const { venue } = await harness({ initialCapital: 1_000, commission: { makerRate: 0.01, takerRate: 0.01 } });
    await rejectsWith(venue.placeOrder(buy({ type: "LIMIT", quantity: 10, limitPrice: 99.1 })), "INSUFFICIENT_FUNDS");
    await venue.placeOrder(buy({ type: "LIMIT", quantity: 10, limitPrice: 99 }));
  });

  test("open buy orders reserve their cash; cancelling gives it back", async () => {
    // Each 5 @ 99 with 1 % fee reserves 495 + 4.95 = 499.95; two fit in 1,000, a third (even of 0.01) does not.
    const { venue } = await harness({ initialCapital: 1_000, commission: { makerRate: 0.01, takerRate: 0.01 } });
    const first = await venue.placeOrder(buy({ type: "LIMIT", quantity: 5, limitPrice: 99 }));
    await venue.placeOrder(buy({ type: "LIMIT", quantity: 5, limitPrice: 99 }));
    expect((await venue.getAccount()).buyingPower).toBeCloseTo(1_000 - 2 * 499.95, 9);
    await rejectsWith(venue.placeOrder(buy({ type: "LIMIT", quantity: 0.01, limitPrice: 99 })), "INSUFFICIENT_FUNDS");
    await venue.cancelOrder(first.clientOrderId);
    await venue.placeOrder(buy({ type: "LIMIT", quantity: 5, limitPrice: 99 }));
  });

  test("selling more than the long position (open sells included) is INSUFFICIENT_POSITION when shorting is off", async () => {
    const { venue, feed } = await harness();
    await rejectsWith(venue.placeOrder(buy({ side: "SELL" })), "INSUFFICIENT_POSITION");
    await venue.placeOrder(buy({ quantity: 5 }));
    feed(100);
    await venue.placeOrder(buy({ side: "SELL", type: "LIMIT", limitPrice: 120, quantity: 3 }));
    const error = await rejectsWith(venue.placeOrder(buy({ side: "SELL", quantity: 3 })), "INSUFFICIENT_POSITION");
    expect(error.message).toContain("2 available");
    await venue.placeOrder(buy({ side: "SELL", quantity: 2 }));
  });

  test("an equity- or quote-sized short with shorting off says so, as a sized one does (new-user hunt)", async () => {
    const { venue } = await harness();
    // No position, no open sell: nothing of a long to sell, and shorting (off by default) is the reason.
    for (const sizing of [{ equityFraction: 1 }, { quantity: 1 }]) {
      const error = await rejectsWith(venue.placeOrder({ symbol: "XYZ", side: "SELL", type: "MARKET", ...sizing }), "INSUFFICIENT_POSITION");
      expect(error.message).toContain("0 available (long 0, 0 reserved by open sell orders) and shorting is off");
    }
  });

  test("every call but connect needs a connection: PROVIDER_NOT_CONNECTED", async () => {
    const venue = createPaperVenue();
    const calls: Array<() => Promise<unknown>> = [
      () => venue.placeOrder(buy({})),
      () => venue.getOrder("x"),
      () => venue.getOpenOrders(),
      () => venue.cancelOrder("x"),
      () => venue.cancelAllOrders(),
      () => venue.getPositions(),
      () => venue.getPosition("XYZ"),
      () => venue.getAccount(),
      () => venue.getTrades(),
      () => venue.getMaxBuyQuantity("XYZ"),
      () => venue.getMaxSellQuantity("XYZ"),
    ];
    for (const call of calls) await rejectsWith(call(), "PROVIDER_NOT_CONNECTED");
    const results = await venue.placeOrders([buy({})]);
    expect(results[0]?.ok === false && results[0].error.code).toBe("PROVIDER_NOT_CONNECTED");
  });

  test("cancel: a filled order is ORDER_ALREADY_FILLED; an unknown or closed one ORDER_NOT_FOUND", async () => {
    const { venue, feed } = await harness();
    await venue.placeOrder(buy({ clientOrderId: "done" }));
    const resting = await venue.placeOrder(buy({ type: "LIMIT", limitPrice: 50, clientOrderId: "rest" }));
    feed(100);
    await rejectsWith(venue.cancelOrder("done"), "ORDER_ALREADY_FILLED");
    await rejectsWith(venue.cancelOrder("nope"), "ORDER_NOT_FOUND");
    const cancelled = await venue.cancelOrder(resting.venueOrderId);
    expect(cancelled.clientOrderId).toBe("rest");
    await rejectsWith(venue.cancelOrder("rest"), "ORDER_NOT_FOUND");
  });

  test("placeOrders places each order on its own: one refusal does not stop the others", async () => {
    const { venue } = await harness();
    const results = await venue.placeOrders([buy({ clientOrderId: "a" }), buy({ quantity: -1 }), buy({ clientOrderId: "c" })]);
    expect(results.map((r) => r.ok)).toEqual([true, false, true]);
    expect(results[1]?.ok === false && results[1].error.code).toBe("INVALID_ORDER");
  });
});
