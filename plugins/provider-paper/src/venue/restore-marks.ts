import { type Bar, barCloseTime, type Fill } from "@argo/core";
import { openBook } from "./book-for.ts";
import type { DueDayEnds } from "./day-expiry.ts";
import { isObject } from "./restore-ids.ts";
import { venueError } from "./errors.ts";
import type { SymbolBook } from "./symbol-book.ts";
import { barPriceProblem, invalidBar, validateBarTime } from "./validate-bar.ts";
import type { VenueState } from "./venue-state.ts";

/** Refuses a record's `lastBars` that could not mark a price (INVALID_DATA naming the bar), before anything is changed. */
export function validateLastBars(state: VenueState, bars: readonly Bar[] | undefined): void {
  if (bars === undefined) return;
  const notBars = () => venueError(state, "INVALID_DATA", "restore: lastBars must be an array of bars; nothing was restored", { field: "lastBars" });
  if (!Array.isArray(bars)) throw notBars();
  for (const entry of bars as readonly unknown[]) {
    if (!isObject(entry)) throw notBars();
    const bar = entry as unknown as Bar;
    validateBarTime(state, bar);
    const problem = barPriceProblem(bar) ?? closeTimeProblem(bar);
    if (problem !== undefined) throw invalidBar(state, bar, `restore: ${problem}`);
  }
}

/**
 * Marks each symbol at its newest recorded bar's close, open and volume, as processing that bar left the original venue,
 * unless a fill of that symbol came after the bar closed (its price is newer). A symbol outside config `symbols` has
 * no book and is skipped. Returns the latest close time, for the clock (NaN without bars).
 */
export function markLastBars(state: VenueState, bars: readonly Bar[] | undefined, fills: readonly Fill[]): number {
  let latest = Number.NaN;
  if (bars === undefined || bars.length === 0) return latest;
  const lastFill = new Map<string, number>();
  for (const fill of fills) lastFill.set(fill.symbol, Math.max(lastFill.get(fill.symbol) ?? fill.time, fill.time));
  for (const bar of bars) {
    if (state.allowed !== undefined && !state.allowed.has(bar.symbol)) continue;
    const closeTime = barCloseTime(bar.openTime, bar.interval);
    if (!(latest >= closeTime)) latest = closeTime;
    if ((lastFill.get(bar.symbol) ?? Number.NEGATIVE_INFINITY) > closeTime) continue;
    const book = openBook(state, bar.symbol);
    // All four, as process-bar.ts leaves them: without the open and the close time, a symbol whose bar of the newest step
    // came before the stop would be valued at that bar's close by a fill at another symbol's open of the same step.
    book.mark = bar.close;
    book.openMark = bar.open;
    book.markClose = closeTime;
    book.volume = bar.volume;
  }
  return latest;
}

/**
 * The times up to which the record proves the original venue traded, so its DAY orders whose day ended by then had
 * expired there (process-bar.ts): every symbol up to the newest last bar's open (bars come in time order), and each
 * symbol up to its own last bar's close or its latest fill (a fill comes no later than its bar's close). Not the
 * clock: it stood at the newest bar's close while other symbols' bars of that period were still to come, and an
 * order placed then is stamped with it.
 */
export function provenDayEnds(state: VenueState, bars: readonly Bar[] | undefined, fills: readonly Fill[]): DueDayEnds {
  let all = Number.NEGATIVE_INFINITY;
  const books = new Map<SymbolBook, number>();
  const prove = (book: SymbolBook | undefined, time: number) => {
    if (book !== undefined && !((books.get(book) ?? Number.NEGATIVE_INFINITY) >= time)) books.set(book, time);
  };
  for (const bar of bars ?? []) {
    // As markLastBars: a symbol outside config `symbols` has no book, and never reached this venue's clock.
    if (state.allowed !== undefined && !state.allowed.has(bar.symbol)) continue;
    if (bar.openTime > all) all = bar.openTime;
    prove(state.books.get(bar.symbol), barCloseTime(bar.openTime, bar.interval));
  }
  for (const fill of fills) prove(state.books.get(fill.symbol), fill.time);
  return { all, books };
}

function closeTimeProblem(bar: Bar): string | undefined {
  try {
    return Number.isFinite(barCloseTime(bar.openTime, bar.interval)) ? undefined : `interval ${String(bar.interval)} gives no close time`;
  } catch {
    return `interval ${String(bar.interval)} is not one Argo knows`;
  }
}
