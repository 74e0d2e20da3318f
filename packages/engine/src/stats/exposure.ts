import { barIndexFrom } from "./bar-index.ts";
import type { ClosedTrade } from "./types.ts";

/**
 * Share of bars, in percent, during which at least one trade was open, counting both the entry and
 * the exit bar (backtesting.py's "Exposure Time [%]", measured in bars, not in clock time).
 */
export function exposureTimePct(times: ArrayLike<number>, trades: readonly ClosedTrade[]): number {
  const n = times.length;
  if (n === 0) return 0;
  // Difference array: O(bars + trades) even when trades overlap.
  const delta = new Int32Array(n + 1);
  // Trades come in order of exit, so each search starts from the previous answer.
  let entryAt = 0;
  let exitAt = 0;
  for (const trade of trades) {
    entryAt = barIndexFrom(times, trade.entryTime, entryAt);
    exitAt = barIndexFrom(times, trade.exitTime, exitAt);
    delta[entryAt]! += 1;
    delta[exitAt + 1]! -= 1;
  }
  let open = 0;
  let exposed = 0;
  for (let i = 0; i < n; i++) {
    open += delta[i]!;
    if (open > 0) exposed++;
  }
  return (exposed / n) * 100;
}
