import { ArgoError, type Bar, type Fill, type Order, type TradingEvent } from "@argo/core";
import { afterAll, describe, expect, test } from "bun:test";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { barsFromCloses } from "../test-fixtures/bars.ts";
import { FakeVenue } from "../test-fixtures/fake-venue.ts";
import { journalRows } from "../test-fixtures/journal-rows.ts";
import { runEngine, testStrategy } from "../test-fixtures/run-engine.ts";

const root = mkdtempSync(join(tmpdir(), "argo-fill-repeats-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let dirs = 0;
const sessionDir = () => join(root, `s${++dirs}`);

const journalFillIds = (dir: string) => journalRows<{ id: string }>(dir, "SELECT id FROM fills ORDER BY rowid").map((row) => row.id);

/** Buys one on each of the first `orders` bars. */
function buyer(orders = 1) {
  let sent = 0;
  return testStrategy({
    async onBar(_bar, ctx) {
      if (sent++ < orders) await ctx.placeOrder({ side: "BUY", type: "MARKET", quantity: 1 });
    },
  });
}

/** Sends every fill event twice, as a broker does when it replays executions after its connection came back (IB execDetails). */
class RepeatingVenue extends FakeVenue {
  protected override emit(event: TradingEvent): void {
    super.emit(event);
    if (event.type === "fill") super.emit(event);
  }
}

/** Replays every fill it ever made on the next bar once `replay` is set, as a broker re-sends the day's executions to a new connection. */
class ReplayingVenue extends FakeVenue {
  replay = false;
  override processBar(bar: Bar): void {
    if (this.replay) {
      this.replay = false;
      for (const order of this.orders.values()) for (const fill of order.fills) this.emit({ type: "fill", fill: { ...fill }, order: { ...order } });
    }
    super.processBar(bar);
  }
}

describe("each fill is reported once", () => {
  test("a fill the venue sends twice reaches onOrderFilled and the counters once", async () => {
    const dir = sessionDir();
    const run = await runEngine({ bars: barsFromCloses("X", [100, 101, 102]), venue: new RepeatingVenue(), strategy: buyer(), engine: { sessionDir: dir, mode: "live" } });
    const filled = run.named("onOrderFilled").map(([fill]) => (fill as Fill).id);
    expect(filled).toHaveLength(1);
    expect(run.result?.counters.fills).toBe(1);
    expect(journalFillIds(dir)).toEqual(filled);
  });

  test("without a journal too (a backtest or a session without a data dir)", async () => {
    const run = await runEngine({ bars: barsFromCloses("X", [100, 101, 102]), venue: new RepeatingVenue(), strategy: buyer(), engine: { mode: "live" } });
    expect(run.named("onOrderFilled")).toHaveLength(1);
  });

  test("two fills of one order with their own ids are both reported, and equal ids of different orders too", async () => {
    /** Numbers fills per order, as Binance numbers trades per symbol: the same fill id on two orders is two fills. */
    class PerOrderIds extends FakeVenue {
      protected override emit(event: TradingEvent): void {
        if (event.type !== "fill") return super.emit(event);
        const order: Order = { ...event.order, fills: [{ ...event.fill, id: "1" }] };
        super.emit({ type: "fill", fill: order.fills[0]!, order });
      }
    }
    const run = await runEngine({ bars: barsFromCloses("X", [100, 101, 102, 103]), venue: new PerOrderIds(), strategy: buyer(2), engine: { mode: "live" } });
    const fills = run.named("onOrderFilled").map(([fill]) => fill as Fill);
    expect(fills.map((f) => f.id)).toEqual(["1", "1"]);
    expect(new Set(fills.map((f) => f.clientOrderId)).size).toBe(2);
  });

  test("a fill found by asking about a lost placement is not reported again when its event arrives late", async () => {
    /** Fills the order while its stream is down and loses the answer; the stream delivers the held events on the next bar. */
    class LateStreamVenue extends FakeVenue {
      private down = false;
      private readonly held: TradingEvent[] = [];
      override async placeOrder(request: Parameters<FakeVenue["placeOrder"]>[0]): Promise<Order> {
        this.down = true;
        await super.placeOrder(request);
        this.processBar({ ...barsFromCloses(request.symbol, [100])[0]!, openTime: this.time });
        this.down = false;
        throw new ArgoError("CONNECTION_LOST", "request timed out");
      }
      override processBar(bar: Bar): void {
        if (!this.down) for (const event of this.held.splice(0)) super.emit(event);
        super.processBar(bar);
      }
      protected override emit(event: TradingEvent): void {
        if (this.down) this.held.push(event);
        else super.emit(event);
      }
    }
    const venue = new LateStreamVenue();
    const run = await runEngine({ bars: barsFromCloses("X", [100, 101, 102]), venue, strategy: buyer(), engine: { mode: "live" } });
    expect(venue.orders.size).toBe(1);
    expect(run.named("onOrderPlaced")).toHaveLength(1);
    expect(run.named("onOrderFilled")).toHaveLength(1);
  });

  test("fills an earlier session recorded are not reported again when the venue re-sends them after a restart", async () => {
    const dir = sessionDir();
    const venue = new ReplayingVenue();
    const first = await runEngine({ bars: barsFromCloses("X", [100, 101, 102]), venue, strategy: buyer(), engine: { sessionDir: dir, mode: "live" } });
    expect(first.named("onOrderFilled")).toHaveLength(1);
    venue.replay = true;
    const second = await runEngine({
      bars: barsFromCloses("X", [103, 104], Date.UTC(2024, 0, 2)), venue, strategy: testStrategy({}), engine: { sessionDir: dir, mode: "live" },
    });
    expect(second.error).toBeUndefined();
    expect(second.named("onOrderFilled")).toHaveLength(0);
    expect(second.result?.counters.fills).toBe(0);
    expect(journalFillIds(dir)).toHaveLength(1);
  });
});
