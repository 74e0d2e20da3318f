import type { ProviderSession } from "@argo/core";
import { utcDay } from "./calendar-day.ts";

/** A backtest's range as written: `from` inclusive, `to` exclusive, both `YYYY-MM-DD` UTC days, either left open. */
export interface BacktestDays {
  from?: string | undefined;
  to?: string | undefined;
}

/** The range a backtest replays, as a provider's session check takes it (epoch ms); undefined when open at both ends. */
export function backtestRange(days: BacktestDays): ProviderSession["range"] {
  if (days.from === undefined && days.to === undefined) return undefined;
  return {
    from: days.from === undefined ? Number.NEGATIVE_INFINITY : utcDay(days.from),
    to: days.to === undefined ? Number.POSITIVE_INFINITY : utcDay(days.to),
  };
}
