import { type Bar, barCloseTime, fixedIntervalMs } from "@argo/core";
import { activateLegs } from "./brackets.ts";
import { expireDayOrders } from "./day-expiry.ts";
import { venueError } from "./errors.ts";
import { executeFill } from "./execute-fill.ts";
import { finishOrder } from "./finish-order.ts";
import { type MatchResult, matchOrder } from "./match-order.ts";
import type { OrderRecord } from "./order-record.ts";
import { compactBook, createSymbolBook, type SymbolBook } from "./symbol-book.ts";
import { resolveSymbolRules } from "./symbol-rules.ts";
import { validateBar } from "./validate-bar.ts";
import type { VenueState } from "./venue-state.ts";

const match: MatchResult = { price: 0, slips: false, taker: true };

/**
 * Executes the working orders of the bar's symbol against a closed bar, in placement order, then
 * marks the symbol at the close. An order is eligible when it arrived by the bar's open; a market
 * order that arrived inside the bar trades at its close. The clock moves to the bar's close first,
 * so orders placed by listeners meanwhile are stamped after the bar and wait for the next one.
 */
export function processBar(state: VenueState, bar: Bar): void {
  validateBar(state, bar);
  if (state.processing) throw venueError(state, "INTERNAL", "processBar was called from an event listener while a bar was being processed");
  // Bars mostly repeat the last interval and symbol: compare strings before hashing them.
  let intervalMs: number | undefined;
  if (bar.interval === state.lastInterval) intervalMs = state.lastIntervalMs;
  else {
    intervalMs = state.intervalMs.get(bar.interval);
    if (intervalMs === undefined) {
      // NaN for calendar intervals (months): their close is worked out bar by bar below.
      intervalMs = fixedIntervalMs(bar.interval) ?? Number.NaN;
      state.intervalMs.set(bar.interval, intervalMs);
    }
    state.lastInterval = bar.interval;
    state.lastIntervalMs = intervalMs;
  }
  const openTime = bar.openTime;
  const closeTime = intervalMs === intervalMs ? openTime + intervalMs : barCloseTime(openTime, bar.interval);
  if (closeTime > state.now) state.now = closeTime;
  const last = state.lastBook;
  let book = last !== undefined && last.symbol === bar.symbol ? last : state.books.get(bar.symbol);
  if (book === undefined) {
    if (state.allowed !== undefined && !state.allowed.has(bar.symbol)) {
      if (state.now >= state.nextDayExpiry) expireDayOrders(state, state.now);
      return;
    }
    book = createSymbolBook(bar.symbol, resolveSymbolRules(state.config, bar.symbol));
    state.books.set(bar.symbol, book);
  }
  state.lastBook = book;
  // Most bars meet no working order of their symbol and no DAY order due: then nothing here can call a
  // listener, so the per-bar path skips the re-entrancy guard and its try/finally.
  if (book.orders.length !== 0 || openTime >= state.nextDayExpiry) executeOrders(state, book, bar, closeTime);
  book.mark = bar.close;
  book.volume = bar.volume;
  // The due-check is made here, not inside the call: the sweep is rare and this line runs every bar.
  if (state.now >= state.nextDayExpiry) expireDayOrders(state, state.now);
}

function executeOrders(state: VenueState, book: SymbolBook, bar: Bar, closeTime: number): void {
  state.processing = true;
  try {
    if (bar.openTime >= state.nextDayExpiry) expireDayOrders(state, bar.openTime);
    const list = book.orders;
    const count = list.length;
    for (let i = 0; i < count; i++) {
      const rec = list[i]!;
      if (rec.open) processOrder(state, rec, bar, closeTime);
    }
    if (book.dead > 0) compactBook(book);
  } finally {
    state.processing = false;
  }
}

function processOrder(state: VenueState, rec: OrderRecord, bar: Bar, closeTime: number): void {
  let start: number;
  let high: number;
  let low: number;
  let time: number;
  if (rec.arrival <= bar.openTime) {
    start = bar.open;
    high = bar.high;
    low = bar.low;
    time = bar.openTime;
  } else if (rec.arrival < closeTime && rec.triggerDir === 0 && rec.limit !== rec.limit) {
    // A market order that arrived mid-bar: the close is the first price known to come after it.
    start = high = low = bar.close;
    time = closeTime;
  } else return;
  const tif = rec.order.timeInForce;
  const immediate = tif === "IOC" || tif === "FOK";
  const matched = matchOrder(rec, start, high, low, match);
  // `match` is shared by every venue: a fill listener may drive another venue's bar and overwrite it.
  const price = match.price;
  if (matched) executeFill(state, rec, bar, match, time);
  // IOC and FOK get one chance: the first eligible bar, or for stops the bar that triggers them.
  if (immediate && rec.open && (rec.triggerDir === 0 || rec.triggered)) finishOrder(state, rec, "EXPIRED");
  if (!rec.open && rec.legsArmed) {
    const legs = activateLegs(state, rec, time);
    if (legs.length > 0 && matched && time !== closeTime) evaluateLegsInBar(state, legs, bar, price, price === bar.open, time);
  }
}

/**
 * Legs may trade in the bar their entry filled in, on the part of it after the entry. If the entry
 * filled at the open the whole range followed it; if it filled inside the bar, the part of the range
 * before it is unknown, so only the stop-loss (which never flatters the trader) is checked.
 */
function evaluateLegsInBar(state: VenueState, legs: OrderRecord[], bar: Bar, entryPrice: number, fromOpen: boolean, time: number): void {
  for (const leg of legs) {
    if (!leg.open || (!fromOpen && leg.order.reason === "take-profit")) continue;
    if (matchOrder(leg, entryPrice, bar.high, bar.low, match)) executeFill(state, leg, bar, match, time);
  }
}
