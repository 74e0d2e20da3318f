import type { Fill } from "@argo/core";
import { describe, expect, test } from "bun:test";
import { harness, rejectsWith, START } from "../__fixtures__/venue-harness.ts";
import { workingOrder } from "../__fixtures__/working-order.ts";
import { createPaperVenue } from "../create-paper-venue.ts";

const limit = (clientOrderId?: string, limitPrice = 90) =>
  ({ symbol: "XYZ", side: "BUY", type: "LIMIT", quantity: 1, limitPrice, ...(clientOrderId === undefined ? {} : { clientOrderId }) }) as const;

describe("client ids of the venue's own id form P<n>", () => {
  test("are refused at placement (INVALID_ORDER naming clientOrderId, saying why), and nothing is placed", async () => {
    const { venue } = await harness({ initialCapital: 10_000 });
    for (const id of ["P2", "P1", "P123456789012345678901"]) {
      const error = await rejectsWith(venue.placeOrder(limit(id)), "INVALID_ORDER");
      expect(error.details?.field).toBe("clientOrderId");
      expect(error.message).toContain(`clientOrderId "${id}"`);
      expect(error.message).toContain("venue's own order ids");
    }
    expect(await venue.getOpenOrders()).toEqual([]);
    // No order number was used up: the next order is the venue's first.
    expect((await venue.placeOrder(limit())).venueOrderId).toBe("P1");
  });

  test("ids that only look alike are not venue ids and are accepted", async () => {
    const { venue } = await harness({ initialCapital: 10_000 });
    for (const id of ["P0", "P01", "p2", "P2a", "XP2", "P-2", "P"]) expect((await venue.placeOrder(limit(id))).clientOrderId).toBe(id);
  });

  test("cancelOrder and getOrder by venue id reach the order that holds it", async () => {
    const { venue } = await harness({ initialCapital: 10_000 });
    await rejectsWith(venue.placeOrder(limit("P2")), "INVALID_ORDER");
    const a = await venue.placeOrder(limit("a"));
    const b = await venue.placeOrder(limit(undefined, 80));
    expect([a.venueOrderId, b.venueOrderId]).toEqual(["P1", "P2"]);
    expect((await venue.getOrder("P2")).clientOrderId).toBe(b.clientOrderId);
    expect((await venue.cancelOrder("P2")).clientOrderId).toBe(b.clientOrderId);
    expect((await venue.getOrder("a")).status).toBe("ACCEPTED");
  });

  test("a journal holding such client ids from before still restores, and a retry of one is told it exists", async () => {
    const venue = createPaperVenue({ initialCapital: 10_000, commission: { makerRate: 0, takerRate: 0 } });
    await venue.connect();
    const filled: Fill = {
      id: "F1", clientOrderId: "P9", venueOrderId: "P1", symbol: "XYZ", side: "BUY", quantity: 1, price: 100, fee: 0,
      feeCurrency: "USD", liquidity: "TAKER", time: START,
    };
    venue.restore({ fills: [filled], workingOrders: [workingOrder("P2", "P7", { limitPrice: 90 })] });
    const working = await venue.getOrder("P7");
    expect([working.venueOrderId, working.status]).toEqual(["P2", "ACCEPTED"]);
    await rejectsWith(venue.placeOrder(limit("P7")), "DUPLICATE_ORDER");
    await rejectsWith(venue.placeOrder(limit("P9")), "DUPLICATE_ORDER");
  });
});
