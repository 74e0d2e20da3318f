// Aborting a backtest of two symbols mid-run: status "aborted", nothing closed, the curve and the statistics cover
// exactly the bars the strategy saw, whether the history ends on the abort (in memory) or rejects with it (as fetch does).
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import type { Bar, MarketDataProvider, StreamOptions } from "@argo/core";
import { createPaperVenue } from "@argo/provider-paper";
import type { EngineCallbacks } from "../engine/callbacks.ts";
import { silentLogger } from "../strategy/logger.ts";
import { bar, DAY, NO_COSTS, strategy, T0 } from "./backtest.test-helper.ts";
import { InMemoryMarketData } from "./in-memory-market-data.ts";
import { runBacktest } from "./run-backtest.ts";

// Six days of A (open 100 + d, close 101 + d) and of B (open 50 + 2d, close 51 + 2d).
const A = Array.from({ length: 6 }, (_, d) => bar("A", d, 100 + d, 103 + d, 98 + d, 101 + d));
const B = Array.from({ length: 6 }, (_, d) => bar("B", d, 50 + 2 * d, 53 + 2 * d, 48 + 2 * d, 51 + 2 * d));

/** A history read over the network: each bar after an await; an abort rejects with the signal's reason, as fetch does. */
class FetchLikeData implements MarketDataProvider {
  readonly name = "fetch-like";
  /** `rejectWith` "reason": the signal's reason (fetch with a reason); "abort-error": a DOMException named AbortError. */
  constructor(private readonly rejectWith: "reason" | "abort-error" = "reason") {}
  async *history(symbol: string, _interval: string, _from: number, _to: number, options: StreamOptions = {}): AsyncGenerator<Bar> {
    for (const b of [...A, ...B]) {
      if (b.symbol !== symbol) continue;
      await new Promise((resolve) => setTimeout(resolve, 0));
      if (this.rejectWith === "reason") options.signal?.throwIfAborted();
      else if (options.signal?.aborted) throw new DOMException("The operation was aborted.", "AbortError");
      yield b;
    }
  }
  async *stream(): AsyncGenerator<never> {}
}

/** A history read synchronously (as the simulated provider's is): an abort makes its next read throw the signal's reason. */
class SyncThrowingData implements MarketDataProvider {
  readonly name = "sync-throwing";
  history(symbol: string, _interval: string, _from: number, _to: number, options: StreamOptions = {}): AsyncIterable<Bar> {
    const bars = [...A, ...B].filter((b) => b.symbol === symbol);
    function* read(): Generator<Bar> {
      for (const b of bars) {
        options.signal?.throwIfAborted();
        yield b;
      }
    }
    // Iterable both ways, as the contract asks; the backtest takes the synchronous side.
    return { [Symbol.iterator]: read, async *[Symbol.asyncIterator]() { yield* read(); } } as AsyncIterable<Bar>;
  }
  async *stream(): AsyncGenerator<never> {}
}

const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => void unhandled.push(reason);
beforeAll(() => void process.on("unhandledRejection", onUnhandled));
afterAll(() => void process.off("unhandledRejection", onUnhandled));

/** Buys 10 A and 5 B on their first bars (fill on day 1 at 101 and 52); aborts while the 7th bar (A on day 3) is processed. */
async function abortAtSeventhBar(marketData: MarketDataProvider) {
  const controller = new AbortController();
  const seen: string[] = [];
  const stops: unknown[] = [];
  let n = 0;
  const callbacks: EngineCallbacks = {
    onMarketData: () => void (++n === 7 && controller.abort(new Error("enough"))),
    onEngineStop: (error) => void stops.push(error),
  };
  const result = await runBacktest(
    {
      symbols: ["A", "B"], interval: "1d", marketData, trading: createPaperVenue(NO_COSTS), logger: silentLogger,
      strategy: strategy({
        async onBar(b, ctx) {
          seen.push(`${b.symbol}${(b.openTime - T0) / DAY}`);
          if (ctx.history().length === 1) await ctx.placeOrder({ side: "BUY", quantity: b.symbol === "A" ? 10 : 5 });
        },
      }),
    },
    callbacks,
    controller.signal,
  );
  return { result, seen, stops };
}

// Cash 10,000 − 1,010 − 260; day 3 holds A's close 104 and B's close of day 2 (55): B's day-3 bar was never replayed.
const CASH = 8_730;
const CURVE = [10_000, CASH + 1_020 + 265, CASH + 1_030 + 275, CASH + 1_040 + 275];

describe.each([
  ["in memory (the history ends on the abort)", () => new InMemoryMarketData([...A, ...B])],
  ["fetch-like (the history rejects with the abort's reason)", () => new FetchLikeData("reason")],
  ["fetch-like (the history rejects with an AbortError)", () => new FetchLikeData("abort-error")],
  ["read synchronously (the history throws the abort's reason)", () => new SyncThrowingData()],
])("an abort on the 7th of 12 bars, %s", (_name, data) => {
  let run: Awaited<ReturnType<typeof abortAtSeventhBar>>;
  beforeAll(async () => void (run = await abortAtSeventhBar(data())));

  test("resolves with status aborted and the reason; onEngineStop hears no error", () => {
    expect(run.result.status).toBe("aborted");
    expect((run.result.abortReason as Error).message).toBe("enough");
    expect(run.stops).toEqual([undefined]);
  });

  test("the strategy saw 7 bars, and exactly those are counted and on the curve", () => {
    expect(run.seen).toEqual(["A0", "B0", "A1", "B1", "A2", "B2", "A3"]);
    expect(run.result.bars).toBe(7);
    expect(Array.from(run.result.equity.times)).toEqual([0, 1, 2, 3].map((d) => T0 + d * DAY));
    expect(Array.from(run.result.equity.equity)).toEqual(CURVE);
    expect(run.result.finalEquity).toBe(CURVE[3]!);
  });

  test("nothing is closed: no settlement fill, both positions open and reported as open trades", () => {
    expect(run.result.fills.map((f) => [f.symbol, f.side, f.price])).toEqual([["A", "BUY", 101], ["B", "BUY", 52]]);
    expect(run.result.trades).toEqual([]);
    expect(run.result.openTrades.map((t) => [t.symbol, t.size, t.entryPrice])).toEqual([["A", 10, 101], ["B", 5, 52]]);
    expect(run.result.positions.map((p) => [p.symbol, p.quantity]).sort()).toEqual([["A", 10], ["B", 5]]);
  });

  test("statistics cover the bars seen: day 0 to day 3, return of the last mark", () => {
    const s = run.result.statistics;
    expect([s.start, s.end, s.duration]).toEqual([T0, T0 + 3 * DAY, 3 * DAY]);
    expect(s.equityFinal).toBe(CURVE[3]!);
    expect(s.returnPct).toBeCloseTo(((CURVE[3]! - 10_000) / 10_000) * 100, 12);
    expect(s.tradeCount).toBe(0);
  });

  test("no unhandled rejection", async () => {
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(unhandled).toEqual([]);
  });
});

test("a history that fails while the run is NOT aborted still fails the run (only the abort is forgiven)", async () => {
  class Failing implements MarketDataProvider {
    readonly name = "failing";
    async *history(symbol: string): AsyncGenerator<Bar> {
      yield A[0]!.symbol === symbol ? A[0]! : B[0]!;
      await new Promise((resolve) => setTimeout(resolve, 0));
      throw new Error("connection reset");
    }
    async *stream(): AsyncGenerator<never> {}
  }
  const error = await runBacktest({
    symbols: ["A"], interval: "1d", marketData: new Failing(), trading: createPaperVenue(NO_COSTS), logger: silentLogger,
    strategy: strategy({ onBar: () => undefined }),
  }).catch((e: unknown) => e);
  // The provider's message, kept, after the provider and symbol that failed (see history-failure-named.test.ts).
  expect((error as Error).message).toBe("the failing market data history of A failed: connection reset");
});

describe("a signal aborted before the first bar", () => {
  test.each([
    ["in memory", () => new InMemoryMarketData([...A, ...B])],
    ["fetch-like", () => new FetchLikeData()],
  ])("%s: rejects with CONTEXT_CANCELLED; the strategy's init never runs (it would see the wall clock)", async (_name, data) => {
    const controller = new AbortController();
    controller.abort(new Error("before"));
    const inits: number[] = [];
    const error = await runBacktest(
      {
        symbols: ["A", "B"], interval: "1d", marketData: data(), trading: createPaperVenue(NO_COSTS), logger: silentLogger,
        strategy: strategy({ init: (ctx) => void inits.push(ctx.time), onBar: () => undefined }),
      },
      {},
      controller.signal,
    ).catch((e: unknown) => e);
    expect((error as { code?: string }).code).toBe("CONTEXT_CANCELLED");
    expect(inits).toEqual([]);
  });
});

describe("an abort while the very first bar is processed", () => {
  test.each([
    ["fetch-like, rejecting with the reason", () => new FetchLikeData("reason")],
    ["read synchronously, throwing the reason", () => new SyncThrowingData()],
  ])("%s: that bar is the one step of the curve", async (_name, data) => {
    const controller = new AbortController();
    const result = await runBacktest(
      { symbols: ["A"], interval: "1d", marketData: data(), trading: createPaperVenue(NO_COSTS), logger: silentLogger, strategy: strategy({}) },
      { onMarketData: () => controller.abort(new Error("at once")) },
      controller.signal,
    );
    expect(result.status).toBe("aborted");
    expect([result.bars, Array.from(result.equity.times)]).toEqual([1, [T0]]);
  });
});

test("aborted while init runs: no bar is replayed and the run rejects with CONTEXT_CANCELLED", async () => {
  const controller = new AbortController();
  let bars = 0;
  const error = await runBacktest(
    {
      symbols: ["A"], interval: "1d", marketData: new InMemoryMarketData(A), trading: createPaperVenue(NO_COSTS), logger: silentLogger,
      strategy: strategy({ init: () => controller.abort(new Error("during init")), onBar: () => void bars++ }),
    },
    {},
    controller.signal,
  ).catch((e: unknown) => e);
  expect([(error as { code?: string }).code, (error as Error).message]).toEqual(["CONTEXT_CANCELLED", "the backtest was aborted before its first bar"]);
  expect(bars).toBe(0);
});
