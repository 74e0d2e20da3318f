import { describe, expect, test } from "bun:test";
import type { Bar, MarketDataProvider, Order, StreamItem } from "@argo/core";
import { backtest, bar as dayBar } from "../backtest/backtest.test-helper.ts";
import { silentLogger } from "../strategy/logger.ts";
import type { OrderResult } from "../strategy/strategy-context.ts";
import { LaterVenue } from "../test-fixtures/later-venue.ts";
import { testStrategy } from "../test-fixtures/run-engine.ts";
import { LiveEngine } from "./live-engine.ts";

const T = Date.UTC(2024, 0, 1);
const mk = (symbol: string, i: number, price: number): Bar => ({
  symbol, interval: "1m", openTime: T + i * 60_000, open: price, high: price + 1, low: price - 1, close: price, volume: 10,
});

/** What the strategy saw when its entry's fill reached onOrderUpdate, and what its take-profit without a symbol became. */
interface Seen {
  bar: string | undefined;
  position: string | undefined;
  sma: number | undefined;
  history: number;
  takeProfit: OrderResult;
}

/** Buys A on its first bar; on the fill, places a take-profit without a symbol. */
function entryThenTakeProfit(seen: Seen[], heard: () => void) {
  return testStrategy({
    onBar(b, ctx) {
      ctx.indicators.sma(1);
      if (b.symbol === "A" && ctx.history().length === 1) void ctx.placeOrder({ side: "BUY", quantity: 10, type: "LIMIT", limitPrice: 100 });
    },
    async onOrderUpdate(order: Order, ctx) {
      if (order.status !== "FILLED" || order.side !== "BUY") return;
      const at = { bar: ctx.bar?.symbol, position: ctx.position()?.symbol, sma: ctx.indicators.sma(1).value(), history: ctx.history().length };
      seen.push({ ...at, takeProfit: await ctx.placeOrder({ side: "SELL", quantity: order.filledQuantity, type: "LIMIT", limitPrice: 102 }) });
      heard();
    },
  });
}

describe("between bars there is no bar being processed to default to", () => {
  test("live: a fill delivered between bars gives no default symbol (not the symbol whose bar came last)", async () => {
    const venue = new LaterVenue({ cash: 1e6 });
    const seen: Seen[] = [];
    let heard!: () => void;
    const delivered = new Promise<void>((resolve) => (heard = resolve));
    const data = {
      name: "gated",
      async *stream(): AsyncIterable<StreamItem> {
        yield { type: "bar", bar: mk("A", 0, 100) };
        yield { type: "bar", bar: mk("B", 0, 20) };
        // Asked for the next item, so B's turn is over: the venue's own market fills A's order now, between the engine's bars.
        venue.processBar(mk("A", 1, 99));
        await delivered;
        yield { type: "bar", bar: mk("B", 1, 20) };
      },
      async *history() {},
    } as unknown as MarketDataProvider;
    const engine = new LiveEngine({ symbols: ["A", "B"], interval: "1m", marketData: data, trading: venue, strategy: entryThenTakeProfit(seen, heard), logger: silentLogger });
    const result = await engine.run();
    expect(seen).toHaveLength(1);
    const [s] = seen;
    // Before: ctx.bar was B's bar, the indicator B's value, and the take-profit went to B (an order for a symbol never bought).
    expect([s!.bar, s!.position, s!.sma, s!.history]).toEqual([undefined, undefined, undefined, 0]);
    expect(s!.takeProfit).toMatchObject({ status: "rejected", code: "INVALID_ORDER", reason: "an order needs a symbol (none given and no bar is being processed)" });
    expect(venue.placed.map((r) => r.symbol)).toEqual(["A"]);
    expect(result.openOrders).toEqual([]);
    // The status still shows the newest bar processed.
    expect(engine.status().lastBar).toEqual(mk("B", 1, 20));
  });

  test("backtest: a fill delivered in the bar's turn still defaults to that bar's symbol", async () => {
    const seen: Seen[] = [];
    const data = [0, 1, 2].flatMap((day) => [dayBar("A", day, 100, 101, 99, 100), dayBar("B", day, 20, 21, 19, 20)]);
    const result = await backtest(data, entryThenTakeProfit(seen, () => undefined), { engine: { closeAtEnd: false } });
    expect(seen).toHaveLength(1);
    expect([seen[0]!.bar, seen[0]!.position, seen[0]!.sma, seen[0]!.history]).toEqual(["A", "A", 100, 2]);
    expect(seen[0]!.takeProfit).toMatchObject({ status: "placed", order: { symbol: "A", side: "SELL", limitPrice: 102 } });
    expect(result.openOrders.map((o) => o.symbol)).toEqual(["A"]);
  });

  test("a session of one symbol defaults to it when no bar is being processed: onStop can close its position", async () => {
    const data = [0, 1, 2].map((day) => dayBar("A", day, 100, 101, 99, 100));
    const atStop: Array<string | undefined> = [];
    const closes: OrderResult[] = [];
    const result = await backtest(data, testStrategy({
      async onBar(_b, ctx) {
        if (ctx.history().length === 1) await ctx.signal({ action: "OPEN_LONG", quantity: 3 });
      },
      async onStop(ctx) {
        atStop.push(ctx.position()?.symbol, String(ctx.indicators.sma(1).value()));
        closes.push(await ctx.signal({ action: "CLOSE_LONG" }));
      },
    }), { engine: { closeAtEnd: false } });
    // No bar's turn runs in onStop, but with one symbol there is no doubt which one is meant.
    expect(atStop).toEqual(["A", "100"]);
    expect(closes).toMatchObject([{ status: "placed", order: { symbol: "A", side: "SELL", quantity: 3 } }]);
    expect(result.openOrders.map((o) => o.symbol)).toEqual(["A"]);
  });
});
