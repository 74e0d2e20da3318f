// A venue across a network replays its order events after connect (IB re-sends orderStatus on reconnect; a user data
// stream's backlog). A resumed session, whose mirror holds none of the previous session's finished orders, took the
// replayed FILLED of an order the journal already held FILLED as news: the strategy heard it again and its take-profit
// placed on FILLED went out twice (two SELLs for one long; a network fuzz found it). A working order read at start was
// likewise told SUBMITTED again.
import { afterAll, describe, expect, test } from "bun:test";
import type { Order, TradingEvent } from "@argo/core";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { barsFromCloses } from "../test-fixtures/bars.ts";
import { FakeVenue } from "../test-fixtures/fake-venue.ts";
import { protectingStrategy, resumeReplaying } from "../test-fixtures/protecting-strategy.ts";
import { runEngine } from "../test-fixtures/run-engine.ts";

const root = mkdtempSync(join(tmpdir(), "argo-replayed-backlog-restart-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Keeps every order event it sent; `replay` sends them all again, as a venue's backlog after a reconnect. */
class ReplayingVenue extends FakeVenue {
  /** Set: the backlog is replayed inside the next account read, while the start still reads (as IB's after connect). */
  replayOnRead = false;
  private readonly sent: Order[] = [];
  override async getAccount() {
    if (this.replayOnRead) {
      this.replayOnRead = false;
      this.replay();
    }
    return super.getAccount();
  }
  protected override emit(event: TradingEvent): void {
    if (event.type === "order") this.sent.push({ ...event.order });
    super.emit(event);
  }
  replay(): void {
    for (const order of [...this.sent]) super.emit({ type: "order", order: { ...order } });
  }
}

const bars = barsFromCloses("BTC", [100, 100, 100, 100, 100, 100, 100, 100]);

/** The restart tests' strategy (entry of 1 at the first bar, a take-profit on its FILLED; see protectingStrategy). */
const protecting = (log: string[], session: number) => protectingStrategy(log, session, bars[0]!, 1);

describe("a resumed session and the venue's replayed backlog", () => {
  test("the previous session's FILLED and the take-profit's SUBMITTED, replayed, are no news: one take-profit", async () => {
    const sessionDir = join(root, "replayed");
    const venue = new ReplayingVenue({ cash: 10_000 });
    const log: string[] = [];
    const first = await runEngine({ bars: bars.slice(0, 4), venue, strategy: protecting(log, 1), engine: { sessionDir } });
    expect(first.error).toBeUndefined();
    expect(log).toEqual(["session 1: entry SUBMITTED", "session 1: entry FILLED", "session 1: tp-1 SUBMITTED"]);
    // Resumed: on its first bar the venue replays every order event it ever sent.
    const { run: second, replayed } = await resumeReplaying(venue, bars, log, 1, sessionDir);
    expect(second.error).toBeUndefined();
    expect(replayed).toBe(true);
    // Nothing more heard: the strategy was told each of these once, in the first session.
    expect(log).toEqual(["session 1: entry SUBMITTED", "session 1: entry FILLED", "session 1: tp-1 SUBMITTED"]);
    expect(venue.placed.filter((r) => r.side === "SELL").map((r) => r.clientOrderId)).toEqual(["tp-1"]);
    expect(second.result?.openOrders.map((o) => [o.clientOrderId, o.status])).toEqual([["tp-1", "SUBMITTED"]]);
    expect(second.result?.counters.fills).toBe(0);
  });

  test("the backlog replayed while the start still reads: no news either (review)", async () => {
    const sessionDir = join(root, "during-reads");
    const venue = new ReplayingVenue({ cash: 10_000 });
    const log: string[] = [];
    expect((await runEngine({ bars: bars.slice(0, 4), venue, strategy: protecting(log, 1), engine: { sessionDir } })).error).toBeUndefined();
    venue.replayOnRead = true;
    const second = await runEngine({ bars, venue, strategy: protecting(log, 2), engine: { sessionDir } });
    expect(second.error).toBeUndefined();
    expect(venue.replayOnRead).toBe(false);
    expect(log).toEqual(["session 1: entry SUBMITTED", "session 1: entry FILLED", "session 1: tp-1 SUBMITTED"]);
    expect(venue.placed.filter((r) => r.side === "SELL").map((r) => r.clientOrderId)).toEqual(["tp-1"]);
  });
});
