import type { Trade, TradeFilter } from "@argo/core";

/**
 * The venue's trade history, kept in time order as trades are added, so a read of the newest few (`/trades?limit=1`,
 * `ctx.trades({ limit })`) costs what it returns, not the whole history: a session of months holds hundreds of thousands.
 * Executions of one time stay in the order they happened. With several symbols, execution order is not always time
 * order (one symbol's bar may trade at its close before the next symbol's bar trades at its open: a stop-loss leg), but
 * only within a time step: an out-of-order trade goes back past the few of its step, never further.
 */
export function addTrade(trades: Trade[], trade: Trade): void {
  let at = trades.length;
  while (at > 0 && trades[at - 1]!.time > trade.time) at--;
  if (at === trades.length) trades.push(trade);
  else trades.splice(at, 0, trade);
}

/**
 * Trades matching the filter, oldest first; `limit` keeps the newest ones, found from the newest end (or from `to`): a
 * read costs what it returns and the trades its symbol or strategy filter skips on the way, not the history's length.
 */
export function tradesMatching(trades: readonly Trade[], filter: TradeFilter = {}): Trade[] {
  const { symbol, from, to, strategyName, limit } = filter;
  const matches = (t: Trade) => (symbol === undefined || t.symbol === symbol) && (strategyName === undefined || t.strategyName === strategyName);
  // The newest first, back to `from` or until `limit` are found: the rest of the history is never looked at.
  const out: Trade[] = [];
  const wanted = limit !== undefined && limit >= 0 ? limit : Number.POSITIVE_INFINITY;
  // Paging back with `to` starts where it says, found by halving: not by walking past every later trade.
  for (let i = (to === undefined ? trades.length : firstAtOrAfter(trades, to)) - 1; i >= 0 && out.length < wanted; i--) {
    const t = trades[i]!;
    if (from !== undefined && t.time < from) break;
    if (matches(t)) out.push(t);
  }
  return out.reverse();
}

/** The index of the first trade at or after `time` (trades.length when none): the history is in time order. */
function firstAtOrAfter(trades: readonly Trade[], time: number): number {
  let lo = 0;
  let hi = trades.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (trades[mid]!.time < time) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
