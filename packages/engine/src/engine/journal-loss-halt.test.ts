import type { ArgoError } from "@argo/core";
import { afterAll, describe, expect, test } from "bun:test";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TradingStateChange } from "../risk/trading-state.ts";
import type { Logger } from "../strategy/logger.ts";
import type { OrderResult } from "../strategy/strategy-context.ts";
import { barsFromCloses } from "../test-fixtures/bars.ts";
import { FakeVenue, SyncFakeVenue } from "../test-fixtures/fake-venue.ts";
import { runEngine, testStrategy } from "../test-fixtures/run-engine.ts";
import type { OrderRejection } from "./callbacks.ts";

const root = mkdtempSync(join(tmpdir(), "argo-journal-loss-halt-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let dirs = 0;

const bars = barsFromCloses("X", [100, 101, 102, 103, 104, 105]);

/** Counts the venue's cancel-all calls. */
function countCancelAlls(venue: FakeVenue): { calls: number } {
  const count = { calls: 0 };
  const original = venue.cancelAllOrders.bind(venue);
  venue.cancelAllOrders = (symbol?: string) => {
    count.calls++;
    return original(symbol);
  };
  return count;
}

/**
 * A run of six bars: the first buys 1 at market and rests a take-profit SELL LIMIT 1 @ 1000 (it stays open), each later
 * bar buys 1 at market; the session directory is removed at the start of bar `removeAt`'s turn (never when undefined).
 * Closes on halt are configured, so a halt that sent them would show as a SELL MARKET at the venue.
 */
async function run(venue: FakeVenue, removeAt: number | undefined) {
  const dir = join(root, `s${++dirs}`);
  const journalPath = join(dir, "journal.sqlite");
  const cancelAlls = countCancelAlls(venue);
  const results: OrderResult[] = [];
  const warnings: string[] = [];
  const logger: Logger = { debug() {}, info() {}, warn: (message) => void warnings.push(message), error() {} };
  const strategy = testStrategy({
    async onBar(bar, ctx) {
      const index = bars.indexOf(bar);
      if (index === removeAt) rmSync(dir, { recursive: true, force: true }); // a cleanup of the data folder
      results.push(await ctx.placeOrder({ side: "BUY", type: "MARKET", quantity: 1 }));
      if (index === 0) results.push(await ctx.placeOrder({ side: "SELL", type: "LIMIT", limitPrice: 1000, quantity: 1 }));
    },
  });
  const engineRun = await runEngine({ bars, venue, strategy, engine: { sessionDir: dir, mode: "live", logger, risk: { closePositionsOnHalt: true } } });
  const journalErrors = engineRun.named("onError").map(([e]) => (e as ArgoError).message).filter((m) => m.includes(journalPath));
  const changes = engineRun.named("onTradingStateChange").map(([c]) => c as TradingStateChange);
  return { ...engineRun, journalPath, cancelAlls, results, warnings, journalErrors, changes };
}

describe("a session whose journal is lost halts", () => {
  test("directory removed before bar 3's order (a venue answering by promise): HALTED with the reason once, nothing more placed, one cancel-all", async () => {
    const venue = new FakeVenue();
    const r = await run(venue, 2);
    expect(r.error).toBeUndefined();
    expect(r.result?.tradingState).toBe("HALTED");
    // One state change, naming the journal and what happened to it.
    expect(r.changes).toHaveLength(1);
    expect(r.changes[0]).toMatchObject({ from: "ACTIVE", to: "HALTED" });
    expect(r.changes[0]!.reason).toContain(`session journal ${r.journalPath} was removed or replaced`);
    // One error report: the order that found the loss; no write failure reported bar after bar, nor at close.
    expect(r.journalErrors).toHaveLength(1);
    expect(r.journalErrors[0]).toContain("not sent: the session journal could not record it first");
    // Bars 1 and 2 placed 2 + 1 orders; bar 3's found the loss; bars 4 to 6 were refused as HALTED: 3 at the venue.
    expect(venue.placed).toHaveLength(3);
    expect(r.results.map((x) => (x.status === "rejected" ? x.code : x.status))).toEqual(["placed", "placed", "placed", "INTERNAL", "TRADING_HALTED", "TRADING_HALTED", "TRADING_HALTED"]);
    expect(r.named("onOrderRejected").map(([x]) => (x as OrderRejection).source)).toEqual(["engine", "risk", "risk", "risk"]);
    // The halt's cancel-all went out once and ended the resting take-profit; no close on halt was sent (no SELL MARKET).
    expect(r.cancelAlls.calls).toBe(1);
    expect(r.result?.openOrders).toEqual([]);
    expect(venue.placed.filter((o) => o.side === "SELL" && o.type === "MARKET")).toEqual([]);
    // The fake venue fills a market order at the next bar's open: the buys of bars 1 and 2 filled (at bars 2 and 3), so
    // long 2, which stays open, and the log says why the close was skipped.
    expect(r.result?.positions.map((p) => [p.symbol, p.side, p.quantity])).toEqual([["X", "LONG", 2]]);
    expect(r.warnings.filter((w) => w.startsWith("close on halt skipped: the session journal can no longer record orders") && w.includes("long X"))).toHaveLength(1);
  });

  test("control: the same run without the removal trades on", async () => {
    const venue = new FakeVenue();
    const r = await run(venue, undefined);
    expect(r.error).toBeUndefined();
    expect(r.result?.tradingState).toBe("ACTIVE");
    expect(r.changes).toEqual([]);
    expect(r.journalErrors).toEqual([]);
    // 2 orders on bar 1, 1 on each of the 5 others.
    expect(venue.placed).toHaveLength(7);
    expect(r.results.every((x) => x.status === "placed")).toBe(true);
    expect(r.cancelAlls.calls).toBe(0);
    // The take-profit still rests, beside bar 6's buy (it would fill at a seventh bar's open); bars 1 to 5's buys filled.
    expect(r.result?.openOrders.map((o) => [o.side, o.type])).toEqual([["SELL", "LIMIT"], ["BUY", "MARKET"]]);
    expect(r.result?.positions.map((p) => [p.symbol, p.side, p.quantity])).toEqual([["X", "LONG", 5]]);
  });

  test("a simulator (orders not written first): its order goes out, and the batch after that bar finds the loss and halts", async () => {
    const venue = new SyncFakeVenue();
    const r = await run(venue, 2);
    expect(r.result?.tradingState).toBe("HALTED");
    expect(r.changes).toHaveLength(1);
    expect(r.changes[0]!.reason).toContain(`session journal ${r.journalPath} was removed or replaced`);
    // The one report is the failed write at the end of bar 3; the batches after it are dropped without a word.
    expect(r.journalErrors).toHaveLength(1);
    expect(r.journalErrors[0]).toContain("session journal write failed");
    // Bars 1 to 3 placed 2 + 1 + 1; bars 4 to 6 were refused as HALTED.
    expect(venue.placed).toHaveLength(4);
    expect(r.results.map((x) => (x.status === "rejected" ? x.code : x.status))).toEqual(["placed", "placed", "placed", "placed", "TRADING_HALTED", "TRADING_HALTED", "TRADING_HALTED"]);
    // The cancel-all ended the take-profit and bar 3's buy before it filled: long 2 (bars 1 and 2's buys), not closed.
    expect(r.cancelAlls.calls).toBe(1);
    expect(r.result?.openOrders).toEqual([]);
    expect(venue.placed.filter((o) => o.side === "SELL" && o.type === "MARKET")).toEqual([]);
    expect(r.result?.positions.map((p) => [p.symbol, p.side, p.quantity])).toEqual([["X", "LONG", 2]]);
  });
});
