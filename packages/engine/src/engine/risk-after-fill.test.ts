import { describe, expect, test } from "bun:test";
import type { OrderResult } from "../strategy/strategy-context.ts";
import { barsFromCloses } from "../test-fixtures/bars.ts";
import { FillsAtOnceVenue } from "../test-fixtures/fills-at-once-venue.ts";
import { LaggingPositionsVenue } from "../test-fixtures/lagging-positions-venue.ts";
import { runEngine, testStrategy } from "../test-fixtures/run-engine.ts";

const bars = barsFromCloses("X", [100, 100, 100, 100]);

/** Buys 10 on bar 1, filled at once; then, before the venue's position event, buys 10 more. */
function buyingTwice(results: OrderResult[]) {
  return testStrategy({
    async onBar(bar, ctx) {
      if (bar !== bars[1]) return;
      results.push(await ctx.placeOrder({ side: "BUY", quantity: 10 }));
      results.push(await ctx.placeOrder({ side: "BUY", quantity: 10 }));
    },
  });
}

describe("an order placed right after a fill whose position event has not come yet", () => {
  test("is judged against the venue's position, read first: a position limit the fill used up holds", async () => {
    // The mirror still says flat: judged against it, the second buy would make 10, within the limit; it makes 20.
    const venue = new FillsAtOnceVenue();
    const results: OrderResult[] = [];
    await runEngine({ bars: bars.slice(0, 2), venue, strategy: buyingTwice(results), engine: { risk: { maxPositionQuantity: 15 } } });
    expect(results.map((r) => r.status)).toEqual(["placed", "rejected"]);
    expect((results[1] as { reason: string }).reason).toBe("position in X would be 20, above maxPositionQuantity 15");
    expect(venue.readSymbols).toEqual(["X"]);
    expect(venue.placed.map((r) => r.quantity)).toEqual([10]);
  });

  test("when the venue cannot say, the order is rejected with its failure and nothing is sent", async () => {
    const venue = new FillsAtOnceVenue(true);
    const results: OrderResult[] = [];
    await runEngine({ bars: bars.slice(0, 2), venue, strategy: buyingTwice(results), engine: { risk: { maxPositionQuantity: 15 } } });
    expect(results.map((r) => (r.status === "rejected" ? r.code : r.status))).toEqual(["placed", "CONNECTION_LOST"]);
    expect((results[1] as { reason: string }).reason).toStartWith("the position in X could not be confirmed after its latest fill (simulated CONNECTION_LOST)");
    expect(venue.placed.map((r) => r.quantity)).toEqual([10]);
  });

  test("without order limits nothing reads the position: the order goes at once", async () => {
    const venue = new FillsAtOnceVenue();
    const results: OrderResult[] = [];
    let readsAtSecondOrder: string[] | undefined;
    const strategy = buyingTwice(results);
    const onBar = strategy.onBar!;
    strategy.onBar = async (bar, ctx) => {
      await onBar(bar, ctx);
      if (bar === bars[1]) readsAtSecondOrder = [...venue.readSymbols];
    };
    const run = await runEngine({ bars: bars.slice(0, 2), venue, strategy });
    expect(results.map((r) => r.status)).toEqual(["placed", "placed"]);
    // Nothing was read before either order went; the end of the run confirms the position the fills left (one read).
    expect(readsAtSecondOrder).toEqual([]);
    expect(venue.readSymbols).toEqual(["X"]);
    expect(await venue.getPosition("X")).toMatchObject({ quantity: 20 });
    expect(run.result?.positions.map((p) => p.quantity)).toEqual([20]);
  });
});

describe("the strategy's turn after a fill whose position event has not come yet", () => {
  test("shows the venue's position, read first, without any risk limit", async () => {
    const venue = new LaggingPositionsVenue();
    const seen: unknown[] = [];
    await runEngine({
      bars: bars.slice(0, 3), venue,
      strategy: testStrategy({
        async onBar(bar, ctx) {
          seen.push(ctx.position()?.quantity);
          if (bar === bars[0]) await ctx.placeOrder({ side: "BUY", quantity: 10 });
        },
      }),
    });
    // Bar 1: the buy filled at its open and the venue's position event is still held back; the read shows the 10.
    expect(seen).toEqual([undefined, 10, 10]);
    expect(venue.readSymbols).toEqual(["X"]);
  });
});

describe("an equityFraction order right after a fill whose account event has not come yet", () => {
  test("is judged against the venue's account, read first: the position limit holds", async () => {
    // Long 50 bought on bar 0; on bar 1 the sell of 50 fills at once and its account event lags: the mirror's cash is
    // still 5,000 where the venue holds 10,000. Judged from the mirror the buy would be 50 (within 60); the venue buys 100.
    const venue = new FillsAtOnceVenue(false, "account");
    const results: OrderResult[] = [];
    await runEngine({
      bars: bars.slice(0, 2), venue, engine: { risk: { maxPositionQuantity: 60 } },
      strategy: testStrategy({
        async onBar(bar, ctx) {
          if (bar === bars[0]) await ctx.placeOrder({ side: "BUY", quantity: 50 });
          if (bar !== bars[1]) return;
          results.push(await ctx.placeOrder({ side: "SELL", quantity: 50 }));
          results.push(await ctx.placeOrder({ side: "BUY", equityFraction: 1 }));
        },
      }),
    });
    expect(results.map((r) => r.status)).toEqual(["placed", "rejected"]);
    expect((results[1] as { reason: string }).reason).toBe("position in X would be 100, above maxPositionQuantity 60");
    expect(await venue.getPositions()).toEqual([]);
  });
});

describe("a cancel issued while an order placed before it waits for its venue read", () => {
  test("reaches the venue after that order: nothing placed before a cancel-all is left working", async () => {
    const venue = new FillsAtOnceVenue();
    const cancelled: string[] = [];
    await runEngine({
      bars: bars.slice(0, 2), venue, engine: { risk: { maxPositionQuantity: 100 } },
      strategy: testStrategy({
        async onBar(bar, ctx) {
          if (bar !== bars[1]) return;
          await ctx.placeOrder({ side: "BUY", quantity: 10 }); // fills at once: the position is unconfirmed
          const resting = ctx.placeOrder({ side: "BUY", type: "LIMIT", quantity: 5, limitPrice: 50, clientOrderId: "c1" });
          const all = ctx.cancelAllOrders(); // not awaited in between: issued after the limit order
          await resting;
          cancelled.push(...(await all).map((o) => o.clientOrderId));
        },
      }),
    });
    expect(cancelled).toEqual(["c1"]);
    expect(await venue.getOpenOrders()).toEqual([]);
  });
});
