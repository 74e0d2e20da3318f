import { describe, expect, test } from "bun:test";
import { backtest, bars, onBarAt } from "../backtest/backtest.test-helper.ts";
import type { OrderRejection } from "../engine/callbacks.ts";

describe("a misspelt field is refused as INVALID_ORDER, never dropped", () => {
  // Flat at 100 for three bars, then a fall through 95: an entry with its stop at 95 would be stopped out on bar 4.
  const rows = [[100, 101, 99, 100], [100, 101, 99, 100], [100, 101, 99, 100], [100, 101, 60, 62], [62, 63, 40, 41]] as const;

  for (const via of ["signal", "placeOrder"] as const) {
    test(`${via} with a misspelt stop-loss places nothing`, async () => {
      const rejected: OrderRejection[] = [];
      const statuses: string[] = [];
      const result = await backtest(bars("X", rows), onBarAt(async (i, _bar, ctx) => {
        if (i !== 1) return;
        const placed = via === "signal"
          ? await ctx.signal({ action: "OPEN_LONG", quantity: 10, stoploss: { triggerPrice: 95 } } as never)
          : await ctx.placeOrder({ side: "BUY", quantity: 10, stop_loss: { triggerPrice: 95 } } as never);
        statuses.push(placed.status);
      }), { engine: { closeAtEnd: false }, callbacks: { onOrderRejected: (r) => void rejected.push(r) } });
      expect(statuses).toEqual(["rejected"]);
      expect(rejected).toHaveLength(1);
      expect(rejected[0]!.code).toBe("INVALID_ORDER");
      expect(rejected[0]!.source).toBe("engine");
      expect(rejected[0]!.reason).toBe(via === "signal" ? 'unknown field "stoploss" (did you mean stopLoss?)' : 'unknown field "stop_loss" (did you mean stopLoss?)');
      expect(result.fills).toEqual([]);
    });
  }

  test("a close signal with a misspelt quantity is refused, not a close of the whole position", async () => {
    const statuses: string[] = [];
    const result = await backtest(bars("X", rows), onBarAt(async (i, _bar, ctx) => {
      if (i === 0) await ctx.signal({ action: "OPEN_LONG", quantity: 10 });
      if (i === 2) {
        const placed = await ctx.signal({ action: "CLOSE_LONG", qty: 4 } as never);
        statuses.push(placed.status === "rejected" ? placed.reason : placed.status);
      }
    }), { engine: { closeAtEnd: false } });
    expect(statuses).toHaveLength(1);
    expect(statuses[0]).toMatch(/^unknown field "qty"/);
    // Only the entry filled: 10 bought, nothing sold.
    expect(result.fills.map((f) => `${f.side} ${f.quantity}`)).toEqual(["BUY 10"]);
  });
});
