import type { EngineCallbacks } from "../engine/callbacks.ts";
import type { BacktestOptions } from "./backtest-options.ts";
import type { BacktestResult } from "./backtest-result.ts";
import { BacktestEngine } from "./backtest-engine.ts";

/** Runs one backtest: `new BacktestEngine(options).run(signal, callbacks)`. */
export function runBacktest(options: BacktestOptions, callbacks: EngineCallbacks = {}, signal?: AbortSignal): Promise<BacktestResult> {
  return new BacktestEngine(options).run(signal, callbacks);
}
