import type { ArgoError, Bar } from "@argo/core";
import { MarketCache } from "../cache/market-cache.ts";
import { Indicators } from "../indicators/indicators.ts";

/** A strategy's failure as the indicators report it: the error and the bar it happened on. */
export interface ReportedFailure {
  error: ArgoError;
  bar: Bar | undefined;
}

/**
 * Indicators over a cache of their own, fed bar by bar as the pipeline feeds them (the bar into its series, then the
 * update). Failures the indicators report are collected, or thrown when `throwFailures` (a test that expects none).
 */
export function indicatorHarness(throwFailures = false, cacheSize = 100) {
  const cache = new MarketCache(cacheSize);
  const reported: ReportedFailure[] = [];
  const host = {
    cache,
    defaultSlot: -1,
    strategyName: "my-strategy",
    runner: {
      report: (error: ArgoError, bar: Bar | undefined) => {
        if (throwFailures) throw error;
        reported.push({ error, bar });
      },
    },
  };
  const indicators = new Indicators(host);
  const feed = (bar: Bar) => {
    const slot = cache.slotOf(bar.symbol);
    cache.series[slot]!.push(bar);
    host.defaultSlot = slot;
    indicators.update(slot, bar);
  };
  return { indicators, feed, reported, cache, host };
}
