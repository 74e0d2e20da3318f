import { describe, expect, test } from "bun:test";
import type { OrderResult } from "../strategy/strategy-context.ts";
import { barsFromCloses } from "../test-fixtures/bars.ts";
import { runEngine, testStrategy } from "../test-fixtures/run-engine.ts";
import { StaleEchoVenue } from "../test-fixtures/stale-echo-venue.ts";

const bars = barsFromCloses("X", [100, 100, 100, 100, 100]);

describe("an event generated before a fill but delivered after it (stamped earlier than the fill)", () => {
  test("an account from before a buy sets no false peak: the account is still read before the limits judge", async () => {
    // Taken as confirming, the echoed 10,000 cash beside the long 50 × 100 reads as equity 15,000, a peak; the account
    // event released on bar 3 (5,000 cash) then reads as a 33% drawdown: REDUCING for the session.
    const venue = new StaleEchoVenue("account");
    const run = await runEngine({
      bars, venue, engine: { risk: { maxDrawdown: 0.1 } },
      strategy: testStrategy({
        async onBar(bar, ctx) {
          if (bar === bars[0]) await ctx.placeOrder({ side: "BUY", quantity: 50 });
          if (bar === bars[3]) venue.release();
        },
      }),
    });
    expect(run.named("onTradingStateChange")).toEqual([]);
    expect(run.result?.tradingState).toBe("ACTIVE");
    expect(venue.accountReads).toBe(2); // the start-up read, then one after the fill despite the echo
  });

  test("a flat from before an opening buy does not stand for the long: the strategy sees the long and closes it", async () => {
    const venue = new StaleEchoVenue();
    const results: OrderResult[] = [];
    const seen: (number | undefined)[] = [];
    const run = await runEngine({
      bars, venue,
      strategy: testStrategy({
        async onBar(bar, ctx) {
          seen.push(ctx.position()?.quantity);
          if (bar === bars[0]) await ctx.placeOrder({ side: "BUY", quantity: 10 });
          if (bar === bars[1]) results.push(await ctx.signal({ action: "CLOSE_LONG" }));
        },
      }),
    });
    expect(seen.slice(0, 2)).toEqual([undefined, 10]);
    expect(results.map((r) => r.status)).toEqual(["placed"]);
    expect(venue.placed.map((r) => [r.side, r.quantity])).toEqual([["BUY", 10], ["SELL", 10]]);
    expect(run.result?.positions).toEqual([]);
  });

  test("a long from before an added buy does not size the close: all 15 are sold, none left open", async () => {
    const venue = new StaleEchoVenue();
    const results: OrderResult[] = [];
    await runEngine({
      bars, venue,
      strategy: testStrategy({
        async onBar(bar, ctx) {
          if (bar === bars[0]) await ctx.placeOrder({ side: "BUY", quantity: 10 });
          if (bar === bars[1]) {
            venue.release(); // the long 10, stamped at its fill: confirms it
            await ctx.placeOrder({ side: "BUY", quantity: 5 });
          }
          if (bar === bars[2]) results.push(await ctx.signal({ action: "CLOSE_LONG" }));
        },
      }),
    });
    // Echoed after the second buy's fill: the long 10 from before it. Sized against that, 5 would stay open.
    expect(venue.placed.map((r) => [r.side, r.quantity])).toEqual([["BUY", 10], ["BUY", 5], ["SELL", 15]]);
    expect(await venue.getPositions()).toEqual([]);
  });
});
