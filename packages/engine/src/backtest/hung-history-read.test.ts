// A market data provider whose history read never settles (a socket that hangs, no timeout) must not keep a stop from
// stopping: the first read (before the strategy's init) gets venueCallTimeoutMs once the signal aborts, then is reported
// and left, and the run ends as aborted before its first bar; a read hung mid-run is given up on through the pipeline's
// grace, and closing that history must not wait for it either. On the old code each of these runs never ends (the test
// times out).
import { describe, expect, test } from "bun:test";
import type { ArgoError, Bar, MarketDataProvider, StreamOptions } from "@argo/core";
import { createPaperVenue } from "@argo/provider-paper";
import { silentLogger } from "../strategy/logger.ts";
import { bar, NO_COSTS, strategy, T0 } from "./backtest.test-helper.ts";
import { closeHistory, type HistoryPlan, openHistory } from "./history-driver.ts";
import { runBacktest } from "./run-backtest.ts";

const PLAN: HistoryPlan = { symbols: ["A", "B"], interval: "1d", from: undefined, to: undefined, closeAtEnd: "last-close", progress: undefined, venueCallTimeoutMs: 5 };

/** A history by hand: the first `next()` answers with `first()` (a promise that may never settle), then it ends; return() is counted. */
function handHistory(first: () => Promise<IteratorResult<Bar>>, closed: string[], symbol: string): AsyncIterable<Bar> {
  let reads = 0;
  return {
    [Symbol.asyncIterator]: () => ({
      next: () => (reads++ === 0 ? first() : Promise.resolve({ done: true, value: undefined })),
      return: () => (closed.push(symbol), Promise.resolve({ done: true, value: undefined })),
    }),
  };
}

const never = () => new Promise<never>(() => {});

describe("openHistory: aborted while the first read hangs", () => {
  test("rejects as aborted before the first bar, reports the give-up naming the provider and symbol, and closes every history", async () => {
    const closed: string[] = [];
    const marketData: MarketDataProvider = {
      name: "hung-md",
      // A's first read never settles; B would answer at once but is never read (the stop came first).
      history: (symbol) => handHistory(() => symbol === "A" ? never() : Promise.resolve({ done: false, value: bar(symbol, 0, 1, 1, 1, 1) }), closed, symbol),
      async *stream() {},
    };
    const controller = new AbortController();
    const reports: ArgoError[] = [];
    const opening = openHistory(marketData, controller.signal, { ...PLAN, onError: (error) => void reports.push(error) });
    controller.abort(new Error("SIGINT")); // A's read is pending now: openHistory ran up to its first await
    const error = (await opening.catch((e: unknown) => e)) as ArgoError;
    expect([error.code, error.message]).toEqual(["CONTEXT_CANCELLED", "the backtest was aborted before its first bar"]);
    // One report, CONNECTION_LOST, naming the provider, the symbol and the grace of 5 ms the plan gave.
    expect(reports.map((r) => [r.code, r.provider, r.message])).toEqual([
      ["CONNECTION_LOST", "hung-md", "hung-md did not answer the first history read of A within 5 ms of the stop; stopping without it"],
    ]);
    expect(closed.sort()).toEqual(["A", "B"]);
  });

  test("a read that answers the abort within the grace (rejecting with the signal's reason) is no give-up: nothing is reported", async () => {
    const closed: string[] = [];
    const marketData: MarketDataProvider = {
      name: "polite-md",
      history: (symbol, _i, _f, _t, options: StreamOptions = {}) => {
        const first = () => new Promise<IteratorResult<Bar>>((_resolve, reject) => options.signal?.addEventListener("abort", () => reject(options.signal!.reason)));
        return handHistory(first, closed, symbol);
      },
      async *stream() {},
    };
    const controller = new AbortController();
    const reports: ArgoError[] = [];
    // A grace far longer than the test: only the read's own answer can end the wait.
    const opening = openHistory(marketData, controller.signal, { ...PLAN, venueCallTimeoutMs: 600_000, onError: (error) => void reports.push(error) });
    controller.abort(new Error("SIGINT"));
    const error = (await opening.catch((e: unknown) => e)) as ArgoError;
    expect(error.code).toBe("CONTEXT_CANCELLED");
    expect(reports).toEqual([]);
    expect(closed.sort()).toEqual(["A", "B"]);
  });

  test("an async generator hung in its first read: closing it does not wait for that read (its return() would)", async () => {
    const marketData: MarketDataProvider = {
      name: "hung-gen",
      async *history() {
        await never();
      },
      async *stream() {},
    };
    const controller = new AbortController();
    const opening = openHistory(marketData, controller.signal, { ...PLAN, symbols: ["A"] });
    controller.abort(new Error("SIGINT"));
    expect(((await opening.catch((e: unknown) => e)) as ArgoError).code).toBe("CONTEXT_CANCELLED");
  });
});

test("closeHistory of histories never given up on still waits for each to close", async () => {
  const closed: string[] = [];
  const marketData: MarketDataProvider = {
    name: "md",
    history: (symbol) => handHistory(() => Promise.resolve({ done: false, value: bar(symbol, 0, 1, 1, 1, 1) }), closed, symbol),
    async *stream() {},
  };
  const history = await openHistory(marketData, new AbortController().signal, PLAN);
  await closeHistory(history.sources);
  expect(closed.sort()).toEqual(["A", "B"]);
});

test("runBacktest: a read hung mid-run after the stop is given up on, and the run resolves as aborted with the bar it saw", async () => {
  const marketData: MarketDataProvider = {
    name: "hung-later",
    async *history(symbol) {
      yield bar(symbol, 0, 100, 101, 99, 100);
      await never();
    },
    async *stream() {},
  };
  const controller = new AbortController();
  const errors: ArgoError[] = [];
  const result = await runBacktest(
    {
      symbols: ["A"], interval: "1d", marketData, trading: createPaperVenue(NO_COSTS), logger: silentLogger, venueCallTimeoutMs: 5,
      strategy: strategy({ onBar: () => void controller.abort(new Error("SIGINT")) }),
    },
    { onError: (error) => void errors.push(error) },
    controller.signal,
  );
  // The one bar (day 0) was seen before the stop; the read after it hung.
  expect([result.status, result.bars, Array.from(result.equity.times)]).toEqual(["aborted", 1, [T0]]);
  expect(errors.map((e) => e.code)).toEqual(["CONNECTION_LOST"]);
});
