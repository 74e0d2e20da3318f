import { describe, expect, test } from "bun:test";
import { barsFromCloses } from "../test-fixtures/bars.ts";
import { FillsAtOnceVenue } from "../test-fixtures/fills-at-once-venue.ts";
import { runEngine, testStrategy } from "../test-fixtures/run-engine.ts";

const bars = barsFromCloses("X", [100, 100, 100, 160, 160]);

/**
 * Bar 1: BUY 20 fills at once (its position event lags, so the position is unconfirmed); then, without waiting, a SELL 5
 * limit at 150 (placeOrder, or an OPEN_SHORT signal) and a CLOSE_LONG signal. The limit waits for its risk check (a venue
 * read); the close reads the position itself and is sized at once.
 */
async function run(risk: Record<string, number> | undefined, viaSignal: boolean) {
  const venue = new FillsAtOnceVenue();
  await runEngine({
    bars,
    venue,
    ...(risk ? { engine: { risk } } : {}),
    strategy: testStrategy({
      async onBar(bar, ctx) {
        if (bar !== bars[1]) return;
        await ctx.placeOrder({ side: "BUY", quantity: 20 });
        const limit = viaSignal
          ? ctx.signal({ action: "OPEN_SHORT", type: "LIMIT", limitPrice: 150, quantity: 5 })
          : ctx.placeOrder({ side: "SELL", type: "LIMIT", limitPrice: 150, quantity: 5 });
        await Promise.all([limit, ctx.signal({ action: "CLOSE_LONG" })]);
      },
    }),
  });
  const sells = venue.placed.filter((r) => r.side === "SELL").map((r) => `${r.type} ${r.quantity}`).sort();
  return { sells, positions: await venue.getPositions() };
}

describe("a close signal beside an earlier sell still waiting for its risk check leaves that sell its share", () => {
  for (const viaSignal of [false, true]) {
    test(`${viaSignal ? "an OPEN_SHORT signal" : "placeOrder"}: with a limit that reads the position, the close sells 15, and the account ends flat`, async () => {
      // Without limits the sell is not held for a check: the reference, 20 − 5 = 15.
      expect((await run(undefined, viaSignal)).sells).toEqual(["LIMIT 5", "MARKET 15"]);
      const checked = await run({ maxPositionQuantity: 1000 }, viaSignal);
      // Before: the close sold all 20 beside the waiting limit of 5, which then filled at 160: SHORT 5.
      expect(checked.sells).toEqual(["LIMIT 5", "MARKET 15"]);
      expect(checked.positions).toEqual([]);
    });
  }
});
