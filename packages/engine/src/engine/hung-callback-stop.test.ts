import type { ArgoError, Bar, StreamItem, TradingEvent } from "@argo/core";
import { afterAll, describe, expect, test } from "bun:test";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { backtest, bars as dailyBars } from "../backtest/backtest.test-helper.ts";
import type { StrategyContext } from "../strategy/strategy-context.ts";
import { barsFromCloses } from "../test-fixtures/bars.ts";
import { journalRows } from "../test-fixtures/journal-rows.ts";
import { FakeMarketData } from "../test-fixtures/fake-market-data.ts";
import { FakeVenue } from "../test-fixtures/fake-venue.ts";
import { runEngine, testStrategy } from "../test-fixtures/run-engine.ts";

// Before: a promise that never settles kept every one of these runs from ending (no onStop, no result, no onEngineStop):
// the test timed out. The grace is venueCallTimeoutMs, short here; nothing below depends on how long a step takes.
const GRACE = 30;
const root = mkdtempSync(join(tmpdir(), "argo-hung-callback-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const never = () => new Promise<never>(() => {});
const iso = (bar: Bar) => new Date(bar.openTime).toISOString();

/** Places a buy limit that never fills on the first bar; on the third, stops the session and never settles. */
function hangsOnThirdBar(stop: AbortController, seen: string[]) {
  return testStrategy({
    async onBar(_bar, ctx) {
      const n = ctx.history().length;
      seen.push(`onBar ${n}`);
      if (n === 1) await ctx.placeOrder({ side: "BUY", type: "LIMIT", limitPrice: 1, quantity: 1 });
      if (n === 3) {
        stop.abort("Ctrl-C");
        await never();
      }
    },
    onStop(ctx: StrategyContext<unknown>) {
      seen.push(`onStop with ${ctx.openOrders().length} open order(s), bar ${String(ctx.bar)}`);
    },
  });
}

describe("a stop while a strategy callback never settles", () => {
  test("live: onBar gets the grace, is reported, and the run ends normally (onStop, cancels on stop, journal closed, result)", async () => {
    const sessionDir = join(root, "live");
    const bars = barsFromCloses("X", [100, 100, 100, 100, 100]);
    const stop = new AbortController();
    const seen: string[] = [];
    const run = await runEngine({
      bars, signal: stop.signal, strategy: hangsOnThirdBar(stop, seen),
      engine: { sessionDir, mode: "paper", venueCallTimeoutMs: GRACE, cancelOpenOrdersOnStop: true },
    });
    expect(run.error).toBeUndefined();
    expect(run.result?.status).toBe("aborted");
    expect(run.result?.abortReason).toBe("Ctrl-C");
    // The bars after the hung one never came; onStop ran without a bar, the limit still open, then it was cancelled.
    expect(seen).toEqual(["onBar 1", "onBar 2", "onBar 3", "onStop with 1 open order(s), bar undefined"]);
    expect(run.result?.openOrders).toEqual([]);
    expect([...run.venue.orders.values()].map((o) => o.status)).toEqual(["CANCELLED"]);
    const errors = run.named("onStrategyError").map(([e]) => e as ArgoError);
    expect(errors.map((e) => [e.code, e.message])).toEqual([
      ["STRATEGY_ERROR", `strategy "test-strategy" onBar on X bar ${iso(bars[2]!)} did not settle within ${GRACE} ms of the stop; stopping without it`],
    ]);
    expect(errors[0]!.details).toEqual({ callback: "onBar", symbol: "X", openTime: bars[2]!.openTime, graceMs: GRACE });
    expect(run.named("onEngineStop")).toEqual([[undefined]]);
    expect(journalRows<{ status: string }>(sessionDir, "SELECT status FROM sessions")).toEqual([{ status: "aborted" }]);
  });

  test("live: an onStop that never settles gets the grace too; the cancels on stop still happen", async () => {
    const stop = new AbortController();
    const run = await runEngine({
      bars: barsFromCloses("X", [100, 100, 100]), signal: stop.signal,
      engine: { venueCallTimeoutMs: GRACE, cancelOpenOrdersOnStop: true },
      strategy: testStrategy({
        async onBar(_bar, ctx) {
          await ctx.placeOrder({ side: "BUY", type: "LIMIT", limitPrice: 1, quantity: 1 });
          stop.abort("Ctrl-C");
        },
        onStop: never,
      }),
    });
    expect(run.result?.status).toBe("aborted");
    expect([...run.venue.orders.values()].map((o) => o.status)).toEqual(["CANCELLED"]);
    const errors = run.named("onStrategyError").map(([e]) => e as ArgoError);
    expect(errors.map((e) => e.message)).toEqual([`strategy "test-strategy" onStop did not settle within ${GRACE} ms of the stop; stopping without it`]);
    expect(errors[0]!.details).toEqual({ callback: "onStop", graceMs: GRACE });
  });

  test("live: an init that never settles ends the run as aborted, without onStop", async () => {
    const stop = new AbortController();
    let stops = 0;
    const run = await runEngine({
      bars: barsFromCloses("X", [100, 100]), signal: stop.signal, engine: { venueCallTimeoutMs: GRACE },
      strategy: testStrategy({
        init() {
          stop.abort("Ctrl-C");
          return never();
        },
        onStop: () => void stops++,
      }),
    });
    expect(run.result?.status).toBe("aborted");
    expect(stops).toBe(0);
    expect(run.named("onStrategyError").map(([e]) => (e as ArgoError).message)).toEqual([
      `strategy "test-strategy" init did not settle within ${GRACE} ms of the stop; stopping without it`,
    ]);
  });

  test("backtest: the replay stops without the hung bar's turn, counts it, and gives its result", async () => {
    const X = dailyBars("X", [[100, 101, 99, 100], [100, 101, 99, 100], [100, 101, 99, 100], [100, 101, 99, 100], [100, 101, 99, 100]]);
    const stop = new AbortController();
    const seen: string[] = [];
    const errors: ArgoError[] = [];
    const r = await backtest(X, hangsOnThirdBar(stop, seen), {
      signal: stop.signal, engine: { venueCallTimeoutMs: GRACE }, callbacks: { onStrategyError: (e) => void errors.push(e) },
    });
    expect(r.status).toBe("aborted");
    // Three bars seen: the hung one counts, as the bar in hand of any abort does.
    expect(r.bars).toBe(3);
    expect(seen).toEqual(["onBar 1", "onBar 2", "onBar 3", "onStop with 1 open order(s), bar undefined"]);
    expect(errors.map((e) => e.message)).toEqual([
      `strategy "test-strategy" onBar on X bar ${iso(X[2]!)} did not settle within ${GRACE} ms of the stop; stopping without it`,
    ]);
    expect(errors[0]!.details?.callback).toBe("onBar");
  });
});

/** A fake venue whose test sends events of its own, as a broker does between bars. */
class AnnouncingVenue extends FakeVenue {
  announce(event: TradingEvent): void {
    this.emit(event);
  }
}

describe("a stop while an order update delivered between bars never settles", () => {
  test("live: the drain gets the grace; the bar waiting behind it is dropped, also once the update settles after the run", async () => {
    const bars = barsFromCloses("X", [100, 100, 100]);
    const venue = new AnnouncingVenue();
    const stop = new AbortController();
    let settleLate: () => void = () => {};
    const late = new Promise<void>((resolve) => (settleLate = resolve));
    const seen: string[] = [];
    // After the first bar's turn, the venue cancels the order on its own (between bars); then the next bars come.
    const data = new (class extends FakeMarketData {
      override async *stream(): AsyncIterable<StreamItem> {
        yield { type: "bar", bar: bars[0]! };
        const order = [...venue.orders.values()][0]!;
        venue.announce({ type: "order", order: { ...order, status: "CANCELLED", updatedAt: order.updatedAt + 1 } });
        for (const bar of bars.slice(1)) yield { type: "bar", bar };
      }
    })(bars);
    const run = await runEngine({
      bars, venue, signal: stop.signal, engine: { venueCallTimeoutMs: GRACE, marketData: data },
      // The second bar waits for the drain; the stop comes once that wait is reported.
      callbacks: { onError: (e) => void (e.code === "STRATEGY_ERROR" && stop.abort("Ctrl-C")) },
      strategy: testStrategy({
        async onBar(_bar, ctx) {
          seen.push(`onBar ${ctx.history().length}`);
          if (ctx.history().length === 1) await ctx.placeOrder({ side: "BUY", type: "LIMIT", limitPrice: 1, quantity: 1 });
        },
        async onOrderUpdate(order) {
          if (order.status !== "CANCELLED") return;
          await late;
          seen.push("update settled");
        },
      }),
    });
    expect(run.result?.status).toBe("aborted");
    expect(run.result?.counters.bars).toBe(1);
    expect(run.named("onError").map(([e]) => (e as ArgoError).message)).toEqual([
      `strategy "test-strategy" onOrderUpdate has not settled after ${GRACE} ms; the bars after it wait for it (no bar reaches the strategy, the venue or the risk checks until it does)`,
    ]);
    expect(run.named("onStrategyError").map(([e]) => (e as ArgoError).message)).toEqual([
      `strategy "test-strategy" onOrderUpdate did not settle within ${GRACE} ms of the stop; stopping without it`,
    ]);
    const calls = run.calls.length;
    settleLate();
    // Settled after the run: its drain ends, and the bar that waited for it is not processed then.
    await Bun.sleep(GRACE);
    expect(seen).toEqual(["onBar 1", "update settled"]);
    expect(run.calls.length).toBe(calls);
  });
});

describe("a live strategy callback that holds the stream past the deadline", () => {
  test("is reported once through onError, naming the callback and the bar; the run goes on", async () => {
    const bars = barsFromCloses("X", [100, 100, 100, 100]);
    let reported: () => void = () => {};
    const firstReport = new Promise<void>((resolve) => (reported = resolve));
    const run = await runEngine({
      bars, engine: { venueCallTimeoutMs: GRACE },
      callbacks: { onError: (e) => void (e.code === "STRATEGY_ERROR" && reported()) },
      strategy: testStrategy({
        async onBar(_bar, ctx) {
          const n = ctx.history().length;
          // Settles only once the overrun has been reported: before, it never was, and the run never ended.
          if (n === 2) await firstReport;
          // Past the deadline as well: not reported again.
          if (n === 3) await Bun.sleep(3 * GRACE);
        },
      }),
    });
    expect(run.result?.status).toBe("completed");
    expect(run.result?.counters.bars).toBe(4);
    const errors = run.named("onError").map(([e]) => e as ArgoError).filter((e) => e.code === "STRATEGY_ERROR");
    expect(errors.map((e) => e.message)).toEqual([
      `strategy "test-strategy" onBar on X bar ${iso(bars[1]!)} has not settled after ${GRACE} ms; the bars after it wait for it (no bar reaches the strategy, the venue or the risk checks until it does)`,
    ]);
    expect(errors[0]!.details).toEqual({ callback: "onBar", symbol: "X", openTime: bars[1]!.openTime, deadlineMs: GRACE });
  });
});
