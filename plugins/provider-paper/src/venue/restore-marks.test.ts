import type { Bar, Fill, Order } from "@argo/core";
import { describe, expect, test } from "bun:test";
import { START } from "../__fixtures__/venue-harness.ts";
import { createPaperVenue } from "../create-paper-venue.ts";
import type { PaperVenue } from "./paper-venue.ts";

const MINUTE = 60_000;

async function fresh(): Promise<PaperVenue> {
  const venue = createPaperVenue({ initialCapital: 10_000, commission: { makerRate: 0, takerRate: 0 } });
  await venue.connect();
  return venue;
}

const bar = (symbol: string, openTime: number, close: number, fields: Partial<Bar> = {}): Bar => ({
  symbol, interval: "1m", openTime, open: close, high: close + 1, low: close - 1, close, volume: 500, ...fields,
});
const fill = (symbol: string, price: number, time: number): Fill => ({
  id: "F1", clientOrderId: "a", venueOrderId: "P1", symbol, side: "BUY", quantity: 10, price, fee: 0, time,
});

describe("restore: the last bars mark prices and the clock", () => {
  test("a position is valued at its symbol's last close, not the fill price; the clock is at that bar's close", async () => {
    const venue = await fresh();
    venue.restore({ fills: [fill("XYZ", 100, START + 30_000)], workingOrders: [], lastBars: [bar("XYZ", START + 5 * MINUTE, 104)] });
    const [position] = await venue.getPositions();
    // 10 bought at 100, marked at 104: (104 − 100) × 10 = 40; equity 10,000 − 1,000 + 1,040.
    expect([position!.marketPrice, position!.unrealizedPnl]).toEqual([104, 40]);
    const account = await venue.getAccount();
    expect([account.equity, account.updatedAt]).toEqual([10_040, START + 6 * MINUTE]);
  });

  test("a fill after the symbol's last bar closed is the newer price and keeps the mark", async () => {
    const venue = await fresh();
    venue.restore({ fills: [fill("XYZ", 100, START + 10 * MINUTE)], workingOrders: [], lastBars: [bar("XYZ", START, 104)] });
    expect((await venue.getPositions())[0]!.marketPrice).toBe(100);
  });

  test("stopped mid-step: a fill at one symbol's open values another whose bar of that step came first at its open", async () => {
    // Short B 50 @ 100; an equity-sized BUY of A waits for A's next open. In step 2, B's bar (open 100, close 20) came
    // before the stop, A's after. By hand: free funds = cash 15,000 + B's value − B's gross = 15,000 − 2 × 50 × m, with B
    // at its open m = 100 (its close is unknown at A's open): 5,000, 50 units at 100. Valued at its close 20: 130 units.
    const T = START;
    const step = (symbol: string, i: number, open: number, close: number) =>
      bar(symbol, T + i * MINUTE, close, { open, high: Math.max(open, close), low: Math.min(open, close), volume: 1e9 });
    const entry = {
      symbol: "A", side: "BUY", type: "MARKET", quantity: 0, equityFraction: 1, timeInForce: "GTC", clientOrderId: "e", venueOrderId: "P2",
      status: "ACCEPTED", filledQuantity: 0, averageFillPrice: 0, fills: [], createdAt: T + 2 * MINUTE, updatedAt: T + 2 * MINUTE,
    } as Order;
    const venue = createPaperVenue({ initialCapital: 10_000, allowShorting: true, commission: { makerRate: 0, takerRate: 0 }, defaultRules: { stepSize: 1 } });
    await venue.connect();
    const short: Fill = { ...fill("B", 100, T + MINUTE), side: "SELL", quantity: 50 };
    venue.restore({ fills: [short], workingOrders: [entry], lastBars: [step("A", 1, 100, 100), step("B", 2, 100, 20)] });
    venue.processBar(step("A", 2, 100, 100));
    expect((await venue.getTrades()).filter((t) => t.symbol === "A").map((t) => [t.quantity, t.price])).toEqual([[50, 100]]);
  });

  test("a market order on a symbol without fills is judged at the last close and taken back", async () => {
    const market: Order = {
      symbol: "ABC", side: "BUY", type: "MARKET", quantity: 5, timeInForce: "GTC", clientOrderId: "m", venueOrderId: "P1",
      status: "ACCEPTED", filledQuantity: 0, averageFillPrice: 0, fills: [], createdAt: START + MINUTE, updatedAt: START + MINUTE,
    };
    const without = await fresh();
    without.restore({ fills: [], workingOrders: [market] });
    // No price to judge it at: left out, as the README says.
    expect(await without.getOpenOrders()).toEqual([]);
    const withBars = await fresh();
    withBars.restore({ fills: [], workingOrders: [market], lastBars: [bar("ABC", START, 50)] });
    expect((await withBars.getOpenOrders()).map((o) => o.clientOrderId)).toEqual(["m"]);
    // It fills at the next bar's open, as it would have.
    withBars.processBar(bar("ABC", START + MINUTE, 52, { open: 51 }));
    expect((await withBars.getTrades()).map((t) => [t.clientOrderId, t.price, t.quantity])).toEqual([["m", 51, 5]]);
  });

  test("a bar that cannot mark a price refuses the record, naming it, and changes nothing", async () => {
    const venue = await fresh();
    for (const bad of [bar("XYZ", START, -1, { low: -2 }), bar("XYZ", START, 10, { interval: "7q" }), bar("XYZ", Number.NaN, 10)]) {
      let error: (Error & { code?: string }) | undefined;
      try {
        venue.restore({ fills: [fill("XYZ", 100, START)], workingOrders: [], lastBars: [bad] });
      } catch (caught) {
        error = caught as Error & { code?: string };
      }
      expect(error?.code).toBe("INVALID_DATA");
      expect(error?.message).toContain("XYZ");
    }
    expect(() => venue.restore({ fills: [], workingOrders: [], lastBars: [null] as unknown as Bar[] })).toThrow("lastBars must be an array of bars");
    expect(await venue.getPositions()).toEqual([]);
    // Still fresh: a good record is taken back.
    venue.restore({ fills: [fill("XYZ", 100, START)], workingOrders: [], lastBars: [bar("XYZ", START, 101)] });
    expect((await venue.getPositions())[0]!.marketPrice).toBe(101);
  });
});
