import { describe, expect, test } from "bun:test";
import { createPaperVenue } from "../create-paper-venue.ts";

const H = 3_600_000;
const T0 = Date.UTC(2024, 0, 2, 10);

/** A venue capping each order's fill at half a bar's volume, with a feeder of hourly XYZ bars. */
async function capped() {
  const venue = createPaperVenue({ initialCapital: 1e6, commission: { makerRate: 0, takerRate: 0 }, maxVolumeShare: 0.5, slippage: { model: "none" } });
  await venue.connect();
  venue.setTime(T0);
  const bar = (i: number, open: number, high: number, low: number, close: number, volume: number) =>
    venue.processBar({ symbol: "XYZ", interval: "1h", openTime: T0 + i * H, open, high, low, close, volume });
  return { venue, bar };
}

describe("a bracket leg capped by maxVolumeShare fills the rest on later bars, not again in the same bar", () => {
  test("a take-profit touched inside a bar of volume 4 fills 2 at its price there, the other 2 at the next bar's open", async () => {
    const { venue, bar } = await capped();
    bar(0, 100, 100, 100, 100, 100);
    await venue.placeOrder({ symbol: "XYZ", side: "BUY", type: "MARKET", quantity: 4, clientOrderId: "e", stopLoss: { triggerPrice: 90 }, takeProfit: { triggerPrice: 110 } });
    bar(1, 100, 101, 99, 100, 100); // the entry fills 4 at 100 (cap 50)
    bar(2, 100, 112, 99, 111, 4); // the take-profit is touched inside the bar; cap 0.5 × 4 = 2
    // Before: a second fill of 2 at this bar's open (100, below the take-profit) on the leg's own turn, past the cap.
    const inBar2 = (await venue.getOrder("e-tp")).fills.map((f) => [f.quantity, f.price, (f.time - T0) / H]);
    expect(inBar2).toEqual([[2, 110, 2]]);
    // The stop-loss was cancelled by the take-profit's fill (one cancels the other); the rest trades at bar 3's open.
    expect((await venue.getOrder("e-sl")).status).toBe("CANCELLED");
    bar(3, 111, 113, 110, 112, 100);
    const tp = await venue.getOrder("e-tp");
    expect(tp.fills.map((f) => [f.quantity, f.price, (f.time - T0) / H])).toEqual([[2, 110, 2], [2, 111, 3]]);
    expect(tp.status).toBe("FILLED");
    expect(await venue.getPosition("XYZ")).toBeUndefined();
  });
});
