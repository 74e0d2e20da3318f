import type { Bar } from "@argo/core";
import { createPaperVenue, type PaperConfigInput } from "@argo/provider-paper";
import type { EngineCallbacks } from "../engine/callbacks.ts";
import { silentLogger } from "../strategy/logger.ts";
import type { StrategyContext } from "../strategy/strategy-context.ts";
import { testStrategy } from "../test-fixtures/run-engine.ts";
import type { BacktestOptions } from "./backtest-options.ts";
import type { BacktestResult } from "./backtest-result.ts";
import { InMemoryMarketData } from "./in-memory-market-data.ts";
import { runBacktest } from "./run-backtest.ts";

/** One day in ms, and the Monday the test bars start on. */
export const DAY = 86_400_000;
export const T0 = Date.UTC(2024, 0, 1);

/** A daily bar `day` days after T0. */
export function bar(symbol: string, day: number, open: number, high: number, low: number, close: number, volume = 1_000_000): Bar {
  return { symbol, interval: "1d", openTime: T0 + day * DAY, open, high, low, close, volume };
}

/** Bars of one symbol from [open, high, low, close] rows, one per day from T0. */
export function bars(symbol: string, rows: ReadonlyArray<readonly [number, number, number, number]>): Bar[] {
  return rows.map(([o, h, l, c], day) => bar(symbol, day, o, h, l, c));
}

/** A strategy with an empty config made of just the callbacks a test needs (the live engine tests' helper). */
export { testStrategy as strategy } from "../test-fixtures/run-engine.ts";

/** Paper venue config without costs: 10,000 cash, whole units, shorting allowed. */
export const NO_COSTS: PaperConfigInput = {
  initialCapital: 10_000, allowShorting: true, commission: { makerRate: 0, takerRate: 0 }, defaultRules: { stepSize: 1 },
};

/** Backtests `strategy` over in-memory `bars` on a paper venue with `venue` config (merged over NO_COSTS). */
export function backtest(
  input: Bar[],
  strat: BacktestOptions["strategy"],
  options: { venue?: PaperConfigInput; engine?: Partial<BacktestOptions>; callbacks?: EngineCallbacks; signal?: AbortSignal } = {},
): Promise<BacktestResult> {
  const symbols = [...new Set(input.map((b) => b.symbol))];
  return runBacktest(
    {
      symbols, interval: "1d", marketData: new InMemoryMarketData(input), trading: createPaperVenue({ ...NO_COSTS, ...options.venue }),
      strategy: strat, logger: silentLogger, ...options.engine,
    },
    options.callbacks,
    options.signal,
  );
}

/** A strategy that calls `act` on every bar with the bar's index (bars of its symbol seen so far − 1). */
export function onBarAt(act: (index: number, bar: Bar, ctx: StrategyContext<unknown>) => unknown, name?: string) {
  return testStrategy({ onBar: async (b, ctx) => void (await act(ctx.history().length - 1, b, ctx)) }, name);
}
