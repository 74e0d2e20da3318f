import { describe, expect, test } from "bun:test";
import { rejectsWith } from "../__fixtures__/venue-harness.ts";
import { createPaperVenue } from "../create-paper-venue.ts";

const H = 3_600_000;
const T0 = Date.UTC(2024, 0, 2, 10);

describe("a bracket leg filled in part keeps the position its rest still closes reserved", () => {
  test("take-profit 2 of 4 (volume cap), stop-loss cancelled: a SELL of the 2 held is INSUFFICIENT_POSITION, the leg sells them", async () => {
    const venue = createPaperVenue({ initialCapital: 1e6, commission: { makerRate: 0, takerRate: 0 }, maxVolumeShare: 0.5, allowShorting: false });
    await venue.connect();
    venue.setTime(T0);
    const bar = (i: number, open: number, high: number, low: number, close: number, volume: number) =>
      venue.processBar({ symbol: "XYZ", interval: "1h", openTime: T0 + i * H, open, high, low, close, volume });
    bar(0, 100, 100, 100, 100, 100);
    await venue.placeOrder({ symbol: "XYZ", side: "BUY", type: "MARKET", quantity: 4, clientOrderId: "e", stopLoss: { triggerPrice: 90 }, takeProfit: { triggerPrice: 110 } });
    bar(1, 100, 101, 99, 100, 100); // the entry fills 4
    bar(2, 100, 112, 99, 111, 4); // the take-profit fills 2 of 4 (cap 0.5 × 4); the stop-loss is cancelled
    expect([(await venue.getOrder("e-tp")).filledQuantity, (await venue.getOrder("e-sl")).status]).toEqual([2, "CANCELLED"]);
    // Found by a restart fuzz: the stop-loss held the pair's reservation and took it along: this sell was accepted, then
    // one of the two sells was REJECTED at its fill (and a restart, judging afresh, dropped it as FAILED instead).
    const refused = await rejectsWith(venue.placeOrder({ symbol: "XYZ", side: "SELL", type: "LIMIT", limitPrice: 200, quantity: 2 }), "INSUFFICIENT_POSITION");
    expect(refused.message).toContain("0 available");
    bar(3, 111, 113, 110, 112, 100);
    const tp = await venue.getOrder("e-tp");
    expect([tp.status, tp.filledQuantity]).toEqual(["FILLED", 4]);
    expect(await venue.getPosition("XYZ")).toBeUndefined();
  });
});
