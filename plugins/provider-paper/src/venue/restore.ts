import type { Order, VenueRecord } from "@argo/core";
import { assertConnected, venueError } from "./errors.ts";
import { bookFills, validateFills } from "./restore-fills.ts";
import { deferRestoredExpiry } from "./day-expiry.ts";
import { markLastBars, provenDayEnds, validateLastBars } from "./restore-marks.ts";
import { continueNumbering, holdFilledOrderIds, isFiniteNumber, isObject, noteGeneratedForm } from "./restore-ids.ts";
import { equitySizedIds } from "./restore-budget.ts";
import { restoreOrders } from "./restore-orders.ts";
import type { VenueState } from "./venue-state.ts";

/**
 * Takes back the account a session journal recorded, on a fresh venue: books the fills (cash, positions, trade
 * history, with their recorded prices and fees), marks the last prices, takes back the working orders the account can carry, continues
 * the id numbering past the record's and moves the clock to its newest time (a DAY order whose day the record shows
 * ended is expired at the next call). Everything is validated before
 * anything changes: a bad fill throws (restore-fills.ts) and leaves the venue as it was. Emits no events: the
 * journal already holds all of it. Backtests never call it, so nothing here touches the order or bar path.
 */
export function restoreVenue(state: VenueState, record: VenueRecord): void {
  assertConnected(state);
  assertFresh(state);
  if (!isObject(record) || !Array.isArray(record.fills) || !Array.isArray(record.workingOrders)) {
    throw venueError(state, "INVALID_DATA", "restore needs a record { fills: Fill[], workingOrders: Order[] }; nothing was restored", {
      field: isObject(record) && Array.isArray(record.fills) ? "workingOrders" : "fills",
    });
  }
  validateFills(state, record.fills);
  validateLastBars(state, record.lastBars);
  // From here nothing refuses the record (an order the account cannot carry is left out), so it is never half taken back.
  state.restored = true;
  continueNumbering(state, record);
  // The positions before the fills of equity-sized orders tell what those fills reduced (restore-budget.ts).
  const held = bookFills(state, record.fills, strategyNames(record.workingOrders), equitySizedIds(record.workingOrders));
  // Before the orders: a market order is judged at the last price, as it was when placed.
  const barsClosed = markLastBars(state, record.lastBars, record.fills);
  const restored = restoreOrders(state, record.workingOrders, held);
  holdFilledOrderIds(state, record.fills);
  noteGeneratedForm(state, record.fills, restored);
  moveClock(state, record, barsClosed);
}

/** Throws INVALID_CONFIGURATION unless the venue is as created: no order placed, no bar seen, no fill booked, not restored. */
function assertFresh(state: VenueState): void {
  const why = state.restored
    ? "it was restored already"
    : state.nextOrderNumber !== 1
      ? "it has placed orders"
      : state.sawBar
        ? "it has seen bars"
        : state.trades.length !== 0
          ? "it has booked fills"
          : undefined;
  if (why === undefined) return;
  throw venueError(
    state,
    "INVALID_CONFIGURATION",
    `restore takes an account back only into a fresh venue, once, right after connect and before anything else; ${state.name} cannot: ${why}`,
  );
}

/** Strategy names of the working orders by client id: a fill recorded without one takes its order's. */
function strategyNames(orders: readonly Order[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const order of orders) {
    if (isObject(order) && typeof order.clientOrderId === "string" && typeof order.strategyName === "string") {
      names.set(order.clientOrderId, order.strategyName);
    }
  }
  return names;
}

/**
 * The clock moves to the newest time in the record (fill times, orders' last updates, the last bars' close), never back.
 * That time does not expire DAY orders: with several symbols the clock is at the newest bar's close while the others'
 * bars of that period are still to come, and each trades its symbol's orders first (day-expiry.ts). A DAY order expires
 * at the venue's next call only if its day ended by a time the record proves (provenDayEnds), else at a bar as usual.
 */
function moveClock(state: VenueState, record: VenueRecord, barsClosed: number): void {
  let newest = barsClosed > state.now ? barsClosed : state.now;
  for (const fill of record.fills) if (fill.time > newest) newest = fill.time;
  for (const order of record.workingOrders) {
    const updatedAt = isObject(order) ? order.updatedAt : undefined;
    if (isFiniteNumber(updatedAt) && updatedAt > newest) newest = updatedAt;
  }
  state.now = newest;
  deferRestoredExpiry(state, provenDayEnds(state, record.lastBars, record.fills));
}
