import type { Order } from "@argo/core";
import { afterAll, describe, expect, test } from "bun:test";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { barsFromCloses } from "../test-fixtures/bars.ts";
import { FakeVenue } from "../test-fixtures/fake-venue.ts";
import { runEngine, testStrategy } from "../test-fixtures/run-engine.ts";

const root = mkdtempSync(join(tmpdir(), "argo-stop-during-start-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A venue (restarted: it knows none of the earlier orders as open) whose order lookups never answer. */
class HungLookupVenue extends FakeVenue {
  override getOrder(): Promise<Order> {
    return new Promise<Order>(() => {});
  }
}

describe("a stop while the start asks the venue about the journal's orders", () => {
  test("ends the start: the strategy's init does not run and nothing is sent", async () => {
    const sessionDir = join(root, "a");
    const bars = barsFromCloses("X", [100, 101, 102]);
    // The first session leaves a buy limit working.
    await runEngine({
      bars, engine: { sessionDir, mode: "live" },
      strategy: testStrategy({
        async onBar(bar, ctx) {
          if (bar === bars[0]) await ctx.placeOrder({ side: "BUY", type: "LIMIT", limitPrice: 50, quantity: 1 });
        },
      }),
    });
    const venue = new HungLookupVenue();
    const stop = new AbortController();
    setTimeout(() => stop.abort("SIGINT"), 30);
    let inits = 0;
    const run = await runEngine({
      bars, venue, signal: stop.signal, engine: { sessionDir, mode: "live", venueCallTimeoutMs: 60_000 },
      strategy: testStrategy({
        async init(ctx) {
          inits++;
          await ctx.placeOrder({ symbol: "X", side: "BUY", quantity: 1 });
        },
      }),
    });
    // Before, the stop was taken for a failed lookup ("could not ask … (SIGINT)"): init ran and its order was sent.
    expect(inits).toBe(0);
    expect(venue.placed).toEqual([]);
    expect(run.named("onEngineStart")).toEqual([]);
    expect(run.result?.status).toBe("aborted");
    expect(run.named("onError").map(([e]) => String((e as Error).message))).not.toContainEqual(expect.stringContaining("could not ask"));
  });
});
