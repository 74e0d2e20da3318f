import { describe, expect, test } from "bun:test";
import { createPaperVenue } from "@argo/provider-paper";
import { silentLogger } from "../strategy/logger.ts";
import type { StrategyContext } from "../strategy/strategy-context.ts";
import { barsFromCloses } from "../test-fixtures/bars.ts";
import { FakeMarketData } from "../test-fixtures/fake-market-data.ts";
import { LaterVenue } from "../test-fixtures/later-venue.ts";
import { orderOutcome as outcome } from "../test-fixtures/order-outcome.ts";
import { runEngine, testStrategy } from "../test-fixtures/run-engine.ts";
import type { OrderRejection } from "./callbacks.ts";
import { LiveEngine } from "./live-engine.ts";

describe("a close never flips the position", () => {
  test("repeated CLOSE_LONG while a limit close works: the later ones are skipped, the position ends flat", async () => {
    // Bought 1 at bar 1's close, filled at bar 2's open (100). The limit 104 is first reached by bar 7 (high 105 × 1.005).
    const seen: string[] = [];
    const run = await runEngine({
      bars: barsFromCloses("X", [100, 100, 100, 100, 100, 100, 100, 105, 105, 105]),
      strategy: testStrategy({
        async onBar(_bar, ctx) {
          const i = ctx.history().length;
          if (i === 1) await ctx.signal({ action: "OPEN_LONG", quantity: 1 });
          if (i >= 3 && i <= 5) seen.push(outcome(await ctx.signal({ action: "CLOSE_LONG", type: "LIMIT", limitPrice: 104 })));
        },
      }),
    });
    expect(seen).toEqual([
      "placed 1",
      "skipped: CLOSE_LONG: the long position in X (1) is already covered by orders working against it (1)",
      "skipped: CLOSE_LONG: the long position in X (1) is already covered by orders working against it (1)",
    ]);
    expect(run.result?.positions).toEqual([]);
    expect(run.venue.placed.filter((r) => r.side === "SELL")).toHaveLength(1);
  });

  test("a close sent while another is still in flight sees it: skipped, or capped at what is left", async () => {
    const seen: string[] = [];
    const venue = new LaterVenue();
    const run = await runEngine({
      bars: barsFromCloses("X", [100, 100, 100, 100, 100]),
      venue,
      strategy: testStrategy({
        async onBar(_bar, ctx) {
          const i = ctx.history().length;
          if (i === 1) await ctx.signal({ action: "OPEN_LONG", quantity: 5 });
          if (i !== 3) return;
          // Not awaited: the first has not been answered when the others are sized. 5 − 2 = 3 left, then nothing.
          const first = ctx.signal({ action: "CLOSE_LONG", quantity: 2 });
          const second = ctx.signal({ action: "CLOSE_LONG" });
          const third = ctx.signal({ action: "CLOSE_LONG" });
          seen.push(...(await Promise.all([first, second, third])).map(outcome));
        },
      }),
    });
    expect(seen).toEqual(["placed 2", "placed 3", "skipped: CLOSE_LONG: the long position in X (5) is already covered by orders working against it (5)"]);
    expect(run.result?.positions).toEqual([]);
  });

  // Bracket legs are not counted (workingQuantity): the engine never skips a close because of them. Whether the venue
  // takes it is the venue's rule: paper with shorting off, like Binance's OCO, holds the position for the legs.
  const bracketRun = async (allowShorting: boolean, atBar3: (ctx: StrategyContext) => Promise<void>) => {
    const venue = createPaperVenue({ initialCapital: 10_000, allowShorting, commission: { makerRate: 0, takerRate: 0 } });
    const engine = new LiveEngine({
      symbols: ["X"], interval: "1m", marketData: new FakeMarketData(barsFromCloses("X", [100, 100, 100, 100, 100])), trading: venue, logger: silentLogger,
      strategy: testStrategy({
        async onBar(_bar, ctx) {
          const i = ctx.history().length;
          // Bought 10 at bar 2's open; the legs (SELL 10 each, one-cancels-the-other) work from then.
          if (i === 1) await ctx.signal({ action: "OPEN_LONG", quantity: 10, clientOrderId: "entry", stopLoss: { triggerPrice: 80 }, takeProfit: { triggerPrice: 130 } });
          if (i === 3) await atBar3(ctx);
        },
      }),
    });
    return engine.run();
  };

  test("with a take-profit/stop-loss bracket working, a CLOSE_LONG is not held back by the legs", async () => {
    const seen: string[] = [];
    let legs: string[] = [];
    const result = await bracketRun(true, async (ctx) => {
      legs = ctx.openOrders().map((o) => `${o.side} ${o.quantity} ${o.reason}`).sort();
      seen.push(outcome(await ctx.signal({ action: "CLOSE_LONG" })));
      // The market close now works against the whole position: a second close has nothing left.
      seen.push(outcome(await ctx.signal({ action: "CLOSE_LONG" })));
    });
    expect(legs).toEqual(["SELL 10 stop-loss", "SELL 10 take-profit"]);
    expect(seen).toEqual(["placed 10", "skipped: CLOSE_LONG: the long position in X (10) is already covered by orders working against it (10)"]);
    expect(result.positions).toEqual([]);
    // The legs are the strategy's to cancel: the venue keeps them working after the position closed by other means.
    expect(result.openOrders.map((o) => o.clientOrderId).sort()).toEqual(["entry-sl", "entry-tp"]);
  });

  test("where the venue holds the position for the legs, cancelling the bracket first lets the close through", async () => {
    const seen: string[] = [];
    const result = await bracketRun(false, async (ctx) => {
      seen.push(outcome(await ctx.signal({ action: "CLOSE_LONG" })));
      // Cancelling one leg cancels its partner (one OCO list).
      const cancelled = await ctx.cancelOrder("entry-sl");
      seen.push(cancelled.ok ? `cancelled, ${ctx.openOrders().length} open` : "cancel failed");
      seen.push(outcome(await ctx.signal({ action: "CLOSE_LONG" })));
    });
    expect(seen[0]).toStartWith("INSUFFICIENT_POSITION: ");
    expect(seen.slice(1)).toEqual(["cancelled, 0 open", "placed 10"]);
    expect(result.positions).toEqual([]);
    expect(result.openOrders).toEqual([]);
  });
});

describe("a close sized by quoteAmount or equityFraction", () => {
  test("is refused as INVALID_ORDER naming the field, closes nothing, and the engine goes on", async () => {
    const seen: string[] = [];
    const run = await runEngine({
      bars: barsFromCloses("X", [100, 100, 100, 100, 100, 100, 100]),
      strategy: testStrategy({
        async onBar(_bar, ctx) {
          const i = ctx.history().length;
          if (i === 1) await ctx.signal({ action: "OPEN_LONG", quantity: 10 });
          if (i === 3) seen.push(outcome(await ctx.signal({ action: "CLOSE_LONG", quoteAmount: 100 })));
          if (i === 4) seen.push(outcome(await ctx.signal({ action: "CLOSE_LONG", equityFraction: 0.01 })));
          if (i === 5) seen.push(outcome(await ctx.signal({ action: "CLOSE_LONG", quantity: 4 })));
        },
      }),
    });
    expect(seen).toEqual([
      "INVALID_ORDER: CLOSE_LONG: a close takes `quantity` (or nothing for the whole position), not quoteAmount",
      "INVALID_ORDER: CLOSE_LONG: a close takes `quantity` (or nothing for the whole position), not equityFraction",
      "placed 4",
    ]);
    const rejected = run.named("onOrderRejected").map(([r]) => r as OrderRejection);
    expect(rejected.map((r) => [r.source, r.code, r.request.quoteAmount, r.request.equityFraction])).toEqual([
      ["engine", "INVALID_ORDER", 100, undefined],
      ["engine", "INVALID_ORDER", undefined, 0.01],
    ]);
    expect(run.result?.positions).toMatchObject([{ side: "LONG", quantity: 6 }]); // 10 − 4
  });
});
