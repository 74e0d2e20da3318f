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

/**
 * A CLOSE_LONG beside a SELL limit sized by quoteAmount: the close is the long less an estimate of that limit
 * (quoteAmount ÷ limit), which float division puts a hair off the lot grid (725.725 / 100.1 = 7.250000000000001, not
 * 7.25), and a venue refuses a quantity off its grid. Flat bars at 100 (high 100.5): bought at bar 2's open; on bar 3
 * the limit (100.1, above the market) and the close go out; on bar 4 the close fills at the open and the limit at 100.1,
 * selling amount ÷ 100.1 in whole lots (paper floors it to the step: 7.25, or 7 for 700.7 / 100.1 = 7.000000000000001).
 */
async function closeBesideQuoteLimit(options: {
  stepSize: number;
  long: number;
  quoteAmount: number;
  /** Stands for the venue's method: "none" for a venue without it, else what it answers (default: the paper venue's). */
  increments?: "none" | ((symbol: string) => Promise<SymbolIncrements | undefined>);
  /** Sizes the limit by quantity instead (nothing estimated). */
  limitQuantity?: number;
}) {
  const venue = createPaperVenue({ initialCapital: 10_000, commission: { makerRate: 0, takerRate: 0 }, defaultRules: { stepSize: options.stepSize } });
  let asked = 0;
  // Optional chaining keeps the test running (and failing for its reason) against a venue from before the method.
  const ask = typeof options.increments === "function" ? options.increments : (venue as TradingProvider).getSymbolIncrements?.bind(venue);
  // Own property over the class's: undefined stands for a venue without the optional method.
  Object.defineProperty(venue, "getSymbolIncrements", {
    value: options.increments === "none" ? undefined : (symbol: string) => (asked++, ask?.(symbol)),
  });
  const closes: OrderResult[] = [];
  const engine = new LiveEngine({
    symbols: ["X"], interval: "1m", marketData: new FakeMarketData(barsFromCloses("X", [100, 100, 100, 100, 100])), trading: venue as TradingProvider, logger: silentLogger,
    strategy: testStrategy({
      async onBar(_bar, ctx) {
        const i = ctx.history().length;
        if (i === 1) await ctx.signal({ action: "OPEN_LONG", quantity: options.long });
        if (i !== 3) return;
        const size = options.limitQuantity === undefined ? { quoteAmount: options.quoteAmount } : { quantity: options.limitQuantity };
        await ctx.placeOrder({ symbol: "X", side: "SELL", type: "LIMIT", limitPrice: 100.1, ...size, clientOrderId: "tp" });
        closes.push(await ctx.signal({ action: "CLOSE_LONG" }));
        // A second close is covered (or less than a lot is left): skipped, and the step is not asked again.
        closes.push(await ctx.signal({ action: "CLOSE_LONG" }));
      },
    }),
  });
  const result = await engine.run();
  const sells = (await venue.getTrades()).filter((t) => t.side === "SELL").map((t) => t.quantity);
  const tp = await venue.getOrder("tp");
  return { result, closes: closes.map(outcome), sells, tp, asked };
}

describe("a close beside an amount-sized order stays on the lot grid", () => {
  test("step 1: 10 − 700.7/100.1 closes 3 (not 2.99999999999, off the grid); both fill and the long is flat", async () => {
    const run = await closeBesideQuoteLimit({ stepSize: 1, long: 10, quoteAmount: 700.7 });
    expect(run.closes[0]).toBe("placed 3");
    expect(run.closes[1]).toStartWith("skipped: CLOSE_LONG: the long position in X (10) is already covered");
    // 3 by the close, 7 by the limit (700.7 / 100.1 in whole lots): 10 sold, no more.
    expect([run.tp.status, run.tp.filledQuantity]).toEqual(["FILLED", 7]);
    expect(run.sells.sort()).toEqual([3, 7]);
    expect(run.result.positions).toEqual([]);
    expect(run.asked).toBe(1);
  });

  test("step 1, an estimate with a fraction: the close is rounded down (6 of 6.50…), never up past what is free", async () => {
    // 350 / 100.1 = 3.4965…: 10 − 3.4965… = 6.5034… is free, 6 whole lots (6.5034… itself is refused by LOT_SIZE). The
    // limit then sells 3 (350 / 100.1 in whole lots): 1 of the long is left, none sold twice.
    const run = await closeBesideQuoteLimit({ stepSize: 1, long: 10, quoteAmount: 350 });
    expect(run.closes[0]).toBe("placed 6");
    expect(run.sells.sort()).toEqual([3, 6]);
    expect(run.result.positions.map((p) => [p.side, p.quantity])).toEqual([["LONG", 1]]);
  });

  test("step 0.001: 10 − 725.725/100.1 closes 2.75 (not 2.74999999999); both fill and the long is flat", async () => {
    const run = await closeBesideQuoteLimit({ stepSize: 0.001, long: 10, quoteAmount: 725.725 });
    expect(run.closes[0]).toBe("placed 2.75");
    expect([run.tp.status, run.tp.filledQuantity]).toEqual(["FILLED", 7.25]);
    // 2.75 + 7.25 = 10.
    expect(run.sells.sort()).toEqual([2.75, 7.25]);
    expect(run.result.positions).toEqual([]);
    expect(run.asked).toBe(1);
  });

  test("a venue without getSymbolIncrements: 12-digit noise snapped to the position's own decimals (10.25 − 7.25 → 3)", async () => {
    // 10.25 − 7.250000000000001 is 2.99999999999 at 12 digits, a unit of the 12th digit from 3 (2 decimals, as the long).
    const run = await closeBesideQuoteLimit({ stepSize: 0.001, long: 10.25, quoteAmount: 725.725, increments: "none" });
    expect(run.closes[0]).toBe("placed 3");
    expect(run.sells.sort()).toEqual([3, 7.25]);
    expect(run.result.positions).toEqual([]);
  });

  test("a venue that states no step trading tenths: a long of 1 with 0.4 working closes 0.6, not nothing (review)", async () => {
    // 40.04 / 100.1 = 0.4 estimated; the long's own decimals (none) say nothing of the venue's grid (0.1 here).
    const run = await closeBesideQuoteLimit({ stepSize: 0.1, long: 1, quoteAmount: 40.04, increments: async () => undefined });
    expect(run.closes[0]).toBe("placed 0.6");
    expect(run.sells.sort()).toEqual([0.4, 0.6]);
    expect(run.result.positions).toEqual([]);
  });

  test("less than a lot left beside the estimate: skipped as covered, naming the lot", async () => {
    // Step 1, long 10, 950 / 100.1 = 9.49…: 0.50… is free, no whole lot: nothing is sent, the limit sells 9 later.
    const run = await closeBesideQuoteLimit({ stepSize: 1, long: 10, quoteAmount: 950 });
    expect(run.closes[0]).toBe("skipped: CLOSE_LONG: the long position in X (10) is already covered by orders working against it (9.49050949) but for less than one lot (step 1)");
    expect(run.sells).toEqual([9]);
  });

  test("a venue answering later: the close waits for its step, then is sized afresh; asked once", async () => {
    const later = (): Promise<SymbolIncrements> => new Promise((resolve) => setTimeout(() => resolve({ stepSize: 0.001 }), 5));
    const run = await closeBesideQuoteLimit({ stepSize: 0.001, long: 10, quoteAmount: 725.725, increments: later });
    expect(run.closes[0]).toBe("placed 2.75");
    expect(run.result.positions).toEqual([]);
    expect(run.asked).toBe(1);
  });

  test("a venue whose answer fails, or says no step: its noise snapped to the position's decimals, and no error", async () => {
    // A failure is not kept, so the second close asks again; an answer without a step is kept.
    const cases: Array<[() => Promise<SymbolIncrements | undefined>, number]> = [[() => Promise.reject(new Error("exchangeInfo down")), 2], [async () => undefined, 1], [async () => ({ tickSize: 0.01 }), 1]];
    for (const [increments, asks] of cases) {
      // Long 10.25 (2 decimals): 10.25 − 7.250000000000001 closes 3.
      const run = await closeBesideQuoteLimit({ stepSize: 0.001, long: 10.25, quoteAmount: 725.725, increments });
      expect(run.closes[0]).toBe("placed 3");
      expect(run.result.positions).toEqual([]);
      expect(run.asked).toBe(asks);
    }
  });

  test("beside orders sized by quantity nothing is estimated: the close is as before, and the venue is not asked", async () => {
    // 10 − 7 = 3, exact: no step is needed, so none is asked for.
    const run = await closeBesideQuoteLimit({ stepSize: 0.001, long: 10, quoteAmount: 0, limitQuantity: 7 });
    expect(run.closes[0]).toBe("placed 3");
    expect(run.asked).toBe(0);
  });
});
