// A close signal beside a working close asks the venue for the exact decimal left (0.2 of 0.3 − 0.1), through the public API.
import type { Bar, Order } from "@argo/core";
import { createPaperVenue, type PaperConfigInput } from "@argo/provider-paper";
import { describe, expect, test } from "bun:test";
import * as v from "valibot";
import { defineStrategy, InMemoryMarketData, runBacktest, silentLogger } from "../index.ts";

const DAY = 86_400_000;
const T0 = Date.UTC(2024, 0, 1);
// Five days at 100 (high 101, low 99).
const input: Bar[] = [0, 1, 2, 3, 4].map((d) => ({ symbol: "A", interval: "1d", openTime: T0 + d * DAY, open: 100, high: 101, low: 99, close: 100, volume: 1e6 }));

/** Buys 0.3 on bar 0; on bar 1 places a 0.1 limit sell at 101 (it fills on bar 2) and sends CLOSE_LONG; records what the venue receives. */
async function run(venueConfig: PaperConfigInput) {
  const venue = createPaperVenue({ initialCapital: 10_000, allowShorting: false, commission: { makerRate: 0, takerRate: 0 }, ...venueConfig });
  // What the venue received: each order as the venue first reports it (the engine may place through any entry point).
  const asked = new Map<string, Order>();
  venue.on((event) => {
    if (event.type === "order" && !asked.has(event.order.clientOrderId)) asked.set(event.order.clientOrderId, event.order);
  });
  let signalled: string | undefined;
  const strategy = defineStrategy({
    name: "close-exact",
    description: "closes beside a working close",
    config: v.object({}),
    async onBar(_bar, ctx) {
      const index = ctx.history().length - 1;
      if (index === 0) await ctx.placeOrder({ side: "BUY", quantity: 0.3 });
      if (index === 1) {
        await ctx.placeOrder({ side: "SELL", type: "LIMIT", limitPrice: 101, quantity: 0.1 });
        signalled = (await ctx.signal({ action: "CLOSE_LONG" })).status;
      }
    },
  });
  const result = await runBacktest({
    symbols: ["A"], interval: "1d", marketData: new InMemoryMarketData(input), trading: venue, strategy, logger: silentLogger, closeAtEnd: false,
  });
  return { result, asked, signalled, venue };
}

describe("CLOSE_LONG of a long 0.3 with a 0.1 close working (shorting off)", () => {
  for (const [name, config] of [
    ["without a lot step", { defaultRules: {} }],
    ["with a lot step of 0.1", { defaultRules: { stepSize: 0.1 } }],
  ] as const) {
    test(`${name}: the venue is asked for exactly 0.2 and the run ends flat`, async () => {
      const { result, asked, signalled, venue } = await run(config);
      expect(signalled).toBe("placed");
      expect([...asked.values()].map((o) => [o.side, o.type, o.quantity])).toEqual([
        ["BUY", "MARKET", 0.3],
        ["SELL", "LIMIT", 0.1],
        ["SELL", "MARKET", 0.2],
      ]);
      // On bar 2 the venue matches in placement order: the limit first, then the close of 0.2 takes what is left.
      expect(result.fills.map((f) => [f.side, f.quantity, f.price])).toEqual([
        ["BUY", 0.3, 100],
        ["SELL", 0.1, 101],
        ["SELL", 0.2, 100],
      ]);
      expect(result.positions).toEqual([]);
      expect(result.openOrders).toEqual([]);
      expect(await venue.getPosition("A")).toBeUndefined();
      // 10,000 − 0.3 × 100 + 0.2 × 100 + 0.1 × 101 = 10,000.1, no fees.
      expect(Math.abs(result.account.balance - 10_000.1)).toBeLessThan(1e-9);
    });
  }
});
