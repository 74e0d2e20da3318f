import { afterAll, describe, expect, test } from "bun:test";
import { Database } from "bun:sqlite";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { barsFromCloses, randomCloses } from "../test-fixtures/bars.ts";
import { runEngine, testStrategy } from "../test-fixtures/run-engine.ts";

const root = mkdtempSync(join(tmpdir(), "argo-session-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("session journal through the live engine", () => {
  test("a restarted session warms its cache, indicators and state from the previous session's file", async () => {
    const sessionDir = join(root, "restart");
    const bars = barsFromCloses("BTC", randomCloses(100, 5, 40_000));
    const journalPath = join(sessionDir, "journal.sqlite");

    const first = await runEngine({
      bars: bars.slice(0, 50),
      engine: { sessionDir },
      strategy: testStrategy({
        onBar(bar, ctx) {
          ctx.state.set("seen", (ctx.state.get<number>("seen") ?? 0) + 1);
          if (bar === bars[10]) void ctx.placeOrder({ side: "BUY", quantity: 0.1 });
        },
      }),
    });
    expect(first.named("onEngineStart")).toEqual([[["BTC"], "1m", journalPath]]);
    expect(first.result?.journalPath).toBe(journalPath);
    expect(first.data.streamOptions?.after).toBeUndefined();

    const atInit: Record<string, unknown> = {};
    const second = await runEngine({
      bars, // the feed replays the first 50 bars, then 50 new ones
      engine: { sessionDir },
      strategy: testStrategy({
        init(ctx) {
          const history = ctx.history("BTC");
          atInit.length = history.length;
          atInit.first = history.at(0)?.openTime;
          atInit.last = history.last()?.close;
          atInit.sma = ctx.indicators.sma(10).value("BTC");
          atInit.seen = ctx.state.get("seen");
        },
      }),
    });
    expect(second.named("onEngineStart")).toEqual([[["BTC"], "1m", journalPath]]);
    const expectedSma = bars.slice(40, 50).reduce((sum, b) => sum + b.close, 0) / 10;
    expect(atInit.length).toBe(50);
    expect(atInit.first).toBe(bars[0]!.openTime);
    expect(atInit.last).toBe(bars[49]!.close);
    expect(atInit.sma).toBeCloseTo(expectedSma, 9);
    expect(atInit.seen).toBe(50);
    // The feed was told what the session holds; this one ignores it (as a live feed would), so the engine drops them.
    expect(second.data.streamOptions?.after).toBe(bars[49]!.openTime);
    expect(second.result?.counters).toMatchObject({ bars: 50, staleBars: 50 });

    const db = new Database(journalPath, { readonly: true });
    expect((db.query("SELECT count(*) AS n FROM bars").get() as { n: number }).n).toBe(100);
    expect(db.query("SELECT status FROM orders").all()).toEqual([{ status: "FILLED" }]);
    expect(db.query("SELECT price FROM fills").all()).toEqual([{ price: bars[11]!.open }]);
    expect(db.query("SELECT status FROM sessions ORDER BY id").all()).toEqual([{ status: "completed" }, { status: "completed" }]);
    db.close();
  });

  test("the cache keeps only cacheSize bars per symbol when warming", async () => {
    const sessionDir = join(root, "small");
    const bars = barsFromCloses("ETH", randomCloses(30, 9, 3000));
    await runEngine({ bars: bars.slice(0, 20), engine: { sessionDir }, strategy: testStrategy({}) });
    let length = 0;
    await runEngine({ bars, engine: { sessionDir, cacheSize: 5 }, strategy: testStrategy({ init: (ctx) => void (length = ctx.history("ETH").length) }) });
    expect(length).toBe(5);
  });

  test("without a session directory nothing is written and previousDataPath is undefined", async () => {
    const run = await runEngine({ bars: barsFromCloses("ETH", [1, 2, 3]), strategy: testStrategy({}) });
    expect(run.named("onEngineStart")).toEqual([[["ETH"], "1m", undefined]]);
    expect(run.result?.journalPath).toBeUndefined();
  });
});
