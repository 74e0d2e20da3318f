import "@argo/provider-paper";
import { afterAll, describe, expect, test } from "bun:test";
import { type ArgoError, type Bar } from "@argo/core";
import { Database } from "bun:sqlite";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { barsFromCloses } from "../test-fixtures/bars.ts";
import { runEngine, testStrategy } from "../test-fixtures/run-engine.ts";

const root = mkdtempSync(join(tmpdir(), "argo-bad-bar-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("a bar the engine cannot use", () => {
  test("a non-finite field is reported as INVALID_DATA and skipped; the journal holds every other bar, the order and its fill", async () => {
    const sessionDir = join(root, "nan-volume");
    const bars = barsFromCloses("BTC", [100, 101, 102, 103, 104, 105, 106, 107, 108, 109]);
    bars[3] = { ...bars[3]!, volume: Number.NaN }; // a kline whose volume the feed could not parse
    const seen: Bar[] = [];
    const run = await runEngine({
      bars,
      engine: { sessionDir, trading: { provider: "paper", config: {} } },
      strategy: testStrategy({
        onBar(bar, ctx) {
          seen.push(bar);
          if (seen.length === 5) void ctx.placeOrder({ side: "BUY", quantity: 1, clientOrderId: "buy-1" });
        },
      }),
    });
    expect(run.error).toBeUndefined();
    const good = bars.filter((_, i) => i !== 3);
    expect(seen).toEqual(good);
    expect(run.named("onMarketData").map(([bar]) => bar)).toEqual(good);
    const errors = run.named("onError").map(([e]) => [(e as ArgoError).code, (e as ArgoError).message]);
    expect(errors).toEqual([["INVALID_DATA", "bar BTC 2024-01-01T00:03:00.000Z: volume is NaN, not a finite number"]]);
    expect(run.result?.counters).toMatchObject({ bars: 9, streamErrors: 1, errors: 1, ordersPlaced: 1, fills: 1 });

    const db = new Database(join(sessionDir, "journal.sqlite"), { readonly: true });
    try {
      expect(db.query("SELECT open_time FROM bars ORDER BY open_time").all()).toEqual(good.map((b) => ({ open_time: b.openTime })));
      expect(db.query("SELECT client_order_id, status FROM orders").all()).toEqual([{ client_order_id: "buy-1", status: "FILLED" }]);
      expect(db.query("SELECT client_order_id, quantity FROM fills").all()).toEqual([{ client_order_id: "buy-1", quantity: 1 }]);
      expect(db.query("SELECT status FROM sessions").all()).toEqual([{ status: "completed" }]);
    } finally {
      db.close();
    }
  });

  test("a bar that is no candle (high below low) is refused as a backtest refuses it, and the stream goes on", async () => {
    const bars = barsFromCloses("BTC", [100, 101, 102, 103, 104]);
    bars[2] = { ...bars[2]!, high: 90, low: 110 }; // the feed swapped high and low
    const seen: Bar[] = [];
    const run = await runEngine({ bars, strategy: testStrategy({ onBar: (bar) => void seen.push(bar) }) });
    expect(run.error).toBeUndefined();
    expect(seen).toEqual(bars.filter((_, i) => i !== 2));
    expect(run.named("onError").map(([e]) => [(e as ArgoError).code, (e as ArgoError).message])).toEqual([
      ["INVALID_DATA", "bar BTC 2024-01-01T00:02:00.000Z: high 90 is below the open 101; low 110 is above the open 101"],
    ]);
  });
});
