import { afterAll, describe, expect, test } from "bun:test";
import type { Bar, StreamItem } from "@argo/core";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { barsFromCloses } from "../test-fixtures/bars.ts";
import { FakeMarketData } from "../test-fixtures/fake-market-data.ts";
import { journalRows } from "../test-fixtures/journal-rows.ts";
import { LaterVenue } from "../test-fixtures/later-venue.ts";
import { testStrategy } from "../test-fixtures/run-engine.ts";
import { silentLogger } from "../strategy/logger.ts";
import { LiveEngine } from "./live-engine.ts";

const root = mkdtempSync(join(tmpdir(), "argo-between-bars-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** An hourly feed that holds its second bar until `release()`: the hour between two bars, in which the venue trades. */
class HourlyFeed extends FakeMarketData {
  private open!: () => void;
  private readonly gate = new Promise<void>((resolve) => (this.open = resolve));
  constructor(private readonly held: readonly Bar[]) {
    super(held);
  }
  release(): void {
    this.open();
  }
  override async *stream(): AsyncIterable<StreamItem> {
    yield { type: "bar", bar: this.held[0]! };
    await this.gate;
    yield { type: "bar", bar: this.held[1]! };
  }
}

describe("a fill between two bars (a limit order the venue fills within the hour)", () => {
  test("is in the journal file before the next bar, for a strategy that does not listen to order updates", async () => {
    const sessionDir = join(root, "no-updates");
    const bars = barsFromCloses("X", [100, 100], Date.UTC(2024, 0, 1), "1h", 3_600_000);
    const feed = new HourlyFeed(bars);
    const venue = new LaterVenue();
    let placed!: () => void;
    const orderPlaced = new Promise<void>((resolve) => (placed = resolve));
    // The journal file is read as another process would (a crash now keeps only what is in it).
    const engine = new LiveEngine({
      symbols: ["X"], interval: "1h", marketData: feed, trading: venue, logger: silentLogger, mode: "live", sessionDir,
      strategy: testStrategy({
        async onBar(bar, ctx) {
          if (bar !== bars[0]) return;
          await ctx.placeOrder({ side: "BUY", type: "LIMIT", limitPrice: 99, quantity: 1 });
          placed();
        },
      }),
    });
    const run = engine.run();
    await orderPlaced;
    // The bar ends (its journal batch written) and the feed waits for the next hour.
    for (let tries = 0; tries < 50 && journalRows(sessionDir, "SELECT 1 FROM orders WHERE status = 'SUBMITTED'").length === 0; tries++) await Bun.sleep(10);
    expect(journalRows<{ n: number }>(sessionDir, "SELECT count(*) AS n FROM fills")).toEqual([{ n: 0 }]);
    // Half an hour on, the market trades through the limit: the venue sends the fill, the order, position and account.
    venue.processBar({ ...bars[0]!, openTime: bars[0]!.openTime + 1_800_000, open: 99, high: 99.5, low: 98.5, close: 99 });
    let fills: { n: number }[] = [];
    for (let tries = 0; tries < 50 && fills[0]?.n !== 1; tries++) {
      await Bun.sleep(10);
      fills = journalRows<{ n: number }>(sessionDir, "SELECT count(*) AS n FROM fills");
    }
    expect(fills).toEqual([{ n: 1 }]);
    expect(journalRows<{ status: string }>(sessionDir, "SELECT status FROM orders")).toEqual([{ status: "FILLED" }]);
    feed.release();
    const result = await run;
    expect(result.counters.fills).toBe(1);
  });
});
