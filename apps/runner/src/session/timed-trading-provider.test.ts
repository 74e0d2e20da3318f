import { type Bar, isArgoError, isSimulatedVenue, type TradingProvider } from "@argo/core";
import { createPaperVenue } from "@argo/provider-paper";
import { describe, expect, test } from "bun:test";
import { timedTradingProvider } from "./timed-trading-provider.ts";

const T0 = Date.UTC(2024, 0, 1);
const bar: Bar = { symbol: "BTCUSD", interval: "1m", openTime: T0, open: 100, high: 100, low: 100, close: 100, volume: 1e6 };

async function timedPaperVenue() {
  const venue = createPaperVenue({ initialCapital: 1_000_000 });
  const observed: number[] = [];
  const timed = timedTradingProvider(venue, (ms) => observed.push(ms));
  await timed.connect();
  timed.setTime(T0);
  timed.processBar(bar);
  return { venue, timed, observed };
}

describe("timedTradingProvider", () => {
  test("times placeOrder and placeOrderSync alike: a simulator's placements are the synchronous ones", async () => {
    const { venue, timed, observed } = await timedPaperVenue();
    expect(isSimulatedVenue(timed)).toBe(true);
    await timed.placeOrder({ symbol: "BTCUSD", side: "BUY", type: "LIMIT", quantity: 1, limitPrice: 90, clientOrderId: "async-1" });
    timed.placeOrderSync!({ symbol: "BTCUSD", side: "BUY", type: "LIMIT", quantity: 1, limitPrice: 91, clientOrderId: "sync-1" });
    expect(observed).toHaveLength(2);
    for (const ms of observed) expect(ms).toBeGreaterThanOrEqual(0);
    // The orders reached the venue itself.
    expect((await venue.getOpenOrders()).map((o) => o.clientOrderId).sort()).toEqual(["async-1", "sync-1"]);
  });

  test("a refused placement is timed too, and its error reaches the caller unchanged", async () => {
    const { timed, observed } = await timedPaperVenue();
    await timed.placeOrder({ symbol: "BTCUSD", side: "BUY", type: "LIMIT", quantity: 1, limitPrice: 90, clientOrderId: "dup" });
    const again = await timed.placeOrder({ symbol: "BTCUSD", side: "BUY", type: "LIMIT", quantity: 1, limitPrice: 90, clientOrderId: "dup" }).catch((e: unknown) => e);
    expect(isArgoError(again)).toBe(true);
    let thrown: unknown;
    try {
      timed.placeOrderSync!({ symbol: "BTCUSD", side: "BUY", type: "LIMIT", quantity: 1, limitPrice: 90, clientOrderId: "dup" });
    } catch (error) {
      thrown = error;
    }
    expect(isArgoError(thrown)).toBe(true);
    expect(observed).toHaveLength(3);
  });

  test("other methods are the provider's own, bound once; a provider without placeOrderSync still has none", async () => {
    const { timed } = await timedPaperVenue();
    expect(timed.processBar).toBe(timed.processBar);
    expect(timed.getAccount).toBe(timed.getAccount);
    expect((await timed.getAccount()).balance).toBe(1_000_000);

    const plain = { name: "plain", placeOrder: async () => ({}) } as unknown as TradingProvider;
    const wrapped = timedTradingProvider(plain, () => {}) as TradingProvider & { placeOrderSync?: unknown };
    expect(wrapped.placeOrderSync).toBeUndefined();
    expect(isSimulatedVenue(wrapped)).toBe(false);
  });
});
