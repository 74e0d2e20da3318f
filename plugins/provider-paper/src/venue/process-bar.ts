import type { Bar } from "@argo/core";
import { openBook } from "./book-for.ts";
import { activateLegs, leadLeg, limitMetFirst } from "./brackets.ts";
import { DAY_MS, expireDayOrders } from "./day-expiry.ts";
import { venueError } from "./errors.ts";
import { emitOrder, flushAccount } from "./events.ts";
import { executeFill } from "./execute-fill.ts";
import { finishOrder } from "./finish-order.ts";
import { type MatchResult, matchOrder } from "./match-order.ts";
import type { OrderRecord } from "./order-record.ts";
import { compactBook, type SymbolBook } from "./symbol-book.ts";
import { advanceClock } from "./start-clock.ts";
import { barPriceProblem, invalidBar, validateBarTime } from "./validate-bar.ts";
import type { VenueState } from "./venue-state.ts";

const match: MatchResult = { price: 0, slips: false, taker: true };

/**
 * Executes the working orders of the bar's symbol against a closed bar, then marks the symbol at the close: those
 * working at its open first, in placement order, then the market orders that arrived inside the bar, at its close (so
 * fills come in time order). An order is eligible when it arrived by the bar's open. The clock moves to the bar's close first,
 * so orders placed by listeners meanwhile are stamped after the bar and wait for the next one.
 * DAY orders whose day ended by the bar's open expire first (every symbol's: bars come in time
 * order); those of this symbol whose day ended inside the bar expire after it has traded them.
 * A bar with impossible prices (INVALID_DATA) trades nothing, but its period has still passed: it moves
 * the clock and does that expiring before it is refused, so no other symbol's order expires early.
 * The account is emitted last when it changed without a fill since the bar's last account event (events.ts flushAccount).
 */
export function processBar(state: VenueState, bar: Bar): void {
  if (state.processing || state.sweeping) {
    throw venueError(state, "INTERNAL", "processBar was called from an event listener while a bar was being processed or DAY orders expired");
  }
  validateBarTime(state, bar);
  const problem = barPriceProblem(bar);
  const openTime = bar.openTime;
  const closeTime = state.closer.closeTime(openTime, bar.interval);
  state.sawBar = true;
  if (closeTime >= state.now) {
    // Orders placed before the clock ever moved meet the market at this bar's open: their day is its day.
    advanceClock(state, closeTime, openTime);
    // The bar reaches the clock setTime moved: its sweeps below settle what the clock made due (day-expiry.ts).
    state.clockSweepDue = false;
  }
  // Bars mostly repeat the last symbol: compare strings before hashing them.
  const last = state.lastBook;
  let book = last !== undefined && last.symbol === bar.symbol ? last : state.books.get(bar.symbol);
  if (problem !== undefined) {
    if (closeTime >= state.nextDayExpiry) expireDayOrders(state, openTime, book, closeTime);
    flushAccount(state);
    throw invalidBar(state, bar, problem);
  }
  if (book === undefined) {
    if (state.allowed !== undefined && !state.allowed.has(bar.symbol)) {
      if (openTime >= state.nextDayExpiry) expireDayOrders(state, openTime);
      flushAccount(state);
      return;
    }
    book = openBook(state, bar.symbol);
  }
  state.lastBook = book;
  // Most bars meet no working order of their symbol and no DAY order due: then nothing here can call a
  // listener, so the per-bar path skips the re-entrancy guard and its try/finally.
  if (book.orders.length !== 0 || openTime >= state.nextDayExpiry) executeOrders(state, book, bar, closeTime);
  book.mark = bar.close;
  book.openMark = bar.open;
  book.markClose = closeTime;
  book.volume = bar.volume;
  // The due-check is made here, not inside the call: the sweep is rare and this line runs every bar. Only
  // this symbol is known to have traded up to the close; others' bars of the same period may come next.
  if (closeTime >= state.nextDayExpiry) expireDayOrders(state, openTime, book, closeTime);
  // Cash released without a fill (expiries, refusals, IOC and FOK rests): told once, after the bar.
  if (state.accountDue) flushAccount(state);
}

function executeOrders(state: VenueState, book: SymbolBook, bar: Bar, closeTime: number): void {
  state.processing = true;
  try {
    if (bar.openTime >= state.nextDayExpiry) expireDayOrders(state, bar.openTime);
    const list = book.orders;
    const count = list.length;
    const openTime = bar.openTime;
    // Orders working at the open trade first, those that arrived inside the bar at its close after them, so fills come
    // in time order: placement order alone would put a market order placed before a bracket's legs existed (a latency
    // longer than a bar) ahead of a leg that fills at this bar's open, and size it against funds that fill had not moved.
    let arrivedInside = false;
    for (let i = 0; i < count; i++) {
      const rec = list[i]!;
      if (!rec.open) continue;
      if (rec.arrival <= openTime) processOrder(state, rec, bar, closeTime);
      else arrivedInside = true;
    }
    if (arrivedInside) {
      for (let i = 0; i < count; i++) {
        const rec = list[i]!;
        if (rec.open && rec.arrival > openTime) processOrder(state, rec, bar, closeTime);
      }
    }
    if (book.dead > 0) compactBook(book);
  } finally {
    state.processing = false;
  }
}

function processOrder(state: VenueState, rec: OrderRecord, bar: Bar, closeTime: number): void {
  // Matched with its sibling in this bar already: a take-profit capped by maxVolumeShare there (its fill cancelled the
  // stop-loss) would otherwise match again on its own turn, as a triggered stop at the open, past the cap.
  if (rec.pairMatchedAt === bar.openTime) return;
  let start: number;
  let high: number;
  let low: number;
  let time: number;
  let atClose = false;
  if (rec.arrival <= bar.openTime) {
    start = bar.open;
    time = bar.openTime;
    if (rec.expiry < closeTime && closeTime - time > DAY_MS) {
      // A DAY order meeting a bar longer than a day (weekly, monthly) that runs past its day end: only the open is
      // known to come within its day, so the rest of the range (mostly after it expired) must not fill it.
      high = low = start;
    } else {
      high = bar.high;
      low = bar.low;
    }
  } else if (rec.arrival < closeTime && rec.triggerDir === 0 && rec.limit !== rec.limit) {
    // A market order that arrived mid-bar: the close is the first price known to come after it.
    start = high = low = bar.close;
    time = closeTime;
    atClose = true;
    if (rec.expiry <= closeTime) {
      // A DAY order whose day ends inside the bar, or with it (the day's last bar: its close time is the day end,
      // the instant the order expires). On a venue a market order executes on arrival, so a trader expects it
      // filled, not lost to an expiry it never reached: it trades at the close, recorded on the last millisecond
      // of its day (a fill at or after its own expiry would contradict it). One that arrived after its day end
      // never traded: the sweep at the end of the bar expires it at the day end.
      if (rec.arrival >= rec.expiry) return;
      time = Math.max(rec.arrival, rec.expiry - 1);
    }
  } else return;
  const sibling = rec.sibling;
  if (sibling !== undefined && sibling.open) {
    // A one-cancels-the-other pair is matched as one at its earlier leg (the book keeps placement order): the later
    // leg, still open, was matched with it.
    if (sibling.seq > rec.seq) matchPair(state, leadLeg(rec, start), bar, start, high, low, time);
    return;
  }
  const tif = rec.order.timeInForce;
  const immediate = tif === "IOC" || tif === "FOK";
  const matched = matchAt(state, rec, start, high, low, time);
  // An IOC or FOK never rests in the book: even a fill at its limit inside the bar took liquidity (taker fee).
  if (matched && immediate) match.taker = true;
  // `match` is shared by every venue: a fill listener may drive another venue's bar and overwrite it.
  const price = match.price;
  if (matched) fillMatched(state, rec, bar, time);
  // IOC and FOK get one chance: the first eligible bar, or for stops the bar that triggers them. The rest
  // expires right after that matching, as on a venue, which is also when a partly filled entry's legs begin.
  if (immediate && rec.open && (rec.triggerDir === 0 || rec.triggered)) finishOrder(state, rec, "EXPIRED", undefined, time);
  if (!rec.open && rec.legsArmed) {
    const legs = activateLegs(state, rec, time);
    // An entry priced at the close (a mid-bar market order) has no part of the bar after it to judge legs on.
    if (legs.length > 0 && matched && !atClose) evaluateLegsInBar(state, legs, bar, price, price === bar.open, time);
  }
}

/**
 * Legs may trade in the bar their entry filled in, on the part of it after the entry. If the entry
 * filled at the open the whole range followed it, starting at the entry's price; if it filled inside the bar, the part
 * of the range before it is unknown, so only the stop-loss (which never flatters the trader) is checked.
 */
function evaluateLegsInBar(state: VenueState, legs: OrderRecord[], bar: Bar, entryPrice: number, fromOpen: boolean, time: number): void {
  if (fromOpen && legs.length === 2) {
    matchPair(state, leadLeg(legs[0]!, entryPrice), bar, entryPrice, bar.high, bar.low, time);
    return;
  }
  for (const leg of legs) {
    if (!leg.open || (!fromOpen && leg.order.reason === "take-profit")) continue;
    if (matchAt(state, leg, entryPrice, bar.high, bar.low, time)) fillMatched(state, leg, bar, time);
  }
}

/**
 * Matches a bracket's legs over the part of a bar from `start`, `lead` (brackets.ts leadLeg) first: a fill of it cancels
 * the other; when it does not trade, the other is matched over the same part. A lead that triggers inside the part and
 * rests as a limit (a stop-limit whose limit is not marketable at its stop) was assumed to come first: if the other leg
 * trades later in the part, the price went on from the lead's stop to that leg's price, and met the lead's limit on the
 * way when it lies before (limitMetFirst): the lead then fills at its limit and the other is cancelled.
 */
function matchPair(state: VenueState, lead: OrderRecord, bar: Bar, start: number, high: number, low: number, time: number): void {
  const other = lead.sibling!;
  lead.pairMatchedAt = other.pairMatchedAt = bar.openTime;
  const waiting = lead.triggerDir !== 0 && !lead.triggered;
  let matched = matchOrder(lead, start, high, low, match);
  if (waiting && lead.triggered) {
    lead.order.triggeredAt = time;
    if (!matched && limitMetFirst(lead, other, start, high, low)) {
      // It rested in the book when the price came to it: a maker's fill at its limit, which never slips.
      match.price = lead.limit;
      match.slips = false;
      match.taker = false;
      matched = true;
    }
    // Left resting as a limit: reported at once (see matchAt).
    if (!matched) {
      lead.order.updatedAt = time;
      emitOrder(state, lead.order);
    }
  }
  if (matched) fillMatched(state, lead, bar, time);
  if (other.open && matchAt(state, other, start, high, low, time)) fillMatched(state, other, bar, time);
}

/**
 * Fills `rec` as matched (executeFill, at `match`). A stop that triggered here and traded nothing (the volume cap left
 * no room in a thin bar) is reported at once, as matchAt reports one left resting: otherwise the journal, and a restore
 * from it, would take it back as a stop still waiting for its trigger.
 */
function fillMatched(state: VenueState, rec: OrderRecord, bar: Bar, time: number): void {
  if (executeFill(state, rec, bar, match, time) !== 0 || !rec.open || rec.order.triggeredAt !== time) return;
  rec.order.updatedAt = time;
  emitOrder(state, rec.order);
}

/**
 * Matches `rec` (matchOrder) at `time`. A stop triggering here is stamped `triggeredAt`: a fill reports it with the order,
 * and one left resting as a limit is reported at once, so the journal, and a restore from it, know it works as a limit.
 */
function matchAt(state: VenueState, rec: OrderRecord, start: number, high: number, low: number, time: number): boolean {
  const waiting = rec.triggerDir !== 0 && !rec.triggered;
  const matched = matchOrder(rec, start, high, low, match);
  if (waiting && rec.triggered) {
    rec.order.triggeredAt = time;
    if (!matched) {
      rec.order.updatedAt = time;
      emitOrder(state, rec.order);
    }
  }
  return matched;
}
