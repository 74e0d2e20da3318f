import "@argo/provider-paper";
import { afterAll, describe, expect, test } from "bun:test";
import type { Bar, Fill } from "@argo/core";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Journal } from "../journal/journal.ts";
import { barsFromCloses } from "../test-fixtures/bars.ts";
import { journalRows } from "../test-fixtures/journal-rows.ts";
import { runEngine, testStrategy } from "../test-fixtures/run-engine.ts";

const root = mkdtempSync(join(tmpdir(), "argo-paper-resume-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

// Flat for the first ten bars (the first session), then a dip to 95.5 (fills the resting limit buy at 96 and the triggered
// stop-limit's limit at 99.4) and a rise to 116 (the bracket's take-profit at 114 fires) in the next ten, after the restart.
const closes = [100, 101, 100, 102, 101, 100, 101, 102, 101, 100, 99, 97, 95.5, 98, 104, 110, 116, 112, 111, 113];
const bars = barsFromCloses("BTC", closes);
const index = new Map(bars.map((bar, i) => [bar.openTime, i]));
const paper = { provider: "paper", config: { initialCapital: 10_000, commission: { takerRate: 0.001, makerRate: 0.0005 } } };

/** Decides by the bar's position alone, so a restarted session does what an uninterrupted one does. */
const strategy = testStrategy({
  onBar(bar: Bar, ctx) {
    const i = index.get(bar.openTime)!;
    if (i === 2) return void ctx.signal({ action: "OPEN_LONG", quantity: 5, takeProfit: { triggerPrice: 114 }, stopLoss: { triggerPrice: 85 } });
    if (i === 4) return void ctx.placeOrder({ side: "BUY", type: "LIMIT", quantity: 3, limitPrice: 96 });
    // Triggered inside the next bar (its high 102.51), then resting as a limit buy at 99.4 over the restart; taken back
    // untriggered it would wait for 102.4 again, reached only on the way up to 116, and never fill.
    if (i === 7) return void ctx.placeOrder({ side: "BUY", type: "STOP_LIMIT", quantity: 2, stopPrice: 102.4, limitPrice: 99.4 });
    if (i % 3 === 0) return void ctx.signal({ action: "OPEN_LONG", quantity: 1 });
  },
});

/** What a fill is, without the ids a session chooses (client order ids carry the session's start). */
const traded = (fill: Fill) => [fill.side, fill.quantity, fill.price, fill.fee, fill.time];

function journalFills(sessionDir: string): Fill[] {
  const journal = new Journal(sessionDir);
  try {
    return journal.recordedFills();
  } finally {
    journal.close("completed");
  }
}

describe("a restarted paper session goes on with the account it had", () => {
  test("two sessions trade and journal exactly what one uninterrupted session does", async () => {
    const once = await runEngine({ bars, strategy, engine: { sessionDir: join(root, "once"), trading: paper } });
    const splitDir = join(root, "split");
    const first = await runEngine({ bars: bars.slice(0, 10), strategy, engine: { sessionDir: splitDir, trading: paper } });
    // At the restart the account holds a long, the bracket's two legs, the resting limit buy, the triggered stop-limit
    // and the last bar's market buy.
    expect(first.result?.positions.map((p) => [p.side, p.quantity])).toEqual([["LONG", 8]]);
    expect(first.result?.openOrders.map((o) => [o.type, o.side, o.quantity, o.triggeredAt])).toEqual([
      ["STOP", "SELL", 5, undefined], ["STOP", "SELL", 5, undefined], ["LIMIT", "BUY", 3, undefined],
      ["STOP_LIMIT", "BUY", 2, bars[8]!.openTime], ["MARKET", "BUY", 1, undefined],
    ]);
    const second = await runEngine({ bars, strategy, engine: { sessionDir: splitDir, trading: paper } });

    expect(second.error).toBeUndefined();
    expect(second.result?.counters).toMatchObject({ bars: 10, staleBars: 10, errors: 0 });
    // The take-profit and the limit buy of the first session filled in the second, as in the uninterrupted run.
    const onceFills = journalFills(join(root, "once"));
    expect(onceFills.map((f) => [f.side, f.price])).toContainEqual(["SELL", 114]);
    expect(onceFills.map((f) => [f.side, f.price])).toContainEqual(["BUY", 96]);
    expect(onceFills.map((f) => [f.side, f.quantity, f.price])).toContainEqual(["BUY", 2, 99.4]);
    expect(journalFills(splitDir).map(traded)).toEqual(onceFills.map(traded));
    expect(second.result?.account).toEqual(once.result!.account);
    expect(second.result?.positions).toEqual(once.result!.positions);
    expect(second.result?.openOrders.map((o) => [o.type, o.side, o.quantity, o.status])).toEqual(
      once.result!.openOrders.map((o) => [o.type, o.side, o.quantity, o.status]),
    );
  });

  test("an order placed after the restart gets a venue id no recorded order had, one that ended unfilled included", async () => {
    const sessionDir = join(root, "venue-ids");
    const numbered = testStrategy({
      async onBar(bar: Bar, ctx) {
        const i = index.get(bar.openTime)!;
        if (i === 1) await ctx.placeOrder({ side: "BUY", type: "MARKET", quantity: 1 });
        if (i === 2) {
          const placed = await ctx.placeOrder({ side: "BUY", type: "LIMIT", quantity: 1, limitPrice: 50 });
          if (placed.status === "placed") await ctx.cancelOrder(placed.order.clientOrderId);
        }
        if (i === 5) await ctx.placeOrder({ side: "BUY", type: "LIMIT", quantity: 1, limitPrice: 60 });
      },
    });
    await runEngine({ bars: bars.slice(0, 4), strategy: numbered, engine: { sessionDir, trading: paper } });
    const resumed = await runEngine({ bars: bars.slice(0, 7), strategy: numbered, engine: { sessionDir, trading: paper } });
    expect(resumed.error).toBeUndefined();
    // The first session numbered the filled market buy P1 and the cancelled limit P2: the third order is P3.
    const rows = journalRows<{ venue: string; status: string }>(sessionDir, "SELECT venue_order_id AS venue, status FROM orders ORDER BY created_at");
    expect(rows).toEqual([{ venue: "P1", status: "FILLED" }, { venue: "P2", status: "CANCELLED" }, { venue: "P3", status: "ACCEPTED" }]);
  });

  test("the trades of orders that ended before the restart still carry their strategy's name", async () => {
    const named: Record<string, unknown[][]> = {};
    const keeping = (key: string) => testStrategy({
      onBar: strategy.onBar,
      async onStop(ctx) {
        named[key] = (await ctx.trades({ strategyName: "test-strategy" })).map(traded);
      },
    });
    await runEngine({ bars, strategy: keeping("once"), engine: { sessionDir: join(root, "named-once"), trading: paper } });
    const splitDir = join(root, "named-split");
    await runEngine({ bars: bars.slice(0, 10), strategy: keeping("first"), engine: { sessionDir: splitDir, trading: paper } });
    await runEngine({ bars, strategy: keeping("second"), engine: { sessionDir: splitDir, trading: paper } });
    // The first session's market buys filled and ended before the restart: their trades come back from the journal.
    expect(named.first!.length).toBeGreaterThan(2);
    expect(named.second!.slice(0, named.first!.length)).toEqual(named.first!);
    expect(named.second).toEqual(named.once!);
  });

  test("a restart with no new bar shows the account as the last session left it, valued at the last close", async () => {
    const sessionDir = join(root, "no-new-bar");
    const before = await runEngine({ bars, strategy, engine: { sessionDir, trading: paper } });
    const after = await runEngine({ bars, strategy, engine: { sessionDir, trading: paper } });
    expect(after.result?.counters).toMatchObject({ bars: 0, staleBars: 20, errors: 0 });
    // The engine's own copy is as of the last fill; the venue taken back is marked at the last bar's close (113).
    const [held] = before.result!.positions;
    const last = bars.at(-1)!.close;
    expect(after.result?.positions).toEqual([{ ...held!, marketPrice: last, unrealizedPnl: (last - held!.averagePrice) * held!.quantity }]);
    const account = before.result!.account;
    expect(after.result?.account).toMatchObject({ balance: account.balance, realizedPnl: account.realizedPnl, totalFees: account.totalFees });
    expect(after.result?.account.equity).toBeCloseTo(account.balance + held!.quantity * last, 9);
    expect(after.result?.openOrders).toEqual(before.result!.openOrders);
  });
});
