// Config mistakes and bad data give clear errors naming what is wrong; onEngineStop always hears of them.
import { describe, expect, test } from "bun:test";
import { type ArgoError, type Bar, isArgoError, type MarketDataProvider, type TradingProvider } from "@argo/core";
import { createPaperVenue } from "@argo/provider-paper";
import { silentLogger } from "../strategy/logger.ts";
import type { BacktestOptions } from "./backtest-options.ts";
import { BacktestEngine } from "./backtest-engine.ts";
import { bars, DAY, NO_COSTS, strategy, T0 } from "./backtest.test-helper.ts";
import { InMemoryMarketData } from "./in-memory-market-data.ts";

const rows = bars("XYZ", [[100, 100, 100, 100], [101, 101, 101, 101], [102, 102, 102, 102], [103, 103, 103, 103]]);

function options(over: Partial<BacktestOptions> = {}): BacktestOptions {
  return {
    symbols: ["XYZ"], interval: "1d", marketData: new InMemoryMarketData(rows), trading: createPaperVenue(NO_COSTS),
    strategy: strategy({ onBar() {} }), logger: silentLogger, ...over,
  };
}

async function failure(over: Partial<BacktestOptions>): Promise<{ error: ArgoError; stopped: unknown[] }> {
  const stopped: unknown[] = [];
  try {
    await new BacktestEngine(options(over)).run(undefined, { onEngineStop: (error) => void stopped.push(error) });
  } catch (error) {
    if (!isArgoError(error)) throw error;
    return { error, stopped };
  }
  throw new Error("the backtest did not fail");
}

describe("configuration errors name the field", () => {
  test.each([
    [{ closeAtEnd: "sometimes" as never }, "closeAtEnd"],
    [{ from: T0 + 2 * DAY, to: T0 + DAY }, "to"],
    [{ benchmarkSymbol: "ABC" }, "benchmarkSymbol"],
    [{ warmupBars: -1 }, "warmupBars"],
    [{ riskFreeRate: 2 }, "riskFreeRate"],
    [{ symbols: undefined as never }, "symbols"],
    [{ symbols: [] }, "symbols"],
    [{ symbols: "XYZ" as never }, "symbols"],
    [{ symbols: ["XYZ", "XYZ"] }, "symbols: must not name a symbol twice"],
  ])("%p → INVALID_CONFIGURATION naming %s, reported to onEngineStop", async (over, field) => {
    const { error, stopped } = await failure(over);
    expect(error.code).toBe("INVALID_CONFIGURATION");
    expect(error.message).toContain(field);
    expect(stopped).toEqual([error]);
  });

  test("a trading provider that is not a simulated venue is refused before anything is connected", async () => {
    let connected = false;
    // A whole broker (every method of the contract), just not one that simulates fills from bars.
    const methods = ["disconnect", "connectionState", "placeOrder", "placeOrders", "cancelOrder", "cancelAllOrders", "getOrder", "getOpenOrders",
      "getPositions", "getPosition", "getAccount", "getTrades", "getMaxBuyQuantity", "getMaxSellQuantity", "on"];
    const broker = Object.fromEntries([["name", "real-broker"], ["connect", async () => void (connected = true)], ...methods.map((m) => [m, async () => undefined])]) as unknown as TradingProvider;
    const { error, stopped } = await failure({ trading: broker });
    expect(error.code).toBe("INVALID_CONFIGURATION");
    expect(error.message).toContain('trading: provider "real-broker" is not a simulated venue');
    expect(connected).toBe(false);
    expect(stopped).toEqual([error]);
  });
});

describe("data", () => {
  test("from/to select the bars with from <= openTime < to", async () => {
    const result = await new BacktestEngine(options({ from: T0 + DAY, to: T0 + 3 * DAY })).run();
    expect(result.bars).toBe(2);
    expect(Array.from(result.equity.times)).toEqual([T0 + DAY, T0 + 2 * DAY]);
  });

  test("a range without bars is INVALID_DATA naming the symbols and the range", async () => {
    const { error, stopped } = await failure({ from: T0 + 10 * DAY });
    expect(error.code).toBe("INVALID_DATA");
    expect(error.message).toContain("no bars for XYZ at 1d");
    expect(stopped).toEqual([error]);
  });

  test("a history out of time order is INVALID_DATA, never silently skipped", async () => {
    const shuffled: MarketDataProvider = {
      name: "shuffled",
      stream: () => (async function* () {})(),
      async *history(): AsyncGenerator<Bar> {
        yield rows[0]!;
        yield rows[2]!;
        yield rows[1]!;
      },
    };
    const { error } = await failure({ marketData: shuffled });
    expect(error.code).toBe("INVALID_DATA");
    expect(error.message).toContain("history of XYZ is not in time order");
  });

  test("an invalid candle (close above the high) is INVALID_DATA naming the symbol and time, not a bar the venue skips", async () => {
    const broken = [...rows.slice(0, 2), { ...rows[2]!, close: 150 }, rows[3]!];
    const { error } = await failure({ marketData: new InMemoryMarketData(broken) });
    expect(error.code).toBe("INVALID_DATA");
    expect(error.message).toContain("history of XYZ has an invalid bar at 2024-01-03T00:00:00.000Z: open");
  });

  test("an infinite or NaN volume is INVALID_DATA too: the journal and the venue's volume caps cannot hold it", async () => {
    for (const volume of [Number.POSITIVE_INFINITY, Number.NaN]) {
      const broken = [...rows.slice(0, 2), { ...rows[2]!, volume }, rows[3]!];
      const { error } = await failure({ marketData: new InMemoryMarketData(broken) });
      expect([error.code, error.message]).toEqual(["INVALID_DATA", expect.stringContaining("history of XYZ has an invalid bar at 2024-01-03T00:00:00.000Z: open") as unknown as string]);
    }
  });

  test("a strategy config that does not validate names strategy.config.<field>", async () => {
    const { error } = await failure({ strategy: `${import.meta.dir}/../../../../examples/strategies/sma-cross.ts`, strategyConfig: { fast: 30, slow: 10 } });
    expect(error.code).toBe("INVALID_CONFIGURATION");
    expect(error.message).toContain("strategy.config.slow");
  });
});
