import { BarCloser, type ConfigIssue, fixedIntervalMs } from "@argo/core";
import { type BacktestRange, missedSide, rangeText } from "../shared/backtest-range.ts";

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * The issue at `startTime` when none of the simulated bars (`bars` of the session's `interval` from `startTime`) opens
 * inside the backtest's range: validate would pass such a config, then the backtest stop with "no bars". Named with the
 * start, bars and interval, the first and last bar they make, and the range. Undefined when a bar falls in it.
 */
export function simulatedBacktestRangeIssue(config: { startTime: number; bars: number }, interval: string, range: BacktestRange): ConfigIssue | undefined {
  const { first, last, inside } = barsAgainst(config, interval, range);
  if (inside) return undefined;
  return {
    path: "startTime",
    message: `the simulated market data's ${config.bars} bar${config.bars === 1 ? "" : "s"} of ${interval} from startTime ${iso(config.startTime)} `
      + `(opening ${iso(first)} to ${iso(last)}) fall outside the backtest range ${rangeText(range)}, ${missedSide(first, last, range)}: a backtest would have no bars; `
      + "set market_data.config.startTime or bars, or backtest.from / backtest.to (argo backtest --from / --to), so that they meet",
  };
}

/** The first and last bar's open times, and whether one opens in [from, to). Fixed intervals by arithmetic; months stepped. */
function barsAgainst(config: { startTime: number; bars: number }, interval: string, { from, to }: BacktestRange): { first: number; last: number; inside: boolean } {
  const first = config.startTime;
  const ms = fixedIntervalMs(interval);
  if (ms !== undefined) {
    const last = first + (config.bars - 1) * ms;
    // The first bar at or after `from`, if the provider makes one.
    const k = from <= first ? 0 : Math.ceil((from - first) / ms);
    return { first, last, inside: k < config.bars && first + k * ms < to };
  }
  // A calendar interval (months): bars at most a few million before the latest date a run can handle.
  const closer = new BarCloser();
  let open = first;
  let inside = false;
  for (let i = 0; i < config.bars; i++) {
    if (i > 0) open = closer.closeTime(open, interval);
    if (open >= from && open < to) {
      inside = true;
      break;
    }
  }
  return { first, last: open, inside };
}
