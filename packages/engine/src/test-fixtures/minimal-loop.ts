import { RollingSma } from "../indicators/rolling-sma.ts";
import type { ClosedTrade } from "../stats/types.ts";
import type { HandLoopBar, SmaCrossLoopResult } from "./hand-loop.ts";
import { pythonFloorDiv } from "./python-floor-div.ts";

// backtesting.py's "all in" order size, as in the reference loop.
const FULL_EQUITY = 1 - Number.EPSILON;

/** The minimal loop's curve as typed arrays (statistics read any array-like) and its closed trades. */
export interface MinimalLoopResult extends Pick<SmaCrossLoopResult, "trades" | "warmupBars"> {
  times: Float64Array;
  equity: Float64Array;
  closes: Float64Array;
}

/**
 * The least code that runs the benchmark's SMA-cross backtest: the reference loop's broker rules
 * (orders fill at the next open, all in whole units, no commission, the open trade closed at the last
 * bar's open) over typed arrays, one position and no order objects, with O(1) moving averages. It is
 * the benchmark's floor: what the hardware does for this backtest with no engine at all. It must give
 * the reference loop's trades and equity (tests and every bench round check it); it does not model
 * running out of money and throws there instead, so it can never silently diverge. Benchmark code only.
 */
export function runMinimalSmaCrossLoop(bars: readonly HandLoopBar[], fast = 10, slow = 30, startCash = 10_000): MinimalLoopResult {
  const n = bars.length;
  const times = new Float64Array(n);
  const closes = new Float64Array(n);
  const equity = new Float64Array(n).fill(startCash);
  const trades: ClosedTrade[] = [];
  const fastSma = new RollingSma(fast);
  const slowSma = new RollingSma(slow);
  const warmupBars = Math.max(fast, slow) - 1;
  let cash = startCash;
  let size = 0;
  let entryPrice = 0;
  let entryTime = 0;
  let pending = 0; // direction of the entry to make at the next open (its close of `size` goes first)
  let previousFast = Number.NaN;
  let previousSlow = Number.NaN;

  const close = (price: number, time: number) => {
    cash += size * (price - entryPrice);
    trades.push({
      size, entryTime, exitTime: time, entryPrice, exitPrice: price, pnl: size * (price - entryPrice),
      returnPct: Math.sign(size) * (price / entryPrice - 1) * 100, fees: 0, duration: time - entryTime,
    });
    size = 0;
  };

  /** The broker step at bar i's open: the pending cross closes the position and goes all in the other way. */
  const fill = (bar: HandLoopBar) => {
    if (size !== 0) close(bar.open, bar.openTime);
    const quantity = pythonFloorDiv(Math.max(0, cash) * FULL_EQUITY, bar.open);
    if (quantity > 0) {
      size = pending * quantity;
      entryPrice = bar.open;
      entryTime = bar.openTime;
    }
    pending = 0;
  };

  for (let i = 0; i < n; i++) {
    const bar = bars[i]!;
    times[i] = bar.openTime;
    closes[i] = bar.close;
    const f = fastSma.add(bar.close) ?? Number.NaN;
    const s = slowSma.add(bar.close) ?? Number.NaN;
    if (i > warmupBars) {
      if (pending !== 0) fill(bar);
      equity[i] = cash + size * (bar.close - entryPrice);
      if (!(equity[i]! > 0)) throw new Error(`the minimal loop does not model running out of money (bar ${i})`);
      if (previousFast < previousSlow && f > s) pending = 1;
      else if (previousSlow < previousFast && s > f) pending = -1;
    }
    previousFast = f;
    previousSlow = s;
  }
  // The final pass over the last bar: close what is open at its open, then make an entry its cross asked for (it stays open).
  const last = bars[n - 1];
  if (last !== undefined && n - 1 > warmupBars) {
    if (size !== 0) close(last.open, last.openTime);
    if (pending !== 0) fill(last);
    equity[n - 1] = cash + size * (last.close - entryPrice);
  }
  return { times, equity, closes, trades, warmupBars };
}
