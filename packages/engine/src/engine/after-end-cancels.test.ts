import type { Order } from "@argo/core";
import { describe, expect, test } from "bun:test";
import { backtest, bars as dailyBars } from "../backtest/backtest.test-helper.ts";
import type { CancelResult, StrategyContext } from "../strategy/strategy-context.ts";
import { barsFromCloses } from "../test-fixtures/bars.ts";
import { FakeVenue } from "../test-fixtures/fake-venue.ts";
import { runEngine, testStrategy } from "../test-fixtures/run-engine.ts";
import { ENDED_REASON } from "./strategy-order-gate.ts";

/** A fake venue that counts the cancels it is asked for. */
class CountingVenue extends FakeVenue {
  cancels = 0;
  override cancelOrder(orderId: string): Promise<Order> {
    this.cancels++;
    return super.cancelOrder(orderId);
  }
  override cancelAllOrders(symbol?: string): Promise<Order[]> {
    this.cancels++;
    return super.cancelAllOrders(symbol);
  }
}

/** Places a buy limit that never fills on the first bar and keeps its context and the order's id, as a promise that outlives the run does. */
function keepsWorkingOrder() {
  const kept: { ctx?: StrategyContext<unknown>; id?: string } = {};
  const strategy = testStrategy({
    async onBar(_bar, ctx) {
      kept.ctx = ctx;
      if (ctx.history().length !== 1) return;
      const placed = await ctx.placeOrder({ side: "BUY", type: "LIMIT", limitPrice: 1, quantity: 1 });
      if (placed.status === "placed") kept.id = placed.order.clientOrderId;
    },
  });
  return { kept, strategy };
}

const ended: CancelResult = { ok: false, code: "CONTEXT_CANCELLED", reason: ENDED_REASON };

describe("a cancel after the run has ended does nothing at the venue and is reported nowhere", () => {
  test("live: cancelOrder and cancelAllOrders resolve refused, the venue hears nothing, no callback comes after onEngineStop", async () => {
    const venue = new CountingVenue();
    const { kept, strategy } = keepsWorkingOrder();
    const run = await runEngine({ bars: barsFromCloses("X", [100, 100, 100]), strategy, venue });
    expect(run.result?.openOrders.map((o) => o.clientOrderId)).toEqual([kept.id!]);
    const calls = run.calls.length;
    // Before: both went to the venue (a disconnected one answered PROVIDER_NOT_CONNECTED, reported through onError).
    expect(await kept.ctx!.cancelOrder(kept.id!)).toEqual(ended);
    expect(await kept.ctx!.cancelAllOrders()).toEqual([]);
    expect(await kept.ctx!.cancelAllOrders("X")).toEqual([]);
    expect(venue.cancels).toBe(0);
    expect(venue.orders.get(kept.id!)?.status).toBe("SUBMITTED");
    expect(run.calls.length).toBe(calls);
    expect(run.calls.at(-1)?.[0]).toBe("onEngineStop");
  });

  test("backtest: the same, the paper venue's order stays as the run left it", async () => {
    const { kept, strategy } = keepsWorkingOrder();
    const X = dailyBars("X", [[100, 101, 99, 100], [100, 101, 99, 100]]);
    const result = await backtest(X, strategy, { engine: { closeAtEnd: false } });
    expect(result.openOrders.map((o) => o.clientOrderId)).toEqual([kept.id!]);
    // Before: the paper venue was asked, and answered ORDER_NOT_FOUND or cancelled an order of a finished run.
    expect(await kept.ctx!.cancelOrder(kept.id!)).toEqual(ended);
    expect(await kept.ctx!.cancelAllOrders()).toEqual([]);
  });
});
