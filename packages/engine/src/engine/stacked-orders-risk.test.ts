import { describe, expect, test } from "bun:test";
import { barsFromCloses } from "../test-fixtures/bars.ts";
import { LaterVenue } from "../test-fixtures/later-venue.ts";
import { orderOutcome as outcome } from "../test-fixtures/order-outcome.ts";
import { runEngine, testStrategy } from "../test-fixtures/run-engine.ts";
import type { OrderRejection } from "./callbacks.ts";

describe("stacked orders against a position meet the limits once they exceed it", () => {
  test("SELL 1 five times against long 1 with maxPositionQuantity 1: a reduce, one reversal to short 1, then refusals", async () => {
    const seen: string[] = [];
    const run = await runEngine({
      bars: barsFromCloses("X", [100, 100, 100, 100, 110, 110, 110]),
      venue: { allowShort: true },
      engine: { risk: { maxPositionQuantity: 1 } },
      strategy: testStrategy({
        async onBar(_bar, ctx) {
          const i = ctx.history().length;
          if (i === 1) await ctx.placeOrder({ side: "BUY", quantity: 1 });
          if (i === 3) for (let k = 0; k < 5; k++) seen.push(outcome(await ctx.placeOrder({ side: "SELL", quantity: 1, type: "LIMIT", limitPrice: 105 })));
        },
      }),
    });
    // Long 1: the 1st reduces it to 0; the 2nd makes short 1 at worst (allowed); the 3rd short 2, and so on.
    const refusal = (working: number) => `RISK_REJECTED: position in X would be ${working} with the ${working} already working on the SELL side, above maxPositionQuantity 1`;
    expect(seen).toEqual(["placed 1", "placed 1", refusal(2), refusal(2), refusal(2)]);
    expect(run.result?.positions).toMatchObject([{ side: "SHORT", quantity: 1 }]);
    expect(run.named("onOrderRejected").map(([r]) => (r as OrderRejection).source)).toEqual(["risk", "risk", "risk"]);
  });

  test("orders still in flight count: SELL 1 and SELL 2 sent together against long 1 with maxPositionQuantity 1", async () => {
    const seen: string[] = [];
    const run = await runEngine({
      bars: barsFromCloses("X", [100, 100, 100, 100, 100]),
      venue: new LaterVenue(),
      engine: { risk: { maxPositionQuantity: 1 } },
      strategy: testStrategy({
        async onBar(_bar, ctx) {
          const i = ctx.history().length;
          if (i === 1) await ctx.placeOrder({ side: "BUY", quantity: 1 });
          if (i !== 3) return;
          const a = ctx.placeOrder({ side: "SELL", quantity: 1 });
          const b = ctx.placeOrder({ side: "SELL", quantity: 2 }); // with a: short 2 at worst
          seen.push(...(await Promise.all([a, b])).map(outcome));
        },
      }),
    });
    expect(seen).toEqual(["placed 1", "RISK_REJECTED: position in X would be 2 with the 1 already working on the SELL side, above maxPositionQuantity 1"]);
    expect(run.result?.positions).toEqual([]);
  });
});
