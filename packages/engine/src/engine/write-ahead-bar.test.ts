import type { Order, OrderRequest } from "@argo/core";
import { afterAll, describe, expect, test } from "bun:test";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { barsFromCloses } from "../test-fixtures/bars.ts";
import { FakeVenue } from "../test-fixtures/fake-venue.ts";
import { journalRows } from "../test-fixtures/journal-rows.ts";
import { runEngine, testStrategy } from "../test-fixtures/run-engine.ts";

const root = mkdtempSync(join(tmpdir(), "argo-write-ahead-bar-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Notes what the journal on disk holds at the moment the venue receives an order (as a restart after a crash would find it). */
class WatchingVenue extends FakeVenue {
  atCall: Array<{ bars: number[]; state: string[]; orders: string[] }> = [];
  constructor(private readonly dir: string) {
    super();
  }
  override async placeOrder(request: OrderRequest): Promise<Order> {
    this.atCall.push({
      bars: journalRows<{ open_time: number }>(this.dir, "SELECT open_time FROM bars ORDER BY open_time").map((r) => r.open_time),
      state: journalRows<{ key: string; value: string }>(this.dir, "SELECT key, value FROM state").map((r) => `${r.key}=${r.value}`),
      orders: journalRows<{ client_order_id: string; status: string }>(this.dir, "SELECT client_order_id, status FROM orders").map((r) => `${r.client_order_id}:${r.status}`),
    });
    return super.placeOrder(request);
  }
}

describe("an order written ahead to the journal takes its bar and the strategy's state with it", () => {
  test("a crash while the order is on its way leaves a journal that will not replay that bar to the strategy", async () => {
    const dir = join(root, "a");
    const venue = new WatchingVenue(dir);
    const bars = barsFromCloses("X", [100, 101, 102]);
    await runEngine({
      bars, venue, engine: { sessionDir: dir, mode: "live" },
      strategy: testStrategy({
        async onBar(bar, ctx) {
          if (bar !== bars[2]) return;
          ctx.state.set("entered", bar.openTime);
          await ctx.placeOrder({ side: "BUY", quantity: 1, clientOrderId: "entry" });
        },
      }),
    });
    // Before, bars and state waited in the write buffer until the bar's end: a restart found the order and no bar 2,
    // so it replayed bar 2 and the strategy, "not entered", sent a second entry.
    expect(venue.atCall).toEqual([{ bars: bars.map((b) => b.openTime), state: [`entered=${bars[2]!.openTime}`], orders: ["entry:PENDING"] }]);
  });
});
