// A venue across a network replays its events after a restart (IB re-sends executions on reconnect). Among them, a fill
// the engine refuses (past its order's quantity), carrying the order's older, working state. Refusing it recorded that
// old state in the journal's buffer, and the journal then took the buffered working state over its written FILLED: the
// replayed PARTIALLY_FILLED and FILLED that followed were told to the strategy again, and the take-profit it places on
// FILLED went out a second time (network fuzz, network7).
import { afterAll, describe, expect, test } from "bun:test";
import type { Bar, Fill, Order, TradingEvent } from "@argo/core";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { barsFromCloses } from "../test-fixtures/bars.ts";
import { FakeVenue } from "../test-fixtures/fake-venue.ts";
import { protectingStrategy, resumeReplaying } from "../test-fixtures/protecting-strategy.ts";
import { runEngine } from "../test-fixtures/run-engine.ts";

const root = mkdtempSync(join(tmpdir(), "argo-refused-fill-replay-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/**
 * Fills "entry" (BUY 2) in two parts, 1 then 1, reporting between them a bad execution of it (quantity 4: past the
 * order's 2) listed in the order's state that event carries. Keeps every order and fill event it sent; `replay` sends
 * them all again, oldest first, as a venue's backlog after a restart.
 */
class PartsVenue extends FakeVenue {
  private readonly sent: TradingEvent[] = [];
  protected override fill(order: Order, price: number, bar: Bar): void {
    if (order.clientOrderId !== "entry") return super.fill(order, price, bar);
    const fill = (id: string, quantity: number): Fill => ({
      id, clientOrderId: "entry", venueOrderId: order.venueOrderId, symbol: order.symbol, side: "BUY", quantity, price, fee: 0, time: bar.openTime,
    });
    const first = fill("f-a", 1), bad = fill("f-bad", 4), second = fill("f-b", 1);
    const partial: Order = { ...order, status: "PARTIALLY_FILLED", filledQuantity: 1, averageFillPrice: price, fills: [first] };
    this.emit({ type: "fill", fill: first, order: partial });
    this.emit({ type: "order", order: partial });
    this.emit({ type: "fill", fill: bad, order: { ...partial, fills: [first, bad] } });
    Object.assign(order, { status: "FILLED", filledQuantity: 2, averageFillPrice: price, fills: [first, second] });
    this.emit({ type: "fill", fill: second, order: { ...order } });
    this.emit({ type: "order", order: { ...order } });
    this.cash -= 2 * price;
    const position = { symbol: order.symbol, side: "LONG" as const, quantity: 2, averagePrice: price, marketPrice: price, realizedPnl: 0, unrealizedPnl: 0, fees: 0, openedAt: bar.openTime, updatedAt: bar.openTime };
    this.positions.set(order.symbol, position);
    this.emit({ type: "position", symbol: order.symbol, position: { ...position } });
  }
  protected override emit(event: TradingEvent): void {
    if (event.type === "order" || event.type === "fill") this.sent.push(structuredClone(event));
    super.emit(event);
  }
  replay(): void {
    for (const event of [...this.sent]) super.emit(structuredClone(event));
  }
}

const bars = barsFromCloses("BTC", [100, 100, 100, 100, 100, 100, 100, 100]);

/** The restart tests' strategy (entry of 2 at the first bar, a take-profit on its FILLED; see protectingStrategy). */
const protecting = (log: string[], session: number) => protectingStrategy(log, session, bars[0]!, 2);

describe("a restart's replayed backlog with a fill the engine refuses", () => {
  test("the previous session's states are no news: FILLED told once across both sessions, one take-profit", async () => {
    const sessionDir = join(root, "refused");
    const venue = new PartsVenue({ cash: 10_000 });
    const log: string[] = [];
    const first = await runEngine({ bars: bars.slice(0, 4), venue, strategy: protecting(log, 1), engine: { sessionDir } });
    expect(first.error).toBeUndefined();
    // By hand: SUBMITTED at the placement, then the two parts (the bad execution between them refused), then the tp.
    const session1 = ["session 1: entry SUBMITTED", "session 1: entry PARTIALLY_FILLED", "session 1: entry FILLED", "session 1: tp-1 SUBMITTED"];
    expect(log).toEqual(session1);
    expect(first.named("onError").map(([e]) => (e as { code: string }).code)).toEqual(["INVALID_DATA"]);
    // Resumed: on its first bar the venue replays every order and fill event it ever sent, the refused fill among them.
    const { run: second, replayed } = await resumeReplaying(venue, bars, log, 2, sessionDir);
    expect(second.error).toBeUndefined();
    expect(replayed).toBe(true);
    // Nothing more heard (before: PARTIALLY_FILLED and FILLED again, and a second take-profit).
    expect(log).toEqual(session1);
    expect(log.filter((line) => line.endsWith("entry FILLED"))).toHaveLength(1);
    expect(venue.placed.filter((r) => r.side === "SELL").map((r) => r.clientOrderId)).toEqual(["tp-1"]);
    expect(second.result?.counters.fills).toBe(0);
    expect(second.result?.openOrders.map((o) => [o.clientOrderId, o.status])).toEqual([["tp-1", "SUBMITTED"]]);
  });
});
