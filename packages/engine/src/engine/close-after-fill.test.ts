import { describe, expect, test } from "bun:test";
import type { Position } from "@argo/core";
import type { OrderRejection } from "./callbacks.ts";
import type { OrderResult } from "../strategy/strategy-context.ts";
import { barsFromCloses } from "../test-fixtures/bars.ts";
import { FillsAtOnceVenue } from "../test-fixtures/fills-at-once-venue.ts";
import { LaggingPositionsVenue } from "../test-fixtures/lagging-positions-venue.ts";
import { runEngine, testStrategy } from "../test-fixtures/run-engine.ts";

const bars = barsFromCloses("X", [100, 100, 100, 100, 100]);

/** Buys 10 on bar 0; closes on bar 1 once its position event came; on bar 2 (the close filled, its position event held back) closes again. */
function closingTwice(venue: LaggingPositionsVenue, results: OrderResult[]) {
  return testStrategy({
    async onBar(bar, ctx) {
      if (bar === bars[0]) await ctx.placeOrder({ side: "BUY", quantity: 10 });
      if (bar === bars[1]) {
        venue.release();
        results.push(await ctx.signal({ action: "CLOSE_LONG" }));
      }
      if (bar === bars[2]) results.push(await ctx.signal({ action: "CLOSE_LONG" }));
      if (bar === bars[3]) venue.release();
    },
  });
}

describe("a close after a fill whose position event has not come yet", () => {
  test("is sized against the venue's position, read first: the long sold once is not sold again", async () => {
    const venue = new LaggingPositionsVenue();
    const results: OrderResult[] = [];
    const run = await runEngine({ bars, venue, strategy: closingTwice(venue, results) });
    expect(results.map((r) => r.status)).toEqual(["placed", "skipped"]);
    expect((results[1] as { reason: string }).reason).toBe("CLOSE_LONG: no long position in X");
    expect(venue.placed.map((r) => [r.side, r.quantity])).toEqual([["BUY", 10], ["SELL", 10]]);
    // Read before bar 1's and bar 2's turns (the buy, then the close, filled at those bars' opens, their events held back).
    expect(venue.readSymbols).toEqual(["X", "X"]);
    expect(run.result?.positions).toEqual([]);
  });

  test("a second close in the same turn, after the first filled at once, is sized against the venue's position", async () => {
    const venue = new FillsAtOnceVenue();
    const results: OrderResult[] = [];
    await runEngine({
      bars: bars.slice(0, 3), venue,
      strategy: testStrategy({
        async onBar(bar, ctx) {
          if (bar === bars[0]) await ctx.placeOrder({ side: "BUY", quantity: 10 });
          if (bar !== bars[1]) return;
          results.push(await ctx.signal({ action: "CLOSE_LONG" }));
          results.push(await ctx.signal({ action: "CLOSE_LONG" }));
        },
      }),
    });
    expect(results.map((r) => r.status)).toEqual(["placed", "skipped"]);
    expect(venue.placed.map((r) => [r.side, r.quantity])).toEqual([["BUY", 10], ["SELL", 10]]);
    // Bar 1's turn read the buy's position; the second close read again after the first close's fill.
    expect(venue.readSymbols).toEqual(["X", "X"]);
    expect(await venue.getPositions()).toEqual([]);
  });

  test("when the venue cannot say, the close is rejected with its failure and nothing is sent", async () => {
    const venue = new LaggingPositionsVenue(true);
    const results: OrderResult[] = [];
    const run = await runEngine({ bars, venue, strategy: closingTwice(venue, results) });
    expect(results.map((r) => (r.status === "rejected" ? r.code : r.status))).toEqual(["placed", "CONNECTION_LOST"]);
    expect((results[1] as { reason: string }).reason).toStartWith("CLOSE_LONG: the position in X could not be confirmed after its latest fill (simulated CONNECTION_LOST)");
    expect(run.named("onOrderRejected").map(([r]) => (r as OrderRejection).source)).toEqual(["engine"]);
    expect(venue.placed.map((r) => [r.side, r.quantity])).toEqual([["BUY", 10], ["SELL", 10]]);
    expect(run.result?.positions).toEqual([]);
  });

  test("a fill that comes while the position is read is not lost: that answer is read again, not applied", async () => {
    /** Answers the first read from a snapshot taken before the take-profit fills, as a venue answering mid-fill may. */
    class RacingVenue extends LaggingPositionsVenue {
      override async getPosition(symbol: string): Promise<Position | undefined> {
        const snapshot = await super.getPosition(symbol);
        if (this.readSymbols.length === 1) this.processBar({ ...bars[1]!, high: 200 }); // the take-profit sells the 10 now
        return snapshot;
      }
    }
    const venue = new RacingVenue();
    const results: OrderResult[] = [];
    await runEngine({
      bars: bars.slice(0, 3), venue,
      strategy: testStrategy({
        async onBar(bar, ctx) {
          if (bar === bars[0]) {
            await ctx.placeOrder({ side: "BUY", quantity: 10 });
            await ctx.placeOrder({ side: "SELL", type: "LIMIT", limitPrice: 105, quantity: 10, clientOrderId: "tp" });
          }
          if (bar === bars[1]) results.push(await ctx.signal({ action: "CLOSE_LONG" }));
        },
      }),
    });
    // The first answer (long 10) predates the take-profit's fill; applied, the close would have sold the 10 again.
    expect(venue.readSymbols).toEqual(["X", "X"]);
    expect(results.map((r) => r.status)).toEqual(["skipped"]);
    expect(venue.placed.filter((r) => r.side === "SELL").map((r) => r.clientOrderId)).toEqual(["tp"]);
    expect(await venue.getPositions()).toEqual([]);
  });
});
