import { describe, expect, test } from "bun:test";
import type { SymbolIncrements, TradingProvider } from "@argo/core";
import { createPaperVenue } from "@argo/provider-paper";
import { silentLogger } from "../strategy/logger.ts";
import type { OrderResult } from "../strategy/strategy-context.ts";
import { barsFromCloses } from "../test-fixtures/bars.ts";
import { FakeMarketData } from "../test-fixtures/fake-market-data.ts";
import { orderOutcome as outcome } from "../test-fixtures/order-outcome.ts";
import { testStrategy } from "../test-fixtures/run-engine.ts";
import { LiveEngine } from "./live-engine.ts";

/** Asks past this many stop the run (an abort), so a close that asks in a loop ends the test instead of hanging it. */
const RUNAWAY_ASKS = 5;

/**
 * A long of 10.25 and, on bar 3, a SELL limit sized by quoteAmount 725.725 at 100.1 (an estimate of 7.250000000000001)
 * then one CLOSE_LONG: the close waits for the venue's lot step, which `increments` never gives (a failure after a
 * moment, or no answer within the 5 ms call deadline). Asks are counted; a runaway count aborts the run.
 */
async function closeWithoutStep(increments: () => Promise<SymbolIncrements | undefined>) {
  const venue = createPaperVenue({ initialCapital: 10_000, commission: { makerRate: 0, takerRate: 0 }, defaultRules: { stepSize: 0.001 } });
  const stop = new AbortController();
  let asked = 0;
  Object.defineProperty(venue, "getSymbolIncrements", {
    value: () => {
      if (++asked > RUNAWAY_ASKS) stop.abort("the close asks for its lot step in a loop");
      return increments();
    },
  });
  const closes: OrderResult[] = [];
  const engine = new LiveEngine({
    symbols: ["X"], interval: "1m", marketData: new FakeMarketData(barsFromCloses("X", [100, 100, 100, 100, 100])), trading: venue as TradingProvider,
    logger: silentLogger, venueCallTimeoutMs: 5,
    strategy: testStrategy({
      async onBar(_bar, ctx) {
        const i = ctx.history().length;
        if (i === 1) await ctx.signal({ action: "OPEN_LONG", quantity: 10.25 });
        if (i !== 3) return;
        await ctx.placeOrder({ symbol: "X", side: "SELL", type: "LIMIT", limitPrice: 100.1, quoteAmount: 725.725, clientOrderId: "tp" });
        closes.push(await ctx.signal({ action: "CLOSE_LONG" }));
      },
    }),
  });
  const result = await engine.run(stop.signal);
  const sells = (await venue.getTrades()).filter((t) => t.side === "SELL").map((t) => t.quantity);
  return { result, closes: closes.map(outcome), sells, asked };
}

describe("a close whose lot step the venue does not give goes out once, unrounded, and the step is asked once", () => {
  const cases: Array<[string, () => Promise<SymbolIncrements | undefined>]> = [
    ["a read that fails after a moment", () => new Promise((_, reject) => setTimeout(() => reject(new Error("exchangeInfo down")), 1))],
    ["a read that never answers (past the 5 ms call deadline)", () => new Promise(() => {})],
  ];
  for (const [name, increments] of cases) {
    test(name, async () => {
      const run = await closeWithoutStep(increments);
      // Without a step the close is sized as closeRoom sizes it: 10.25 − 7.250000000000001 with the noise snapped to the
      // long's 2 decimals = 3 (see close-lot-grid.test.ts); the limit then sells 725.725 / 100.1 = 7.25 on the 0.001 grid.
      // One close, one question: the failure is not asked again within it (a loop is cut at RUNAWAY_ASKS by an abort).
      expect(run.asked).toBe(1);
      expect(run.result.status).toBe("completed");
      expect(run.closes).toEqual(["placed 3"]);
      expect(run.sells.sort()).toEqual([3, 7.25]);
      expect(run.result.positions).toEqual([]);
    });
  }
});
