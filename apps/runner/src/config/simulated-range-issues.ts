import { BarCloser, type ConfigIssue, fixedIntervalMs } from "@argo/core";
import { utcDay } from "./calendar-day.ts";

/** What the simulated provider generates: `bars` bars of the session's interval from `startTime` (see its config). */
export interface SimulatedBars {
  startTime: number;
  bars: number;
}

/** A backtest's range as written: `from` inclusive, `to` exclusive, both `YYYY-MM-DD` UTC days, either left open. */
export interface BacktestRange {
  from?: string | undefined;
  to?: string | undefined;
}

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * The issue at `backtest` when none of the simulated provider's bars (at the session's `interval`) opens inside the
 * backtest's range: validate passed such a config, then the backtest stopped with "no bars" (exit 1). Named with the
 * provider's start, bars and interval, the first and last bar they make, and the range. Undefined when a bar falls in it
 * or the range is open at both ends.
 */
export function simulatedRangeIssues(simulated: SimulatedBars, interval: string, range: BacktestRange): ConfigIssue[] {
  if (range.from === undefined && range.to === undefined) return [];
  const from = range.from === undefined ? Number.NEGATIVE_INFINITY : utcDay(range.from);
  const to = range.to === undefined ? Number.POSITIVE_INFINITY : utcDay(range.to);
  const { first, last, inside } = barsAgainst(simulated, interval, from, to);
  if (inside) return [];
  const shown = `[${range.from ?? "start"}, ${range.to ?? "end"})`;
  const side = last < from ? `all before ${range.from}` : first >= to ? `all from ${range.to} on` : "none opening within it (it falls between two bars)";
  return [{
    path: "backtest",
    message: `the simulated market data's ${simulated.bars} bar${simulated.bars === 1 ? "" : "s"} of ${interval} from startTime ${iso(simulated.startTime)} `
      + `(opening ${iso(first)} to ${iso(last)}) fall outside the backtest range ${shown}, ${side}: a backtest would have no bars; `
      + "set market_data.config.startTime or bars, or backtest.from / backtest.to, so that they meet",
  }];
}

/** The first and last bar's open times, and whether one opens in [from, to). Fixed intervals by arithmetic; months stepped. */
function barsAgainst(simulated: SimulatedBars, interval: string, from: number, to: number): { first: number; last: number; inside: boolean } {
  const first = simulated.startTime;
  const ms = fixedIntervalMs(interval);
  if (ms !== undefined) {
    const last = first + (simulated.bars - 1) * ms;
    // The first bar at or after `from`, if the provider makes one.
    const k = from <= first ? 0 : Math.ceil((from - first) / ms);
    return { first, last, inside: k < simulated.bars && first + k * ms < to };
  }
  // A calendar interval (months): bars at most a few million before the latest date a run can handle.
  const closer = new BarCloser();
  let open = first;
  let inside = false;
  for (let i = 0; i < simulated.bars; i++) {
    if (i > 0) open = closer.closeTime(open, interval);
    if (open >= from && open < to) {
      inside = true;
      break;
    }
  }
  return { first, last: open, inside };
}
