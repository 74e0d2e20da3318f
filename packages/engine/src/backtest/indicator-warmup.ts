import type { Indicators } from "../indicators/indicators.ts";

/**
 * Bars the strategy's slowest indicator needs before it has a value, minus one: the index of the
 * first bar the strategy can act on (backtesting.py starts buy & hold there). 0 without indicators.
 */
export function indicatorWarmup(indicators: Indicators): number {
  // Indicators keeps its handle list private; this narrow read stands in for a public accessor.
  const handles = (indicators as unknown as { handles?: ReadonlyArray<{ requiredInputs?: unknown }> }).handles ?? [];
  let required = 0;
  for (const handle of handles) {
    const n = handle.requiredInputs;
    if (typeof n === "number" && n > required) required = n;
  }
  return required > 0 ? required - 1 : 0;
}
