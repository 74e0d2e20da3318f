import type { BracketLeg, Order } from "@argo/core";
import { emitOrder } from "./events.ts";
import { finishOrder } from "./finish-order.ts";
import { legClientIds, releaseLegIds } from "./leg-ids.ts";
import { reducibleQuantity } from "./funds.ts";
import { type MatchResult, marketableAt, matchOrder } from "./match-order.ts";
import { enterOrder, holdReservation, newOrderRecord } from "./new-order-record.ts";
import type { OrderRecord } from "./order-record.ts";
import { NO_RESERVATION } from "./reserve-order.ts";
import type { VenueState } from "./venue-state.ts";

/**
 * Creates the stop-loss and take-profit legs of an entry that has ended with fills, for its filled
 * quantity, as a one-cancels-the-other pair working at the venue from `time` (no latency: they are
 * already there). The stop-loss is created (numbered) first, so the pair sits in the book in that order and is
 * matched as one at its stop-loss (leadLeg). Returns the legs (stop-loss first).
 */
export function activateLegs(state: VenueState, entry: OrderRecord, time: number): OrderRecord[] {
  // Nothing below calls a listener before the legs are indexed under these ids, so releasing them first
  // lets no other order take one; the id of a leg the entry does not have is freed for good.
  releaseLegIds(state, entry);
  const quantity = entry.order.filledQuantity;
  if (!(quantity > 0)) return [];
  const ids = legClientIds(entry.order.clientOrderId);
  const legs: OrderRecord[] = [];
  // Legs trade on the entry's opposite side; their trigger directions follow from side and reason (new-order-record.ts).
  if (entry.stopLoss) legs.push(createLeg(state, entry, entry.stopLoss, ids.stopLoss, "stop-loss", quantity, time));
  if (entry.takeProfit) legs.push(createLeg(state, entry, entry.takeProfit, ids.takeProfit, "take-profit", quantity, time));
  pairLegs(legs);
  reserveLegs(state, legs, quantity);
  for (const leg of legs) emitOrder(state, leg.order);
  return legs;
}

/** Makes two legs of one entry a one-cancels-the-other pair; a single leg stays alone. */
export function pairLegs(legs: readonly OrderRecord[]): void {
  if (legs.length !== 2) return;
  legs[0]!.sibling = legs[1];
  legs[1]!.sibling = legs[0];
}

/**
 * Reserves the position quantity a leg pair closes, at most `quantity`, on the first leg only: one
 * reservation covers the pair, as only one leg can ever trade. No funds check: legs only close, and
 * they reserve no cash (created with NO_RESERVATION), so holding it adds only the reduce part.
 */
export function reserveLegs(state: VenueState, legs: readonly OrderRecord[], quantity: number): void {
  const first = legs[0]!;
  first.resReduce = Math.min(quantity, reducibleQuantity(first.book, first.buy));
  holdReservation(state, first);
}

/**
 * Which leg of an open pair to match first in a part of a bar that starts at `start` (the bar's open, or the entry's
 * fill in its own bar): the bar starts there, so a leg marketable at `start` trades first, at that price (the
 * stop-loss if both are). When neither is, a stop-loss still waiting for its stop lies on the other side of `start`
 * from the take-profit: the path inside the bar is unknown and the stop-loss, which never flatters the trader, is
 * assumed first. One triggered before, resting as a limit, lies on the take-profit's side: the price meets the nearer
 * of the two first (the stop-loss on a tie).
 */
export function leadLeg(leg: OrderRecord, start: number): OrderRecord {
  const other = leg.sibling!;
  const stopLoss = leg.order.reason === "stop-loss" ? leg : other;
  const takeProfit = stopLoss === leg ? other : leg;
  if (marketableAt(stopLoss, start)) return stopLoss;
  if (marketableAt(takeProfit, start)) return takeProfit;
  if (!stopLoss.triggered) return stopLoss;
  const limit = stopLoss.limit;
  const level = takeProfit.triggered ? takeProfit.limit : takeProfit.trigger;
  return (stopLoss.buy ? level > limit : level < limit) ? takeProfit : stopLoss;
}

/** Where a leg would trade, looked at without trading it (limitMetFirst): its own result, so the caller's stays as it was. */
const peek: MatchResult = { price: 0, slips: false, taker: true };

/**
 * Whether `lead`, a leg that has just triggered inside a part of a bar and rests at its limit, is met before `other`
 * trades in that part: `other` trades there (matched without a change: its trigger state is put back) and the lead's
 * limit lies between its stop and that price (a SELL's at or below it, a BUY's at or above it; the lead on a tie). The
 * lead was assumed first, so the price went on from its stop to the other leg's price, passing every price between.
 */
export function limitMetFirst(lead: OrderRecord, other: OrderRecord, start: number, high: number, low: number): boolean {
  const limit = lead.limit;
  if (limit !== limit || !other.open) return false;
  const triggered = other.triggered;
  const trades = matchOrder(other, start, high, low, peek);
  other.triggered = triggered;
  return trades && (lead.buy ? limit >= peek.price : limit <= peek.price);
}

/**
 * A leg filled at `time`: its partner is cancelled then (as on Binance, any fill of one leg cancels the other at once).
 * The pair's reservation is held by one leg (reserveLegs): a leg that filled in part keeps what it may still sell or buy
 * of it, rather than lose it with the cancelled partner (another order could then reduce the same position).
 */
export function cancelSibling(state: VenueState, leg: OrderRecord, time: number): void {
  const other = leg.sibling;
  if (!other?.open) return;
  if (leg.open && other.resReduce > 0) {
    const rest = leg.order.quantity - leg.order.filledQuantity;
    const moved = other.resReduce < rest ? other.resReduce : rest;
    // The book's totals already count it: only which record holds it changes.
    leg.resReduce += moved;
    other.resReduce -= moved;
  }
  finishOrder(state, other, "CANCELLED", undefined, time);
}

function createLeg(
  state: VenueState,
  entry: OrderRecord,
  leg: BracketLeg,
  clientOrderId: string,
  reason: "stop-loss" | "take-profit",
  quantity: number,
  time: number,
): OrderRecord {
  const entryOrder = entry.order;
  const number = state.nextOrderNumber++;
  const venueOrderId = `P${number}`;
  // snapshots.ts copies a leg's required fields in this same order: change both together.
  const order: Order = {
    symbol: entryOrder.symbol,
    side: entry.buy ? "SELL" : "BUY",
    type: leg.limitPrice === undefined ? "STOP" : "STOP_LIMIT",
    quantity,
    stopPrice: leg.triggerPrice,
    timeInForce: "GTC",
    clientOrderId,
    venueOrderId,
    status: "ACCEPTED",
    filledQuantity: 0,
    averageFillPrice: 0,
    fills: [],
    parentClientOrderId: entryOrder.clientOrderId,
    reason,
    // The leg exists from when its entry ended with fills, which inside a bar is before the venue clock
    // (already at the bar's close): stamped with the clock, a leg trading in that bar would fill before it existed.
    createdAt: time,
    updatedAt: time,
  };
  if (leg.limitPrice !== undefined) order.limitPrice = leg.limitPrice;
  if (entryOrder.strategyName !== undefined) order.strategyName = entryOrder.strategyName;
  const rec = newOrderRecord(order, number, entry.book, time, "quantity", NO_RESERVATION, true);
  enterOrder(state, rec, true);
  return rec;
}
