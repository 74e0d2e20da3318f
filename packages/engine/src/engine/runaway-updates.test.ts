import { describe, expect, test } from "bun:test";
import type { ArgoError, Bar, MarketDataProvider, StreamItem } from "@argo/core";
import { silentLogger } from "../strategy/logger.ts";
import { barsFromCloses } from "../test-fixtures/bars.ts";
import { FakeVenue, SyncFakeVenue } from "../test-fixtures/fake-venue.ts";
import { LaterVenue } from "../test-fixtures/later-venue.ts";
import { runEngine, testStrategy } from "../test-fixtures/run-engine.ts";
import { LiveEngine } from "./live-engine.ts";

const RUNAWAY = "order updates keep triggering new orders within one bar; dropped the rest";
// Far more than the guard allows in a turn, so a run without the guard still ends (and places this many orders).
const CAP = 5000;

describe("a strategy whose order updates keep placing orders is stopped within the bar, whatever the venue", () => {
  const venues: Array<[string, () => FakeVenue]> = [
    ["a simulator answering in the call (the update comes inside the placement)", () => new SyncFakeVenue({ cash: 1e9 })],
    ["a venue answering through promises", () => new LaterVenue({ cash: 1e9 })],
  ];
  for (const [name, make] of venues) {
    for (const kind of ["sync", "async"] as const) {
      test(`${name}, ${kind} onOrderUpdate`, async () => {
        const venue = make();
        let calls = 0;
        const again = { symbol: "X", side: "BUY", quantity: 1, type: "LIMIT", limitPrice: 0.01 } as const;
        const strategy = testStrategy({
          onBar(_bar, ctx) {
            if (ctx.history().length === 1) void ctx.placeOrder(again);
          },
          onOrderUpdate: kind === "sync"
            ? (_order, ctx) => void (++calls < CAP && ctx.placeOrder(again))
            : async (_order, ctx) => void (++calls < CAP && (await ctx.placeOrder(again))),
        });
        const run = await runEngine({ bars: barsFromCloses("X", [100, 100, 100]), strategy, venue });
        expect(run.result?.status).toBe("completed");
        // Each update is the acceptance of the order placed on hearing the one before: one update per round, and the
        // guard allows 1000 rounds in a turn. Before, a simulator went on until the strategy stopped (here CAP).
        expect(calls).toBe(1000);
        const errors = (run.named("onError") as Array<[ArgoError]>).map(([e]) => `${e.code}: ${e.message}`);
        expect(errors).toEqual([`STRATEGY_ERROR: ${RUNAWAY}`]);
        // The orders placed are recorded all the same (the bar's first, then one per update heard).
        expect(run.result!.counters.ordersPlaced).toBe(1001);
      });
    }
  }

  test("100 symbols filling at once between bars, each fill placing an exit, are all delivered", async () => {
    const symbols = Array.from({ length: 100 }, (_, i) => `S${i}`);
    const venue = new SyncFakeVenue({ cash: 1e9 });
    const mk = (symbol: string, i: number, price: number): Bar => ({ ...barsFromCloses(symbol, [price])[0]!, openTime: Date.UTC(2024, 0, 1) + i * 60_000 });
    const exits: string[] = [];
    const accepted: string[] = [];
    let allExits!: () => void;
    const exited = new Promise<void>((resolve) => (allExits = resolve));
    const data = {
      name: "burst",
      async *stream(): AsyncIterable<StreamItem> {
        for (const symbol of symbols) yield { type: "bar", bar: mk(symbol, 0, 100) };
        // Between bars, every symbol's entry fills in one burst of venue events: one drain of 100 fills.
        for (const symbol of symbols) venue.processBar(mk(symbol, 1, 100));
        await exited;
        yield { type: "bar", bar: mk("S0", 2, 100) };
      },
      async *history() {},
    } as unknown as MarketDataProvider;
    const strategy = testStrategy({
      onBar(bar, ctx) {
        if (ctx.history().length === 1) void ctx.placeOrder({ side: "BUY", quantity: 1 });
      },
      async onOrderUpdate(order, ctx) {
        if (order.status === "FILLED") {
          const exit = await ctx.placeOrder({ symbol: order.symbol, side: "SELL", quantity: 1, type: "LIMIT", limitPrice: 200, reason: "exit" });
          if (exit.status === "placed") exits.push(order.symbol);
          if (exits.length === symbols.length) allExits();
        } else if (order.reason === "exit") accepted.push(order.symbol);
      },
    });
    const errors: ArgoError[] = [];
    const engine = new LiveEngine({ symbols, interval: "1m", marketData: data, trading: venue, strategy, logger: silentLogger });
    const result = await engine.run(undefined, { onError: (e) => void errors.push(e) });
    expect(errors).toEqual([]);
    expect(exits.sort()).toEqual([...symbols].sort());
    expect(accepted.sort()).toEqual([...symbols].sort());
    expect(result.openOrders).toHaveLength(symbols.length);
  });
});
