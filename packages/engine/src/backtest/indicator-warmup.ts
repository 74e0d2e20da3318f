import type { Indicators } from "../indicators/indicators.ts";

/**
 * Bars the strategy's slowest indicator needs before it has a value, minus one: the index of the
 * first bar the strategy can act on (backtesting.py starts buy & hold there). 0 without indicators.
 */
export function indicatorWarmup(indicators: Indicators): number {
  const required = indicators.requiredBars;
  return required > 0 ? required - 1 : 0;
}
