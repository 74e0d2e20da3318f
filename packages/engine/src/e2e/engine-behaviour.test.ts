// End-to-end after seed 003 §7.4: engine behaviour on `simulated` data with the `paper` venue.
import { afterAll, describe, expect, test } from "bun:test";
import type { ArgoError, Bar, Fill, Order } from "@argo/core";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { OrderRejection } from "../engine/callbacks.ts";
import type { TradingStateChange } from "../risk/trading-state.ts";
import { paperVenue, runSimulated } from "../test-fixtures/e2e.ts";
import { testStrategy } from "../test-fixtures/run-engine.ts";

const root = mkdtempSync(join(tmpdir(), "argo-e2e-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const repoRoot = join(import.meta.dir, "../../../..");
const sim = { initialPrice: 100, seed: 7, pattern: "random_walk", volatility: 0.01 };

describe("engine behaviour (simulated + paper)", () => {
  test("two symbols of 50 bars each are all processed", async () => {
    const counts: Record<string, number> = {};
    const run = await runSimulated({
      simulated: { ...sim, bars: 50 },
      symbols: ["BTCUSDT", "ETHUSDT"],
      venue: await paperVenue(),
      strategy: testStrategy({ onBar: (bar) => void (counts[bar.symbol] = (counts[bar.symbol] ?? 0) + 1) }),
    });
    expect(counts).toEqual({ BTCUSDT: 50, ETHUSDT: 50 });
    expect(run.result?.counters.bars).toBe(100);
  });

  test("a stream error after 50 bars reaches onError with its message", async () => {
    let bars = 0;
    let atError = -1;
    const run = await runSimulated({
      simulated: { ...sim, bars: 100, errorAfterBars: 50 },
      venue: await paperVenue(),
      strategy: testStrategy({}),
      callbacks: { onMarketData: () => void bars++, onError: () => void (atError = bars) },
    });
    const errors = run.named("onError").map(([e]) => e as ArgoError);
    expect(errors).toHaveLength(1);
    expect(errors[0]!.code).toBe("STREAM_DISCONNECTED");
    expect(errors[0]!.message.length).toBeGreaterThan(0);
    expect(atError).toBe(50);
    expect(run.result?.counters).toMatchObject({ bars: 100, streamErrors: 1 });
  });

  test("aborting after 100 of 1000 bars returns the abort reason and onEngineStop fires", async () => {
    const controller = new AbortController();
    let n = 0;
    const run = await runSimulated({
      simulated: { ...sim, bars: 1000 },
      venue: await paperVenue(),
      strategy: testStrategy({}),
      signal: controller.signal,
      callbacks: { onMarketData: () => void (++n === 100 && controller.abort(new Error("shutdown requested"))) },
    });
    expect(run.result?.status).toBe("aborted");
    expect((run.result?.abortReason as Error).message).toBe("shutdown requested");
    expect(run.result?.counters.bars).toBe(100);
    expect(run.named("onEngineStop")).toEqual([[undefined]]);
  });

  test("a strategy that throws on every tenth bar keeps running and onStrategyError sees each throw", async () => {
    let n = 0;
    const run = await runSimulated({
      simulated: { ...sim, bars: 200 },
      venue: await paperVenue(),
      strategy: testStrategy({
        onBar() {
          if (++n % 10 === 0) throw new Error(`throw ${n}`);
        },
      }),
    });
    expect(n).toBe(200);
    const errors = run.named("onStrategyError");
    expect(errors.map(([e]) => (e as Error).message.replace(/.*: /, ""))).toEqual(Array.from({ length: 20 }, (_, i) => `throw ${(i + 1) * 10}`));
  });

  test("sma-cross loaded from its file: one onOrderPlaced per order and one onOrderFilled per fill, matching the venue; entries on crosses only", async () => {
    const venue = await paperVenue({ allowShorting: true, commission: { makerRate: 0, takerRate: 0 } });
    const bars: Bar[] = [];
    const run = await runSimulated({
      simulated: { ...sim, bars: 400 },
      venue,
      strategy: "./examples/strategies/sma-cross.ts",
      engine: { baseDir: repoRoot, strategyConfig: { fast: 5, slow: 20, sizing: { quantity: 10 } } },
      callbacks: { onMarketData: (bar) => void bars.push(bar) },
    });
    expect(run.error).toBeUndefined();
    const placed = run.named("onOrderPlaced").map(([o]) => o as Order);
    const filled = run.named("onOrderFilled").map(([f]) => f as Fill);
    const trades = await venue.getTrades();
    expect(placed.length).toBeGreaterThan(4);
    expect(new Set(placed.map((o) => o.clientOrderId)).size).toBe(placed.length);
    expect(filled.map((f) => f.id)).toEqual(trades.map((t) => t.id));
    for (const order of placed) expect((await venue.getOrder(order.clientOrderId)).clientOrderId).toBe(order.clientOrderId);

    // Crosses computed here from the closes, independently of the engine's indicators.
    const closes = bars.map((b) => b.close);
    const sma = (n: number, t: number) => (t < n - 1 ? Number.NaN : closes.slice(t - n + 1, t + 1).reduce((a, b) => a + b, 0) / n);
    const crosses: Array<{ time: number; side: "BUY" | "SELL" }> = [];
    for (let t = 20; t < closes.length; t++) {
      const [pf, ps, f, s] = [sma(5, t - 1), sma(20, t - 1), sma(5, t), sma(20, t)];
      if (pf < ps && f > s) crosses.push({ time: bars[t]!.openTime + 60_000, side: "BUY" });
      if (pf > ps && f < s) crosses.push({ time: bars[t]!.openTime + 60_000, side: "SELL" });
    }
    // At a cross the strategy closes first (when it holds a position), then enters: the last order of each bar is the entry.
    const entries = [...new Map(placed.map((o) => [o.createdAt, o])).values()];
    expect(crosses.length).toBeGreaterThan(4);
    expect(entries.map((o) => ({ time: o.createdAt, side: o.side }))).toEqual(crosses);
  });

  test("a restarted session warms its cache from the previous session's file", async () => {
    const sessionDir = join(root, "restart");
    await runSimulated({ simulated: { ...sim, bars: 50 }, venue: await paperVenue(), strategy: testStrategy({}), engine: { sessionDir } });
    let warm = 0;
    const run = await runSimulated({
      simulated: { ...sim, bars: 80 },
      venue: await paperVenue(),
      engine: { sessionDir },
      strategy: testStrategy({ init: (ctx) => void (warm = ctx.history("BTCUSDT").length) }),
    });
    expect(run.named("onEngineStart")).toEqual([[["BTCUSDT"], "1m", join(sessionDir, "journal.sqlite")]]);
    expect(warm).toBe(50);
    // The simulated feed was told what the session holds and skipped those 50 bars itself: none arrive stale.
    expect(run.result?.counters).toMatchObject({ bars: 30, staleBars: 0 });
  });
});

describe("risk with the paper venue", () => {
  test("drawdown REDUCING then HALTED; rejections reported with their codes", async () => {
    const venue = await paperVenue({ commission: { makerRate: 0, takerRate: 0 } });
    const outcomes: string[] = [];
    const run = await runSimulated({
      simulated: { ...sim, pattern: "decreasing", trendStrength: 0.8, bars: 150 },
      venue,
      engine: { risk: { maxDrawdown: 0.05, haltDrawdown: 0.08, maxPositionNotional: 9_800 } },
      strategy: testStrategy({
        async onBar(_bar, ctx) {
          if (ctx.history().length === 1) {
            outcomes.push((await ctx.placeOrder({ side: "BUY", quantity: 99 })).status); // 9,900 > 9,800
            outcomes.push((await ctx.placeOrder({ side: "BUY", quantity: 95 })).status);
          }
          if (ctx.tradingState === "REDUCING" && outcomes.length === 2) {
            const buy = await ctx.placeOrder({ side: "BUY", quantity: 1 });
            const sell = await ctx.placeOrder({ side: "SELL", quantity: 1 });
            outcomes.push(`${ctx.tradingState}:${buy.status === "rejected" ? buy.code : buy.status}/${sell.status === "rejected" ? sell.code : sell.status}`);
          }
          if (ctx.tradingState === "HALTED" && outcomes.length === 3) {
            const sell = await ctx.placeOrder({ side: "SELL", quantity: 1 });
            outcomes.push(`HALTED:${sell.status === "rejected" ? sell.code : sell.status}`);
          }
        },
      }),
    });
    const changes = run.named("onTradingStateChange").map(([c]) => c as TradingStateChange);
    expect(changes.map((c) => `${c.from}>${c.to}`)).toEqual(["ACTIVE>REDUCING", "REDUCING>HALTED"]);
    expect(outcomes).toEqual(["rejected", "placed", "REDUCING:RISK_REJECTED/placed", "HALTED:TRADING_HALTED"]);
    const rejections = run.named("onOrderRejected").map(([r]) => (r as OrderRejection).code);
    expect(rejections).toEqual(["RISK_REJECTED", "RISK_REJECTED", "TRADING_HALTED"]);
  });

  test("the circuit breaker halts after 5 consecutive provider errors (venue disconnected under the engine)", async () => {
    const venue = await paperVenue();
    const codes: string[] = [];
    let n = 0;
    const run = await runSimulated({
      simulated: { ...sim, bars: 20 },
      venue,
      callbacks: { onMarketData: () => void (++n === 5 && venue.disconnect()) },
      strategy: testStrategy({
        async onBar(_bar, ctx) {
          if (n < 5) return;
          const result = await ctx.placeOrder({ side: "BUY", quantity: 1 });
          codes.push(result.status === "rejected" ? result.code : result.status);
        },
      }),
    });
    expect(codes.slice(0, 6)).toEqual([...Array(5).fill("PROVIDER_NOT_CONNECTED"), "TRADING_HALTED"]);
    const changes = run.named("onTradingStateChange").map(([c]) => c as TradingStateChange);
    expect(changes).toHaveLength(1);
    expect(changes[0]!.reason).toContain("5 consecutive");
  });
});
