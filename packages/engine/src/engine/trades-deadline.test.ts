import type { Trade } from "@argo/core";
import { describe, expect, test } from "bun:test";
import { barsFromCloses } from "../test-fixtures/bars.ts";
import { FakeVenue } from "../test-fixtures/fake-venue.ts";
import { runEngine, testStrategy } from "../test-fixtures/run-engine.ts";

/** A venue whose trade history never answers. */
class HungTradesVenue extends FakeVenue {
  override getTrades(): Promise<Trade[]> {
    return new Promise<Trade[]>(() => {});
  }
}

describe("ctx.trades()", () => {
  test("is bounded by the venue call deadline: a venue that never answers fails the read, and the run goes on", async () => {
    const outcomes: string[] = [];
    const run = await runEngine({
      bars: barsFromCloses("X", [100, 101, 102]), venue: new HungTradesVenue(), engine: { mode: "live", venueCallTimeoutMs: 30 },
      strategy: testStrategy({
        async onBar(_bar, ctx) {
          // Before, this await never ended: the turn, the next bars and a stop all waited for it.
          await ctx.trades().then(() => outcomes.push("answered"), (error: { code?: string }) => outcomes.push(String(error.code)));
        },
      }),
    });
    expect(outcomes).toEqual(["CONNECTION_LOST", "CONNECTION_LOST", "CONNECTION_LOST"]);
    expect(run.result?.counters.bars).toBe(3);
  });
});
