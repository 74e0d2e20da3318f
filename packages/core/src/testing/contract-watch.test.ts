import { describe, expect, test } from "bun:test";
import type { TradingProvider } from "../contracts/trading-provider.ts";
import type { Order } from "../domain/order.ts";
import { ContractWatch } from "./contract-watch.ts";

const order: Order = {
  symbol: "BTCUSDT", side: "BUY", type: "LIMIT", limitPrice: 50, clientOrderId: "c-1", venueOrderId: "7", timeInForce: "GTC", status: "ACCEPTED",
  quantity: 1, filledQuantity: 0, averageFillPrice: 0, fills: [], createdAt: 1_700_000_000_000, updatedAt: 1_700_000_000_000,
};

/** A provider keeping its orders in a private field (as classes do), answering with whatever order it was given. */
class Answering {
  readonly name = "answering";
  #answer: unknown;
  constructor(answer: unknown) {
    this.#answer = answer;
  }
  async getOrder(): Promise<unknown> {
    return this.#answer;
  }
  async getOpenOrders(): Promise<unknown> {
    return [order, this.#answer];
  }
  connectionState() {
    return "CONNECTED";
  }
}

const watched = (answer: unknown) => {
  const watch = new ContractWatch();
  return { watch, venue: watch.wrap(new Answering(answer) as unknown as TradingProvider) };
};

/** What the watch's verify() throws, or "" when it passes. */
function verifyMessage(watch: { verify(): void }): string {
  try {
    watch.verify();
  } catch (error) {
    return (error as Error).message;
  }
  return "";
}

describe("the kit's watch over a provider's answers", () => {
  test("a well-formed answer passes through unchanged, and the provider's private fields still work", async () => {
    const { watch, venue } = watched(order);
    expect(await venue.getOrder("c-1")).toBe(order);
    expect(venue.connectionState()).toBe("CONNECTED");
    expect(() => watch.verify()).not.toThrow();
  });

  test("an answered order with a NaN average price is named with the call that gave it", async () => {
    const { watch, venue } = watched({ ...order, averageFillPrice: Number.NaN });
    await venue.getOrder("c-1");
    expect(() => watch.verify()).toThrow("the provider getOrder answered an order that has an averageFillPrice that is NaN, not a finite number of 0 or more");
  });

  test("a bad item of a list answer is named by its index", async () => {
    const { watch, venue } = watched({ ...order, clientOrderId: "c-2", status: "open" });
    await venue.getOpenOrders();
    // Item 0 is the good order, item 1 the one with the venue's own status spelling.
    expect(() => watch.verify()).toThrow("the provider getOpenOrders answered a list whose item 1 (an order) has status \"open\", none of");
  });

  test("a bad fill inside an answered or emitted order fails the provider, named by its index, though the engine keeps the order", async () => {
    const good = { id: "f-1", clientOrderId: "c-1", venueOrderId: "7", symbol: "BTCUSDT", side: "BUY", quantity: 1, price: 50, fee: 0, time: 1_700_000_000_000 };
    const filled = { ...order, status: "FILLED", filledQuantity: 1, averageFillPrice: 50, fills: [good, { ...good, id: "f-2", fee: "0.1" }] };
    const { watch, venue } = watched(filled);
    await venue.getOrder("c-1");
    watch.event({ type: "order", order: filled });
    const message = verifyMessage(watch);
    expect(message).toContain("the provider getOrder answered an order that has a fill (fills[1]) that has a fee that is a string");
    expect(message).toContain("the provider emitted an order event whose order has a fill (fills[1]) that has a fee that is a string");
  });

  test("a test's own failure is kept after the problems, and rethrown as it was when there are none", () => {
    const { watch } = watched(order);
    const failure = new Error("order c-1 did not fill");
    expect(() => watch.verify(failure)).toThrow(failure);
    watch.event({ type: "fill", fill: { quantity: 1 }, order });
    expect(() => watch.verify(failure)).toThrow(/emitted a fill event \(order c-1\) whose fill has an id that is missing[\s\S]*and then the test failed: order c-1 did not fill/);
  });

  test("a listed flat position and an unstamped account fail, named; a position event of quantity 0 (now flat) does not", async () => {
    const position = { symbol: "BTCUSDT", side: "LONG", quantity: 2, averagePrice: 100, marketPrice: 101, realizedPnl: 0, unrealizedPnl: 2, fees: 0, openedAt: 1_700_000_000_000, updatedAt: 1_700_000_000_000 };
    const account = { currency: "USD", balance: 800, equity: 1002, buyingPower: 800, realizedPnl: 0, unrealizedPnl: 2, totalFees: 0, marginUsed: 0 };
    const watch = new ContractWatch();
    const venue = watch.wrap({
      getPositions: async () => [position, { ...position, symbol: "ETHUSDT", quantity: 0 }],
      getAccount: async () => account,
    } as unknown as TradingProvider);
    watch.event({ type: "position", symbol: "ETHUSDT", position: { ...position, symbol: "ETHUSDT", quantity: 0 } });
    await venue.getPositions();
    await venue.getAccount();
    const message = verifyMessage(watch);
    // Item 0 is held (quantity 2) and item 1 flat; the account has no updatedAt; the event is the one line not expected.
    expect(message).toContain("the provider getPositions answered a list whose item 1 (a position) has a quantity of 0: a flat position is not listed");
    expect(message).toContain("the provider getAccount answered an account that has an updatedAt that is missing, not a time (epoch milliseconds)");
    expect(message).not.toContain("emitted");
  });
});
