import { activateLegs } from "./brackets.ts";
import { flushAccount } from "./events.ts";
import { finishOrder } from "./finish-order.ts";
import type { OrderRecord } from "./order-record.ts";
import type { SymbolBook } from "./symbol-book.ts";
import type { VenueState } from "./venue-state.ts";

/** One UTC day in milliseconds. */
export const DAY_MS = 86_400_000;

/** End of the UTC day containing `time`: when a DAY order placed then expires. */
export function endOfUtcDay(time: number): number {
  return Math.floor(time / DAY_MS) * DAY_MS + DAY_MS;
}

/** Tracks a new DAY order so it can expire without a bar of its own symbol. */
export function trackDayOrder(state: VenueState, rec: OrderRecord): void {
  state.dayOrders.push(rec);
  if (rec.expiry < state.nextDayExpiry) state.nextDayExpiry = rec.expiry;
}

/**
 * Expires every open DAY order whose day ended at or before `time`, and those of `book` whose day ended
 * at or before `bookTime`; partly filled entries get their legs. A bar of one symbol says nothing about
 * the others up to its close (their bars of the same period may come next), only up to its open.
 */
export function expireDayOrders(state: VenueState, time: number, book?: SymbolBook, bookTime = time): void {
  if ((time < state.nextDayExpiry && bookTime < state.nextDayExpiry) || state.sweeping) return;
  // A listener told of an expiry may move the clock and read: the sweep it would start waits for this one.
  state.sweeping = true;
  try {
    if (time >= state.nextDayExpiry) sweep(state, time, book, bookTime);
    // Only this symbol's day has ended (a day's last bar of one of many symbols): its own orders are walked, not every
    // symbol's, or daily bars of N symbols would walk the whole DAY list N times a day.
    else if (book !== undefined) sweepBook(state, book, bookTime);
  } finally {
    state.sweeping = false;
  }
}

/**
 * Settles what the clock alone made due since setTime. setTime does not sweep itself: the engine sets the
 * clock to a bar's close before feeding that bar, and the bar must first trade the orders whose day ended
 * inside it. A bar reaching the clock takes this over (process-bar.ts); any other venue call does it here, after
 * what a restore proved due (deferRestoredExpiry).
 */
export function settleClock(state: VenueState): void {
  if (state.processing || state.sweeping) return;
  // Backtests never restore: for them this is one more flag read.
  if (state.restored) settleRestore(state);
  if (state.clockSweepDue) {
    state.clockSweepDue = false;
    expireDayOrders(state, state.now);
  }
  // What the expiries released is told before the call goes on (events.ts flushAccount).
  flushAccount(state);
}

/** Times a restored record proves the original venue traded up to: every symbol to `all`, each book in `books` to its time. */
export interface DueDayEnds {
  all: number;
  books: ReadonlyMap<SymbolBook, number>;
}

/**
 * Leaves to the venue's next call the expiry of the restored DAY orders whose day ended by the times `due` proves
 * (restore-marks.ts): restore emits no events. Not the clock's sweep: the clock stands at the newest bar's close,
 * which another symbol's bar of the same period may still come to trade (a restart between two symbols' bars).
 */
export function deferRestoredExpiry(state: VenueState, due: DueDayEnds): void {
  let any = due.all >= state.nextDayExpiry;
  for (const time of due.books.values()) any ||= time >= state.nextDayExpiry;
  if (any) state.restoreDue = due;
}

/** Expires what the restore proved due, as process-bar.ts does after a bar: every symbol's, then each book's own. */
function settleRestore(state: VenueState): void {
  const due = state.restoreDue;
  if (due === undefined) return;
  state.restoreDue = undefined;
  expireDayOrders(state, due.all);
  for (const [book, time] of due.books) expireDayOrders(state, due.all, book, time);
}

/** Expires a DAY order at its day end; a partly filled entry's legs work from then. */
function expire(state: VenueState, rec: OrderRecord): void {
  // A venue expires DAY orders at the session end, however late a bar or tick notices it; the legs
  // of a partly filled entry work from then too, so a bar between the day end and now reaches them.
  // No fill comes after an order's day end (process-bar.ts), so the day end is never before its last update.
  finishOrder(state, rec, "EXPIRED", undefined, rec.expiry);
  if (rec.legsArmed) activateLegs(state, rec, rec.expiry);
}

function sweep(state: VenueState, time: number, book: SymbolBook | undefined, bookTime: number): void {
  const list = state.dayOrders;
  let w = 0;
  let next = Number.POSITIVE_INFINITY;
  // `list.length` is read on every turn: DAY orders placed by listeners during the sweep are visited too.
  for (let i = 0; i < list.length; i++) {
    const rec = list[i]!;
    if (!rec.open) continue;
    if (rec.expiry <= (rec.book === book ? bookTime : time)) {
      expire(state, rec);
      continue;
    }
    if (rec.expiry < next) next = rec.expiry;
    list[w++] = rec;
  }
  list.length = w;
  state.nextDayExpiry = next;
}

/**
 * Expires the DAY orders of one book whose day ended by `bookTime`, in placement order as the full sweep would (a book
 * lists its orders in the order they entered the venue, as the DAY list does). They stay in the DAY list, closed, until
 * the next full sweep drops them; `nextDayExpiry` stays as it was, a bound no later than any open DAY order's day end.
 */
function sweepBook(state: VenueState, book: SymbolBook, bookTime: number): void {
  const due: OrderRecord[] = [];
  // Collected first: a listener told of an expiry may cancel orders of this book, which compacts its list.
  for (const rec of book.orders) if (rec.open && rec.expiry <= bookTime) due.push(rec);
  // One told of an earlier expiry may have cancelled a later one: it is closed already.
  for (const rec of due) if (rec.open) expire(state, rec);
}
