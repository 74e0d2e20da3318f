import { ArgoError, type Order, type OrderRequest } from "@argo/core";
import { describe, expect, test } from "bun:test";
import type { OrderResult } from "../strategy/strategy-context.ts";
import { barsFromCloses } from "../test-fixtures/bars.ts";
import { FakeVenue, type FakeVenueOptions, SyncFakeVenue } from "../test-fixtures/fake-venue.ts";
import { runEngine, testStrategy } from "../test-fixtures/run-engine.ts";

/** The request reached the venue and was accepted, but the answer was lost on the way back (a dropped connection). */
class LostAnswerVenue extends FakeVenue {
  override async placeOrder(request: OrderRequest): Promise<Order> {
    await super.placeOrder(request);
    throw new ArgoError("CONNECTION_LOST", "socket closed before the response arrived");
  }
}

/** The same, for a venue that answers in the call: it took the order, then failed before returning it. */
class LostSyncAnswerVenue extends SyncFakeVenue {
  override placeOrderSync(request: OrderRequest): Order {
    super.placeOrderSync(request);
    throw new ArgoError("INTERNAL", "listener failure after the order was booked");
  }
}

/** The venue cannot be reached at all: neither placing nor asking about an order works. */
class UnreachableVenue extends FakeVenue {
  override async placeOrder(): Promise<Order> {
    throw new ArgoError("CONNECTION_LOST", "connection refused");
  }
  override async getOrder(): Promise<Order> {
    throw new ArgoError("CONNECTION_LOST", "connection refused");
  }
}

/** Unreachable, answering in the call. */
class UnreachableSyncVenue extends SyncFakeVenue {
  override placeOrderSync(): Order {
    throw new ArgoError("INTERNAL", "venue state unavailable");
  }
  override async getOrder(): Promise<Order> {
    throw new ArgoError("CONNECTION_LOST", "connection refused");
  }
}

// Every scenario runs against a venue answering through promises and one answering in the call (placeOrderSync).
const placements = [
  { name: "asynchronous placement", sync: false, plain: (o?: FakeVenueOptions) => new FakeVenue(o), lost: () => new LostAnswerVenue(), unreachable: () => new UnreachableVenue() },
  { name: "synchronous placement", sync: true, plain: (o?: FakeVenueOptions) => new SyncFakeVenue(o), lost: () => new LostSyncAnswerVenue(), unreachable: () => new UnreachableSyncVenue() },
];

/** Places one market order on the first bar and keeps what the engine answered. */
async function placeOnce(venue: FakeVenue) {
  const results: OrderResult[] = [];
  const run = await runEngine({
    bars: barsFromCloses("X", [100, 101, 102]),
    venue,
    strategy: testStrategy({
      async onBar(_bar, ctx) {
        if (results.length === 0) results.push(await ctx.placeOrder({ side: "BUY", type: "MARKET", quantity: 1 }));
      },
    }),
  });
  return { run, result: results[0]! };
}

describe.each(placements)("a placement whose outcome is unclear is reconciled with the venue, never reported wrongly ($name)", (venues) => {
  test("accepted at the venue but the answer was lost: reported placed once, sent once, and it fills", async () => {
    const venue = venues.lost();
    const { run, result } = await placeOnce(venue);
    expect(result.status).toBe("placed");
    expect(venue.placed).toHaveLength(1);
    expect(venue.asyncPlacements).toBe(venues.sync ? 0 : 1);
    expect(run.named("onOrderPlaced")).toHaveLength(1);
    expect(run.named("onOrderRejected")).toHaveLength(0);
    expect(run.named("onOrderFilled")).toHaveLength(1);
  });

  test("never reached the venue (the venue does not know the id): reported rejected with the failure", async () => {
    const venue = venues.plain({ failCalls: { count: 1, code: "CONNECTION_LOST" } });
    const { run, result } = await placeOnce(venue);
    expect(result.status).toBe("rejected");
    expect(result.status === "rejected" && result.code).toBe("CONNECTION_LOST");
    expect(venue.placed).toHaveLength(0);
    expect(run.named("onOrderRejected")).toHaveLength(1);
  });

  test("venue unreachable even to ask: rejected, saying the order may be live and naming its client id", async () => {
    const { result } = await placeOnce(venues.unreachable());
    expect(result.status).toBe("rejected");
    if (result.status !== "rejected") return;
    expect(result.reason).toContain("may be live");
    expect(result.reason).toContain(result.request.clientOrderId!);
  });

  test("a venue refusal is final: no reconciliation, the refusal's own code", async () => {
    const venue = venues.plain({ failCalls: { count: 1, code: "INSUFFICIENT_FUNDS" } });
    const { result } = await placeOnce(venue);
    expect(result.status === "rejected" && result.code).toBe("INSUFFICIENT_FUNDS");
  });
});
