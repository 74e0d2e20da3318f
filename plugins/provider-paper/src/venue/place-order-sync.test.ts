import { describe, expect, test } from "bun:test";
import { isArgoError } from "@argo/core";
import { harness, rejectsWith } from "../__fixtures__/venue-harness.ts";
import { createPaperVenue } from "../create-paper-venue.ts";

function thrown(fn: () => unknown): { code?: string; message?: string } {
  try {
    fn();
  } catch (error) {
    expect(isArgoError(error)).toBe(true);
    return error as { code: string; message: string };
  }
  throw new Error("expected a throw");
}

describe("placeOrderSync", () => {
  test("places in the call, with the same order event, and the order fills like any other", async () => {
    const { venue, feed, events } = await harness();
    const order = venue.placeOrderSync({ symbol: "XYZ", side: "BUY", type: "MARKET", quantity: 2, clientOrderId: "s" });
    expect(order.status).toBe("ACCEPTED");
    expect(order.venueOrderId).toBe("P1");
    // The BUY reserves its cost in cash: the account (lower buying power) follows the order event, in the same call.
    expect(events.map((e) => e.type)).toEqual(["order", "account"]);
    feed(101);
    const filled = await venue.getOrder("s");
    expect(filled.status).toBe("FILLED");
    expect(filled.averageFillPrice).toBe(101);
    expect(events.map((e) => e.type)).toEqual(["order", "account", "order", "fill", "position", "account"]);
  });

  test("refusals are thrown in the call with the code and message placeOrder rejects with", async () => {
    const { venue } = await harness();
    venue.placeOrderSync({ symbol: "XYZ", side: "BUY", type: "MARKET", quantity: 1, clientOrderId: "dup" });
    const request = { symbol: "XYZ", side: "BUY", type: "MARKET", quantity: 1, clientOrderId: "dup" } as const;
    const sync = thrown(() => venue.placeOrderSync(request));
    const async = await rejectsWith(venue.placeOrder(request), "DUPLICATE_ORDER");
    expect(sync.code).toBe("DUPLICATE_ORDER");
    expect(sync.message).toBe(async.message);
    expect(thrown(() => venue.placeOrderSync({ symbol: "XYZ", side: "BUY", type: "MARKET", quantity: -1 })).code).toBe("INVALID_ORDER");
  });

  test("a disconnected venue throws PROVIDER_NOT_CONNECTED", () => {
    const venue = createPaperVenue();
    expect(thrown(() => venue.placeOrderSync({ symbol: "XYZ", side: "BUY", type: "MARKET", quantity: 1 })).code).toBe("PROVIDER_NOT_CONNECTED");
  });
});
