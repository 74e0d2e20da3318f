import { describe, expect, test } from "bun:test";
import { barsFromCloses } from "../test-fixtures/bars.ts";
import { LaggingPositionsVenue } from "../test-fixtures/lagging-positions-venue.ts";
import { runEngine, testStrategy } from "../test-fixtures/run-engine.ts";

const risk = { maxDrawdown: 0.1 };
/** Buys 50 on the first bar (filled at the next bar's open, 100, for 5,000 of the 10,000 cash). */
const buying = (first: unknown, release?: { at: unknown; venue: LaggingPositionsVenue }) =>
  testStrategy({
    async onBar(bar, ctx) {
      if (bar === first) await ctx.placeOrder({ side: "BUY", quantity: 50 });
      if (bar === release?.at) release.venue.release();
    },
  });

describe("a fill whose account event lags (the venue books the cash later than the position)", () => {
  test("sets no false peak: the account is read from the venue before the limits judge the equity", async () => {
    // Without the read: cash 10,000 (before the buy) beside the long 50 × 100 reads as equity 15,000, a peak; once the
    // account event comes (bar 3) the equity is 10,000, a false 33% drawdown: REDUCING (closes only) for the whole session.
    const bars = barsFromCloses("X", [100, 100, 100, 100, 100]);
    const venue = new LaggingPositionsVenue(false, "account");
    const run = await runEngine({ bars, venue, strategy: buying(bars[0], { at: bars[3], venue }), engine: { risk } });
    expect(run.named("onTradingStateChange")).toEqual([]);
    expect(run.result?.tradingState).toBe("ACTIVE");
    // The start-up read, then one after the fill: its answer confirms the account until the next fill.
    expect(venue.accountReads).toBe(2);
  });

  test("a real drawdown still trips the limit once the account is read", async () => {
    // The account events never come. Long 50 at 100 with 5,000 cash left: the 10% limit trips at close 80 (9,000).
    const bars = barsFromCloses("X", [100, 100, 95, 90, 80, 75]);
    const venue = new LaggingPositionsVenue(false, "account");
    const run = await runEngine({ bars, venue, strategy: buying(bars[0]), engine: { risk } });
    const changes = run.named("onTradingStateChange").map(([c]) => c as { to: string; time: number });
    expect(changes.map((c) => c.to)).toEqual(["REDUCING"]);
    expect(changes[0]!.time).toBe(bars[4]!.openTime + 60_000); // the engine clock is the bar's close
    expect(venue.accountReads).toBe(2);
  });

  test("when the account cannot be read, no limit judges the unconfirmed equity and the failing reads trip the circuit breaker", async () => {
    const bars = barsFromCloses("X", [100, 100, 100, 100, 100, 100, 100, 100]);
    const venue = new LaggingPositionsVenue(true, "account");
    const run = await runEngine({ bars, venue, strategy: buying(bars[0]), engine: { risk } });
    const reasons = run.named("onTradingStateChange").map(([c]) => (c as { reason: string }).reason);
    expect(reasons).toEqual([expect.stringContaining("circuit breaker: 5 consecutive trading provider errors (last: CONNECTION_LOST")]);
    // The start-up read (the fixture fails only later ones), then bars 1–5; none at the bars after the halt. The end of the
    // run reads once more: the halt's cancel-all was answered since, so the venue's latest call did not fail.
    expect(venue.accountReads).toBe(7);
  });

  test("the strategy's turn shows the account the venue holds, read first, without any risk limit", async () => {
    const bars = barsFromCloses("X", [100, 100, 100]);
    const venue = new LaggingPositionsVenue(false, "account");
    const balances: number[] = [];
    await runEngine({
      bars, venue,
      strategy: testStrategy({
        async onBar(bar, ctx) {
          balances.push(ctx.account().balance);
          if (bar === bars[0]) await ctx.placeOrder({ side: "BUY", quantity: 50 });
        },
      }),
    });
    // Bar 1: the buy of 50 at 100 filled at its open; without the read the strategy would see the 10,000 from before it.
    expect(balances).toEqual([10_000, 5_000, 5_000]);
    expect(venue.accountReads).toBe(2);
  });

  test("once HALTED, the reads stop: no venue call and no error per bar for the rest of the session", async () => {
    const bars = barsFromCloses("X", Array(20).fill(100));
    const venue = new LaggingPositionsVenue(true, "account");
    const run = await runEngine({ bars, venue, strategy: buying(bars[0]) });
    expect(run.named("onTradingStateChange").map(([c]) => (c as { to: string }).to)).toEqual(["HALTED"]);
    // The start-up read, then bars 1–5 failing until the circuit breaker halts; none on the 14 bars after; one at the end
    // of the run (the halt's cancel-all was answered since: the venue's latest call did not fail).
    expect(venue.accountReads).toBe(7);
  });
});

