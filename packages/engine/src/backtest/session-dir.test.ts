import { Database } from "bun:sqlite";
import { afterAll, describe, expect, test } from "bun:test";
import { isArgoError } from "@argo/core";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { LiveEngine } from "../engine/live-engine.ts";
import { silentLogger } from "../strategy/logger.ts";
import { FakeMarketData } from "../test-fixtures/fake-market-data.ts";
import { FakeVenue } from "../test-fixtures/fake-venue.ts";
import { createPaperVenue } from "@argo/provider-paper";
import { backtest, bars, NO_COSTS, onBarAt, strategy } from "./backtest.test-helper.ts";
import { InMemoryMarketData } from "./in-memory-market-data.ts";
import { runBacktest } from "./run-backtest.ts";

const root = mkdtempSync(join(tmpdir(), "argo-backtest-session-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const PRICES = Array.from({ length: 12 }, (_, i) => {
  const p = 100 + (i % 4) * 2;
  return [p, p + 1, p - 1, p] as [number, number, number, number];
});

/** Buys 1 on every 3rd bar and sells it on the next, keeping a bar count in the strategy's state. */
function trader(seen: { init?: unknown; bars: number }) {
  const s = onBarAt((i, _bar, ctx) => {
    seen.bars++;
    ctx.state.set("bars", ((ctx.state.get("bars") as number | undefined) ?? 0) + 1);
    if (i % 3 === 0) return ctx.placeOrder({ side: "BUY", quantity: 1 });
    if (i % 3 === 1) return ctx.placeOrder({ side: "SELL", quantity: 1 });
  });
  return { ...s, init: (ctx: Parameters<NonNullable<typeof s.init>>[0]) => void (seen.init = ctx.state.get("bars")) };
}

function rows(dir: string, sql: string): unknown[] {
  const db = new Database(join(dir, "journal.sqlite"), { readonly: true });
  try {
    return db.query(sql).all();
  } finally {
    db.close();
  }
}

describe("a backtest with a sessionDir", () => {
  test("records its orders, fills, bars and state in the journal there", async () => {
    const dir = join(root, "fresh");
    const seen = { bars: 0 };
    const result = await backtest(bars("X", PRICES), trader(seen), { engine: { sessionDir: dir } });
    expect(result.trades.length).toBeGreaterThan(0);
    expect(rows(dir, "SELECT mode, status FROM sessions")).toEqual([{ mode: "backtest", status: "completed" }]);
    expect(rows(dir, "SELECT COUNT(*) AS n FROM bars")).toEqual([{ n: PRICES.length }]);
    expect(rows(dir, "SELECT COUNT(*) AS n FROM fills")).toEqual([{ n: 2 * result.trades.length }]);
    expect(rows(dir, "SELECT value FROM state")).toEqual([{ value: String(PRICES.length) }]);
  });

  test("into a journal another run wrote is refused before init, and that journal is left as it was", async () => {
    const dir = join(root, "twice");
    const first = { bars: 0 };
    await backtest(bars("X", PRICES), trader(first), { engine: { sessionDir: dir } });
    const before = rows(dir, "SELECT client_order_id, status, updated_at FROM orders ORDER BY client_order_id");
    let initCalled = false;
    const again = backtest(bars("X", PRICES), strategy({ init: () => void (initCalled = true) }), { engine: { sessionDir: dir } });
    const error = await again.then(() => undefined, (e: unknown) => e);
    // Replayed from its start again, the run would see the first run's bars as its cache and its state as its own,
    // and its orders (the same bt- ids) would overwrite the first run's: it is refused, not run on that.
    expect(isArgoError(error, "INVALID_CONFIGURATION")).toBe(true);
    expect((error as Error).message).toContain(join(dir, "journal.sqlite"));
    expect((error as Error).message).toContain("a backtest records into a journal of its own");
    expect(initCalled).toBe(false);
    expect(rows(dir, "SELECT client_order_id, status, updated_at FROM orders ORDER BY client_order_id")).toEqual(before);
    expect(rows(dir, "SELECT mode FROM sessions")).toEqual([{ mode: "backtest" }]);
  });

  test("a live or paper session does not resume from a backtest's journal", async () => {
    const dir = join(root, "live-after");
    await backtest(bars("X", PRICES), trader({ bars: 0 }), { engine: { sessionDir: dir } });
    let initCalled = false;
    const engine = new LiveEngine({
      symbols: ["X"], interval: "1d", marketData: new FakeMarketData(bars("X", PRICES)), trading: new FakeVenue(), logger: silentLogger, sessionDir: dir,
      strategy: strategy({ init: () => void (initCalled = true) }),
    });
    const error = await engine.run().then(() => undefined, (e: unknown) => e);
    expect(isArgoError(error, "INVALID_CONFIGURATION")).toBe(true);
    expect((error as Error).message).toContain("holds a backtest's journal");
    expect(initCalled).toBe(false);
  });
});

test("a venue whose backtest was refused for its sessionDir serves the next backtest: nothing reached it", async () => {
  const dir = join(root, "refused-then-new");
  await backtest(bars("X", PRICES), trader({ bars: 0 }), { engine: { sessionDir: dir } });
  const venue = createPaperVenue(NO_COSTS);
  const options = (sessionDir: string) => ({
    symbols: ["X"], interval: "1d", marketData: new InMemoryMarketData(bars("X", PRICES)), trading: venue, logger: silentLogger,
    strategy: trader({ bars: 0 }), sessionDir,
  });
  await expect(runBacktest(options(dir))).rejects.toThrow("a backtest records into a journal of its own");
  const result = await runBacktest(options(join(root, "refused-then-new-2")));
  expect(result.startingCash).toBe(NO_COSTS.initialCapital!);
  expect(result.trades.length).toBeGreaterThan(0);
});
