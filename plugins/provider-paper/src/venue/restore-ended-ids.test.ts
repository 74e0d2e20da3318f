import type { Fill, Order } from "@argo/core";
import { describe, expect, test } from "bun:test";
import { rejectsWith, START } from "../__fixtures__/venue-harness.ts";
import { workingOrder } from "../__fixtures__/working-order.ts";
import { createPaperVenue } from "../create-paper-venue.ts";
import type { PaperVenue } from "./paper-venue.ts";

async function fresh(): Promise<PaperVenue> {
  const venue = createPaperVenue({ initialCapital: 10_000, commission: { makerRate: 0, takerRate: 0 } });
  await venue.connect();
  venue.setTime(START);
  return venue;
}

const filled: Fill = { id: "F1", clientOrderId: "c-1", venueOrderId: "P1", symbol: "XYZ", side: "BUY", quantity: 1, price: 100, fee: 0, time: START };
const resting: Order = workingOrder("P3", "w-3", { limitPrice: 50 });
const limit = { symbol: "XYZ", side: "BUY", type: "LIMIT", quantity: 1, limitPrice: 10 } as const;

describe("restore: orders that ended without a fill keep their venue ids", () => {
  test("past the record's greatest venue order id P7 (an order in neither list), the next order is P8", async () => {
    const venue = await fresh();
    venue.restore({ fills: [filled], workingOrders: [resting], greatestVenueOrderId: "P7" });
    const placed = venue.placeOrderSync(limit);
    // P4 would be the next number after the fills' P1 and the working P3 alone.
    expect([placed.venueOrderId, placed.clientOrderId]).toEqual(["P8", "paper-8"]);
    expect((await venue.getOrder("P8")).clientOrderId).toBe("paper-8");
    // The ended orders are not known, as any number not taken back; the working one is.
    for (const id of ["P4", "P7", "paper-7"]) await rejectsWith(venue.getOrder(id), "ORDER_NOT_FOUND");
    expect((await venue.getOrder("P3")).clientOrderId).toBe("w-3");
  });

  test("a greatest id not of this venue's form (another prefix, a leading zero, past its range) is not counted", async () => {
    for (const greatest of ["Q9", "P07", "P99999999999", "9"]) {
      const venue = await fresh();
      venue.restore({ fills: [filled], workingOrders: [resting], greatestVenueOrderId: greatest });
      expect(venue.placeOrderSync(limit).venueOrderId).toBe("P4");
    }
  });
});
