// A strategy cancelling every bar (ctx.cancelAllOrders(), a common "refresh my quotes" habit) cancelled the engine's
// closePositionsOnHalt close at the venue; HALTED then refused everything, so the position stayed open for the rest of
// the session (a bracket fuzz found it). The halt's closes are now not the strategy's to cancel.
import type { Bar, Order } from "@argo/core";
import { describe, expect, test } from "bun:test";
import "@argo/provider-paper";
import { barsFromCloses } from "../test-fixtures/bars.ts";
import { runEngine, testStrategy } from "../test-fixtures/run-engine.ts";
import type { CancelResult } from "../strategy/strategy-context.ts";

// Long 50 at 100, then the price falls to 90: a 5 % drawdown of the 10,000 account (50 × 10 = 500), past haltDrawdown 3 %.
const closes = [100, 100, 100, 90, 89, 88, 87, 86, 85, 84];
const risk = { maxDrawdown: 0.02, haltDrawdown: 0.03, closePositionsOnHalt: true };
const trading = { provider: "paper", config: { initialCapital: 10_000 } };

/** Runs the falling market with a strategy that buys 50 at the first bar and then calls `each` on every later bar. */
async function run(each: (ctx: Parameters<NonNullable<Parameters<typeof testStrategy>[0]["onBar"]>>[1]) => Promise<unknown>, prices = closes, engine: Record<string, unknown> = {}) {
  const bars = barsFromCloses("BTC", prices);
  const first = bars[0]!.openTime;
  const updates: Order[] = [];
  const strategy = testStrategy({
    async onBar(bar: Bar, ctx) {
      if (bar.openTime === first) await ctx.placeOrder({ side: "BUY", type: "MARKET", quantity: 50 });
      else await each(ctx);
    },
    onOrderUpdate(order: Order) {
      updates.push(order);
    },
  });
  const outcome = await runEngine({ bars, strategy, engine: { trading, risk, ...engine } as never });
  return { ...outcome, updates };
}

describe("the engine's close on halt and the strategy's cancels", () => {
  test("cancelAllOrders every bar: the close still fills and the session ends flat", async () => {
    const { result, error, updates } = await run((ctx) => ctx.cancelAllOrders());
    expect(error).toBeUndefined();
    expect(result!.tradingState).toBe("HALTED");
    expect(result!.positions).toEqual([]);
    const close = updates.find((order) => order.reason === "close on halt" && order.status === "FILLED");
    expect(close?.filledQuantity).toBe(50);
    expect(updates.some((order) => order.reason === "close on halt" && order.status === "CANCELLED")).toBe(false);
  });

  test("cancelOrder of the close by its client or venue id: refused TRADING_HALTED, the close fills", async () => {
    const answers: CancelResult[] = [];
    const { result, updates } = await run(async (ctx) => {
      for (const order of ctx.openOrders()) {
        answers.push(await ctx.cancelOrder(order.clientOrderId));
        if (order.venueOrderId !== undefined) answers.push(await ctx.cancelOrder(order.venueOrderId));
      }
    });
    expect(result!.positions).toEqual([]);
    expect(answers.length).toBeGreaterThan(0);
    for (const answer of answers) {
      expect(answer).toMatchObject({ ok: false, code: "TRADING_HALTED" });
      if (!answer.ok) expect(answer.reason).toContain("the engine's close on halt");
    }
    expect(updates.some((order) => order.reason === "close on halt" && order.status === "FILLED")).toBe(true);
  });

  test("the engine's own cancel on stop (cancelOpenOrdersOnStop) still cancels a close left working (review)", async () => {
    // Halted at the last bar (90): the market close would trade at the next bar, which never comes.
    const { result, updates } = await run(async () => undefined, [100, 100, 100, 90], { cancelOpenOrdersOnStop: true });
    expect(result!.tradingState).toBe("HALTED");
    expect(result!.openOrders).toEqual([]);
    expect(updates.some((order) => order.reason === "close on halt" && order.status === "CANCELLED")).toBe(true);
  });
});
