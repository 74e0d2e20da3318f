import { describe, expect, test } from "bun:test";
import { harness, rejectsWith } from "../__fixtures__/venue-harness.ts";

const limit = (clientOrderId?: string) =>
  ({ symbol: "XYZ", side: "BUY", type: "LIMIT", quantity: 1, limitPrice: 50, ...(clientOrderId ? { clientOrderId } : {}) }) as const;

// Generated ids "paper-<n>" are looked up by their number rather than indexed (find-order.ts): these
// pin that they behave like any other client id.
describe("generated client ids", () => {
  test("are paper-<order number>, and orders are found and cancelled by them", async () => {
    const { venue } = await harness();
    await venue.placeOrder(limit("mine"));
    const generated = await venue.placeOrder(limit());
    expect(generated.clientOrderId).toBe("paper-2");
    expect(generated.venueOrderId).toBe("P2");
    expect((await venue.getOrder("paper-2")).venueOrderId).toBe("P2");
    // Order 1 has the caller's id: "paper-1" names no order.
    await rejectsWith(venue.getOrder("paper-1"), "ORDER_NOT_FOUND");
    await rejectsWith(venue.getOrder("paper-02"), "ORDER_NOT_FOUND");
    await rejectsWith(venue.getOrder("paper-3"), "ORDER_NOT_FOUND");
    expect((await venue.cancelOrder("paper-2")).status).toBe("CANCELLED");
  });

  test("other spellings of order n's number are not its generated id: they name no order and are free to take", async () => {
    const { venue } = await harness();
    await venue.placeOrder(limit());
    await venue.placeOrder(limit());
    const loose = ["paper-2.0", "paper-2e0", "paper- 2", "paper-0x2", "paper-+2", "paper-002"];
    for (const id of loose) await rejectsWith(venue.getOrder(id), "ORDER_NOT_FOUND");
    for (const id of loose) expect((await venue.placeOrder(limit(id))).clientOrderId).toBe(id);
    // Each is now its own order; order 2 still holds "paper-2".
    for (const id of loose) expect((await venue.getOrder(id)).clientOrderId).toBe(id);
    expect((await venue.getOrder("paper-2")).venueOrderId).toBe("P2");
  });

  test("a caller cannot take an id the venue generated", async () => {
    const { venue } = await harness();
    await venue.placeOrder(limit());
    const error = await rejectsWith(venue.placeOrder(limit("paper-1")), "DUPLICATE_ORDER");
    expect(error.message).toContain('"paper-1"');
    expect(await venue.getOpenOrders()).toHaveLength(1);
  });

  test("an id a caller took first is skipped by the generator, and both orders stay findable", async () => {
    const { venue } = await harness();
    await venue.placeOrder(limit("paper-3")); // order 1
    expect((await venue.placeOrder(limit())).clientOrderId).toBe("paper-2");
    expect((await venue.placeOrder(limit())).clientOrderId).toBe("paper-3-1");
    expect((await venue.getOrder("paper-3")).venueOrderId).toBe("P1");
    expect((await venue.getOrder("paper-3-1")).venueOrderId).toBe("P3");
    expect((await venue.getOrder("paper-2")).venueOrderId).toBe("P2");
    await rejectsWith(venue.placeOrder(limit("paper-2")), "DUPLICATE_ORDER");
    await rejectsWith(venue.placeOrder(limit("paper-3-1")), "DUPLICATE_ORDER");
  });
});
