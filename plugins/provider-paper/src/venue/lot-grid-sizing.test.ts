import { describe, expect, test } from "bun:test";
import { harness, START } from "../__fixtures__/venue-harness.ts";
import { createPaperVenue } from "../create-paper-venue.ts";

const grid = { defaultRules: { stepSize: 0.01, tickSize: 0.01 } };

describe("orders sized at their fill stay on the lot grid", () => {
  test("a quote-sized sell reserves the whole lots it sells at its limit", async () => {
    const { venue, feed } = await harness(grid);
    await venue.placeOrder({ symbol: "XYZ", side: "BUY", type: "MARKET", quantity: 10 });
    feed(100);
    // 100 / 120 = 0.8333…: 0.83 in lots of 0.01, so 10 − 0.83 = 9.17 of the long is left to sell.
    await venue.placeOrder({ symbol: "XYZ", side: "SELL", type: "LIMIT", quoteAmount: 100, limitPrice: 120, clientOrderId: "tp" });
    expect(await venue.getMaxSellQuantity("XYZ")).toBe(9.17);
  });

  test("SELL equityFraction 1 beside a quote-sized take-profit: order, fill and position agree, and the take-profit fills", async () => {
    const { venue, feed } = await harness(grid);
    await venue.placeOrder({ symbol: "XYZ", side: "BUY", type: "MARKET", quantity: 10 });
    feed(100);
    await venue.placeOrder({ symbol: "XYZ", side: "SELL", type: "LIMIT", quoteAmount: 100, limitPrice: 120, clientOrderId: "tp" });
    await venue.placeOrder({ symbol: "XYZ", side: "SELL", type: "MARKET", equityFraction: 1, clientOrderId: "exit" });
    feed(100);
    const exit = await venue.getOrder("exit");
    expect([exit.status, exit.quantity, exit.filledQuantity, exit.fills.map((f) => f.quantity)]).toEqual(["FILLED", 9.17, 9.17, [9.17]]);
    expect((await venue.getPosition("XYZ"))?.quantity).toBe(0.83);
    feed(120);
    const tp = await venue.getOrder("tp");
    expect([tp.status, tp.quantity, tp.filledQuantity]).toEqual(["FILLED", 0.83, 0.83]);
    expect(await venue.getPosition("XYZ")).toBeUndefined();
  });

  test("SELL equityFraction 1 of a long off the grid (recorded under a finer step) sells the whole lots of it", async () => {
    // A journal written when the step was 0.001 holds a long of 9.166; the step is 0.01 now: 9.16 can be sold.
    const venue = createPaperVenue({ commission: { makerRate: 0, takerRate: 0 }, ...grid });
    await venue.connect();
    venue.restore({
      fills: [{ id: "F1", clientOrderId: "old", venueOrderId: "P1", symbol: "XYZ", side: "BUY", quantity: 9.166, price: 100, fee: 0, time: START }],
      workingOrders: [],
    });
    await venue.placeOrder({ symbol: "XYZ", side: "SELL", type: "MARKET", equityFraction: 1, clientOrderId: "exit" });
    venue.processBar({ symbol: "XYZ", interval: "1m", openTime: START + 60_000, open: 100, high: 100, low: 100, close: 100, volume: 1e9 });
    const exit = await venue.getOrder("exit");
    expect([exit.status, exit.quantity, exit.filledQuantity, exit.fills.map((f) => f.quantity)]).toEqual(["FILLED", 9.16, 9.16, [9.16]]);
  });

  test("an all-in buy of lots finer than the quantity's ulp spends no more than the cash", async () => {
    // 1e9 at 0.0001 buys ~1e13 units; a 1e-8 lot is below their ulp (~0.002), so taking one lot off changes nothing and
    // the sizing must shrink the quantity itself until value plus fee fits: the balance may not go below zero.
    const { venue, feed } = await harness({ initialCapital: 1e9, defaultRules: { stepSize: 1e-8 }, commission: { takerRate: 0.001, makerRate: 0.001 } }, "1m", "XYZ", 0.0001);
    await venue.placeOrder({ symbol: "XYZ", side: "BUY", type: "MARKET", equityFraction: 1, clientOrderId: "all-in" });
    feed(0.0001);
    const order = await venue.getOrder("all-in");
    expect(order.status).toBe("FILLED");
    const fill = order.fills[0]!;
    expect(fill.quantity * fill.price + fill.fee).toBeLessThanOrEqual(1e9);
    expect((await venue.getAccount()).balance).toBeGreaterThanOrEqual(0);
  });
});

