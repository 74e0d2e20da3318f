import type { Trade, TradeFilter } from "@argo/core";

/** The most trades one page holds when a single time holds more than `limit` of them. */
export const MOST_AT_ONE_TIME = 10_000;

/** One page of `/trades`: the newest trades asked for, and whether older ones matched too. */
export interface TradesPage {
  trades: Trade[];
  more: boolean;
}

/**
 * The newest `limit` trades matching `filter`, never splitting the trades of one time across pages: paging back with
 * `to` set to the oldest time shown (exclusive) must reach every trade. When the limit would cut through a time, that
 * time's trades are left to the next page; when one time alone holds more than `limit`, the page is that time's trades
 * (the newest {@link MOST_AT_ONE_TIME} of them: past that, the rest of that time cannot be paged to, and `more` says
 * some were left out). `read` is the venue's getTrades (oldest first, as the paper venue lists them, or
 * newest first).
 */
export async function tradesPage(read: (filter: TradeFilter) => Promise<Trade[]>, filter: TradeFilter, limit: number): Promise<TradesPage> {
  // One more than asked: whether older trades matched beyond the limit, which a reader of the newest 500 must be told.
  const found = newestFirst(await read({ ...filter, limit: limit + 1 }));
  if (found.length <= limit) return { trades: found.reverse(), more: false };
  const cut = found[limit]!.time;
  // Kept: the trades newer than the time the limit cuts through.
  let kept = limit;
  while (kept > 0 && found[kept - 1]!.time === cut) kept--;
  if (kept > 0) return { trades: found.slice(0, kept).reverse(), more: true };
  // Every trade shown shares that time: the page is all of that time, and whether older ones exist besides.
  // One more than shown: a time holding more than that many leaves some out, which `more` must say too.
  const atCut = newestFirst(await read({ ...filter, from: cut, to: cut + 1, limit: MOST_AT_ONE_TIME + 1 }));
  if (atCut.length > MOST_AT_ONE_TIME) return { trades: atCut.slice(0, MOST_AT_ONE_TIME).reverse(), more: true };
  const older = filter.from !== undefined && filter.from >= cut ? [] : await read({ ...filter, to: cut, limit: 1 });
  return { trades: atCut.reverse(), more: older.length !== 0 };
}

/**
 * `trades` newest first, whichever order the venue listed them in (a copy). Trades of one time only are taken as listed
 * oldest first, as the paper venue lists them: the order within one time is the venue's.
 */
function newestFirst(trades: readonly Trade[]): Trade[] {
  const copy = [...trades];
  return copy.length > 1 && copy[0]!.time <= copy[copy.length - 1]!.time ? copy.reverse() : copy;
}
