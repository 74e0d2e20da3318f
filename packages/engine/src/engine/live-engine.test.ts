import { describe, expect, test } from "bun:test";
import { type ArgoError, type Bar, isArgoError, type MarketDataProvider } from "@argo/core";
import * as v from "valibot";
import { defineStrategy } from "../strategy/define-strategy.ts";
import { silentLogger } from "../strategy/logger.ts";
import { barsFromCloses, randomCloses } from "../test-fixtures/bars.ts";
import { FakeMarketData } from "../test-fixtures/fake-market-data.ts";
import { FakeVenue } from "../test-fixtures/fake-venue.ts";
import { LiveEngine } from "./live-engine.ts";
import { runEngine, testStrategy } from "../test-fixtures/run-engine.ts";

const bars100 = barsFromCloses("BTC", randomCloses(100, 7, 50_000));

describe("live engine lifecycle (fakes)", () => {
  test("start, every bar in order, stop: callbacks and result", async () => {
    const seen: Bar[] = [];
    const stops: number[] = [];
    const run = await runEngine({ bars: bars100, strategy: testStrategy({ onBar: (bar) => void seen.push(bar), onStop: () => void stops.push(seen.length) }) });
    expect(stops).toEqual([100]);
    expect(run.error).toBeUndefined();
    expect(run.named("onEngineStart")).toEqual([[["BTC"], "1m", undefined]]);
    expect(run.named("onEngineStop")).toEqual([[undefined]]);
    expect(run.calls[0]![0]).toBe("onEngineStart");
    expect(run.calls.at(-1)![0]).toBe("onEngineStop");
    expect(run.named("onMarketData").map(([bar]) => bar)).toEqual(bars100);
    expect(seen).toEqual(bars100);
    expect(run.result).toMatchObject({ status: "completed", mode: "paper", tradingState: "ACTIVE", counters: { bars: 100, strategyErrors: 0 } });
  });

  test("the simulated venue sees each bar before the strategy does", async () => {
    const checks: boolean[] = [];
    const venue = new FakeVenue();
    await runEngine({
      bars: bars100,
      venue,
      strategy: testStrategy({ onBar: (bar) => void checks.push(venue.barsSeen.at(-1) === bar) }),
    });
    expect(checks.length).toBe(100);
    expect(checks.every(Boolean)).toBe(true);
  });

  test("two symbols of 50 bars each are all processed", async () => {
    const bars = [...barsFromCloses("BTC", randomCloses(50, 1, 50_000)), ...barsFromCloses("ETH", randomCloses(50, 2, 3000))];
    const perSymbol = new Map<string, number>();
    const run = await runEngine({
      bars,
      symbols: ["BTC", "ETH"],
      strategy: testStrategy({ onBar: (bar, ctx) => void perSymbol.set(bar.symbol, ctx.history().length) }),
    });
    const counts = new Map<string, number>();
    for (const [bar] of run.named("onMarketData")) counts.set((bar as Bar).symbol, (counts.get((bar as Bar).symbol) ?? 0) + 1);
    expect(Object.fromEntries(counts)).toEqual({ BTC: 50, ETH: 50 });
    expect(Object.fromEntries(perSymbol)).toEqual({ BTC: 50, ETH: 50 });
    expect(run.result?.counters.bars).toBe(100);
  });

  test("a stream error after 50 bars reaches onError with its message, and the stream goes on", async () => {
    let bars = 0;
    let barsBeforeError = -1;
    const run = await runEngine({
      bars: bars100,
      data: { errorAfter: 50, errorMessage: "simulated connection lost" },
      strategy: testStrategy({}),
      callbacks: { onMarketData: () => void bars++, onError: () => void (barsBeforeError = bars) },
    });
    const errors = run.named("onError").map(([e]) => e as ArgoError);
    expect(errors).toHaveLength(1);
    expect(errors[0]!.message).toContain("connection lost");
    expect(errors[0]!.code).toBe("STREAM_DISCONNECTED");
    expect(run.result?.counters).toMatchObject({ bars: 100, streamErrors: 1 });
    expect(barsBeforeError).toBe(50);
  });

  test("aborting after 100 of 1000 bars returns the abort reason and onEngineStop fires", async () => {
    const controller = new AbortController();
    let count = 0;
    const run = await runEngine({
      bars: barsFromCloses("BTC", randomCloses(1000, 3, 50_000)),
      strategy: testStrategy({}),
      signal: controller.signal,
      callbacks: { onMarketData: () => void (++count === 100 && controller.abort("operator stop")) },
    });
    expect(run.result?.status).toBe("aborted");
    expect(run.result?.abortReason).toBe("operator stop");
    expect(run.result?.counters.bars).toBe(100);
    expect(run.named("onEngineStop")).toEqual([[undefined]]);
  });

  test("an abort ends the run even when the provider keeps its stream waiting and ignores the signal", async () => {
    const controller = new AbortController();
    const hung: MarketDataProvider = {
      name: "hung",
      async *stream() {
        for (const bar of bars100.slice(0, 10)) yield { type: "bar" as const, bar };
        await new Promise(() => {}); // a socket that never delivers again
      },
      async *history() {},
    };
    const run = await runEngine({
      bars: [],
      symbols: ["BTC"],
      strategy: testStrategy({}),
      engine: { marketData: hung },
      signal: controller.signal,
      callbacks: { onMarketData: (bar) => void (bar === bars100[9] && setTimeout(() => controller.abort("stop now"), 0)) },
    });
    expect(run.result).toMatchObject({ status: "aborted", abortReason: "stop now", counters: { bars: 10 } });
    expect(run.named("onEngineStop")).toEqual([[undefined]]);
  });

  test("a stream that answers the abort by throwing the signal's reason (as fetch does) ends the run as aborted, not failed", async () => {
    const controller = new AbortController();
    const fetchLike: MarketDataProvider = {
      name: "fetch-like",
      async *stream(_symbols, _interval, options) {
        for (const bar of bars100) {
          await new Promise((resolve) => setTimeout(resolve, 0));
          options?.signal?.throwIfAborted();
          yield { type: "bar" as const, bar };
        }
      },
      async *history() {},
    };
    const reason = { why: "operator stop" };
    const run = await runEngine({
      bars: [],
      symbols: ["BTC"],
      strategy: testStrategy({}),
      engine: { marketData: fetchLike },
      signal: controller.signal,
      // Aborted while the engine waits for the next bar: the stream, not the engine's own check, notices it.
      callbacks: { onMarketData: (bar) => void (bar === bars100[4] && setTimeout(() => controller.abort(reason), 0)) },
    });
    expect(run.error).toBeUndefined();
    expect(run.result).toMatchObject({ status: "aborted", abortReason: reason, counters: { bars: 5 } });
    expect(run.named("onEngineStop")).toEqual([[undefined]]);
  });

  test("a strategy that throws on every tenth bar keeps running; onStrategyError sees each throw", async () => {
    let calls = 0;
    const run = await runEngine({
      bars: bars100,
      strategy: testStrategy({
        onBar(bar) {
          calls++;
          if (calls % 10 === 0) throw new Error(`bad bar ${bar.openTime}`);
        },
      }),
    });
    const errors = run.named("onStrategyError");
    expect(calls).toBe(100);
    expect(errors).toHaveLength(10);
    errors.forEach(([error, bar], i) => {
      expect((error as ArgoError).code).toBe("STRATEGY_ERROR");
      expect((bar as Bar).openTime).toBe(bars100[i * 10 + 9]!.openTime);
      expect((error as ArgoError).message).toContain(`bad bar ${bars100[i * 10 + 9]!.openTime}`);
    });
    expect(run.result?.counters.strategyErrors).toBe(10);
  });

  test("async strategies: a rejected promise is a strategy error too", async () => {
    let calls = 0;
    const run = await runEngine({
      bars: bars100.slice(0, 30),
      strategy: testStrategy({
        async onBar() {
          calls++;
          await Promise.resolve();
          if (calls % 3 === 0) throw new Error("async fail");
        },
      }),
    });
    expect(calls).toBe(30);
    expect(run.named("onStrategyError")).toHaveLength(10);
  });

  test("async strategies that settle before returning: an immediate rejection is reported once with its bar, never unhandled", async () => {
    let calls = 0;
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => void unhandled.push(reason);
    process.on("unhandledRejection", onUnhandled);
    try {
      const run = await runEngine({
        bars: bars100.slice(0, 30),
        strategy: testStrategy({
          async onBar(bar) {
            calls++;
            // No await before the throw: the promise is already rejected when onBar returns.
            if (calls % 3 === 0) throw new Error(`sync-in-async fail ${bar.openTime}`);
          },
        }),
      });
      await new Promise((resolve) => setTimeout(resolve, 0));
      expect(calls).toBe(30);
      const errors = run.named("onStrategyError");
      expect(errors).toHaveLength(10);
      errors.forEach(([error, bar], i) => {
        expect((bar as Bar).openTime).toBe(bars100[i * 3 + 2]!.openTime);
        expect((error as ArgoError).message).toContain(`sync-in-async fail ${bars100[i * 3 + 2]!.openTime}`);
      });
      expect(unhandled).toEqual([]);
    } finally {
      process.off("unhandledRejection", onUnhandled);
    }
  });

  test("an async onBar that places an order without awaiting it still has the order settled before the next bar", async () => {
    const seen: number[] = [];
    const run = await runEngine({
      bars: barsFromCloses("X", [100, 101, 102, 103, 104]),
      strategy: testStrategy({
        async onBar(_bar, ctx) {
          seen.push(ctx.positions().length);
          if (seen.length === 1) void ctx.placeOrder({ side: "BUY", quantity: 1 });
        },
      }),
    });
    expect(run.named("onOrderPlaced")).toHaveLength(1);
    expect(run.named("onOrderFilled")).toHaveLength(1);
    // Placed on bar 1, filled at bar 2's open: the strategy sees the position from bar 2 on.
    expect(seen).toEqual([0, 1, 1, 1, 1]);
  });

  test("a callback that throws is reported through onError and does not stop the engine", async () => {
    const run = await runEngine({
      bars: bars100.slice(0, 20),
      strategy: testStrategy({}),
      callbacks: {
        onMarketData: (bar) => {
          if (bar.openTime === bars100[5]!.openTime) throw new Error("dashboard down");
        },
        onEngineStart: () => Promise.reject(new Error("start hook failed")),
      },
    });
    expect(run.result?.counters.bars).toBe(20);
    const messages = run.named("onError").map(([e]) => (e as Error).message);
    expect(messages).toEqual(["callback onEngineStart failed: start hook failed", "callback onMarketData failed: dashboard down"]);
  });

  test("an invalid strategy config fails before the start, naming every bad field; onEngineStop still fires", async () => {
    const strategy = defineStrategy({
      name: "needs-config",
      description: "d",
      config: v.strictObject({ fast: v.number(), slow: v.number() }),
      onBar() {},
    });
    const run = await runEngine({ bars: bars100, strategy, engine: { strategyConfig: { fast: "x" } } });
    expect(isArgoError(run.error, "INVALID_CONFIGURATION")).toBe(true);
    expect((run.error as Error).message).toContain("strategy.config.fast");
    expect((run.error as Error).message).toContain("strategy.config.slow");
    expect(run.named("onEngineStart")).toHaveLength(0);
    expect(run.named("onEngineStop")).toEqual([[run.error]]);
  });

  test("bad engine settings and risk config are named too", async () => {
    const run = await runEngine({ bars: bars100, strategy: testStrategy({}), symbols: [], engine: { interval: "soon", risk: { maxDrawdown: -1 } } });
    expect(isArgoError(run.error, "INVALID_CONFIGURATION")).toBe(true);
    for (const path of ["symbols", "interval", "risk.maxDrawdown"]) expect((run.error as Error).message).toContain(path);
  });

  test("a failing init is fatal (STRATEGY_INIT_FAILED), a stream that throws is fatal; both still stop cleanly", async () => {
    let stopped = false;
    const init = await runEngine({
      bars: bars100,
      strategy: testStrategy({ init: () => { throw new Error("no warmup"); }, onStop: () => void (stopped = true) }),
    });
    expect(stopped).toBe(false);
    expect(isArgoError(init.error, "STRATEGY_INIT_FAILED")).toBe(true);
    expect(init.named("onEngineStop")).toEqual([[init.error]]);
    const stream = await runEngine({ bars: bars100, data: { throwAfter: 10 }, strategy: testStrategy({}) });
    // Named by its provider (a stream's bare "socket hang up" said nothing of where), the provider's text kept.
    expect((stream.error as Error).message).toBe("the fake-data market data stream failed: feed exploded");
    expect(isArgoError(stream.error, "STREAM_DISCONNECTED")).toBe(true);
    expect(stream.named("onMarketData")).toHaveLength(10);
    expect(stream.named("onEngineStop")).toEqual([[stream.error]]);
  });

  test("recentBars gives the newest cached bars of a symbol, oldest first, at most the cache holds", async () => {
    const bars = bars100.slice(0, 8);
    const engine = new LiveEngine({
      symbols: ["BTC"], interval: "1m", cacheSize: 5, marketData: new FakeMarketData(bars), trading: new FakeVenue(), strategy: testStrategy({}), logger: silentLogger,
    });
    expect(engine.recentBars("BTC", 3)).toEqual([]); // nothing cached before the run
    await engine.run();
    expect(engine.recentBars("BTC", 3)).toEqual(bars.slice(5, 8));
    expect(engine.recentBars("BTC", 100)).toEqual(bars.slice(3, 8)); // the cache keeps 5
    expect(engine.recentBars("BTC", 0)).toEqual([]);
    expect(engine.recentBars("ETH", 3)).toEqual([]);
  });
});
