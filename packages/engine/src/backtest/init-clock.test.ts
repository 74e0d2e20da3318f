import { describe, expect, test } from "bun:test";
import type { Order } from "@argo/core";
import { createPaperVenue } from "@argo/provider-paper";
import type { BacktestOptions } from "./backtest-options.ts";
import { InMemoryMarketData } from "./in-memory-market-data.ts";
import { runBacktest } from "./run-backtest.ts";
import { backtest, bar, bars, DAY, NO_COSTS, strategy, T0 } from "./backtest.test-helper.ts";
import { silentLogger } from "../strategy/logger.ts";
import type { OrderInput } from "../strategy/strategy-context.ts";

const PRICES = [
  [100, 101, 99, 100],
  [100, 100, 96, 97],
  [97, 98, 90, 91],
] as const;

/** Backtests a strategy that notes `ctx.time` in init and places `order` there; what init saw and the order's fate. */
async function placedInInit(order: Partial<OrderInput>, input = bars("X", PRICES)) {
  let initTime: number | undefined;
  let placed: Order | undefined;
  const updates: Order[] = [];
  const result = await backtest(
    input,
    strategy({
      async init(ctx) {
        initTime = ctx.time;
        const answer = await ctx.placeOrder({ symbol: "X", side: "BUY", ...order });
        if (answer.status === "placed") placed = answer.order;
      },
      onOrderUpdate: (o) => void updates.push(o),
    }),
    // Without a bar seen, paper knows only the symbols its config lists.
    { engine: { closeAtEnd: "last-close" }, venue: { symbols: ["X", "Y"] } },
  );
  return { initTime, placed, updates, trades: result.trades };
}

describe("the clock before a backtest's first bar", () => {
  test("init sees the first bar's open time, not the wall clock, so a run never depends on when it ran", async () => {
    const { initTime } = await placedInInit({ type: "LIMIT", quantity: 10, limitPrice: 50 });
    expect(initTime).toBe(T0);
  });

  test("with several symbols it is the earliest first bar", async () => {
    const input = [bar("Y", 2, 10, 11, 9, 10), bar("X", 1, 100, 101, 99, 100), bar("X", 2, 100, 101, 99, 100)];
    const { initTime } = await placedInInit({ type: "LIMIT", quantity: 10, limitPrice: 50 }, input);
    expect(initTime).toBe(T0 + DAY);
  });

  test("an order placed in init is stamped at that time, not at 1970", async () => {
    const { placed } = await placedInInit({ type: "LIMIT", quantity: 10, limitPrice: 50 });
    expect(placed?.createdAt).toBe(T0);
  });

  test("a DAY limit placed in init works through the first day and fills there", async () => {
    const { placed, trades } = await placedInInit({ type: "LIMIT", quantity: 10, limitPrice: 99.5, timeInForce: "DAY" });
    expect(placed?.status).toBe("ACCEPTED");
    expect(trades.map((t) => [t.size, t.entryPrice, t.entryTime])).toEqual([[10, 99.5, T0]]);
  });

  test("a DAY limit placed in init that the first day does not reach expires at that day's end", async () => {
    const { updates, trades } = await placedInInit({ type: "LIMIT", quantity: 10, limitPrice: 96, timeInForce: "DAY" });
    expect(trades).toEqual([]);
    const last = updates.at(-1)!;
    expect([last.status, last.updatedAt]).toEqual(["EXPIRED", T0 + DAY]);
  });

  test("a DAY market order placed in init fills at the first bar's open", async () => {
    // Sized at the fill: before any bar the venue has no price to check a quantity against.
    const { trades } = await placedInInit({ type: "MARKET", equityFraction: 0.1, timeInForce: "DAY" });
    expect(trades.map((t) => [t.size, t.entryPrice, t.entryTime])).toEqual([[10, 100, T0]]);
  });

  test("a range with no bars is refused before init runs", async () => {
    let initCalled = false;
    const run = runBacktest({
      symbols: ["X"], interval: "1d", marketData: new InMemoryMarketData(bars("X", PRICES)), trading: createPaperVenue(NO_COSTS),
      strategy: strategy({ init: () => void (initCalled = true) }), logger: silentLogger, from: T0 + 10 * DAY,
    });
    await expect(run).rejects.toThrow("no bars for X at 1d");
    expect(initCalled).toBe(false);
  });
});

describe("the history opened before init", () => {
  /** Market data whose history is an async generator that notes when it was ended early. */
  function trackedHistory() {
    const seen = { ended: false };
    const marketData = {
      name: "tracked",
      async *history() {
        try {
          for (const b of bars("X", PRICES)) yield b;
        } finally {
          seen.ended = true;
        }
      },
      stream: () => { throw new Error("not used"); },
    } as unknown as BacktestOptions["marketData"];
    return { seen, marketData };
  }

  test("is ended when init fails, though no bar was replayed", async () => {
    const { seen, marketData } = trackedHistory();
    const run = runBacktest({
      symbols: ["X"], interval: "1d", marketData, trading: createPaperVenue(NO_COSTS), logger: silentLogger,
      strategy: strategy({ init: () => { throw new Error("init broke"); } }),
    });
    await expect(run).rejects.toThrow("init broke");
    expect(seen.ended).toBe(true);
  });

  test("is ended when an abort stops the run after the first bar", async () => {
    const { seen, marketData } = trackedHistory();
    const abort = new AbortController();
    const result = await runBacktest(
      {
        symbols: ["X"], interval: "1d", marketData, trading: createPaperVenue(NO_COSTS), logger: silentLogger,
        strategy: strategy({ onBar: () => abort.abort() }),
      },
      {},
      abort.signal,
    );
    expect(result.status).toBe("aborted");
    expect(seen.ended).toBe(true);
  });
});
