import type { Order } from "@argo/core";
import { endOfUtcDay, trackDayOrder } from "./day-expiry.ts";
import type { Reservation } from "./funds.ts";
import { legClientIds } from "./leg-ids.ts";
import type { OrderRecord, Sizing } from "./order-record.ts";
import type { SymbolBook } from "./symbol-book.ts";
import type { VenueState } from "./venue-state.ts";

/**
 * The record of an open order, built from the venue's own `order` (its number is `seq`): placement
 * (place-order.ts), bracket legs (brackets.ts) and restore (restore-orders.ts) all build it here, so an
 * order taken back from a journal works exactly as the one placed. Matching fields come from the order:
 * the limit, the stop as trigger, a DAY expiry at the end of the UTC day it was created in. The venue keeps its own
 * frozen bracket legs on `order`: a caller changing its request or record afterwards changes nothing here.
 */
export function newOrderRecord(
  order: Order,
  seq: number,
  book: SymbolBook,
  arrival: number,
  sizing: Sizing,
  reservation: Reservation,
  isLeg: boolean,
): OrderRecord {
  const buy = order.side === "BUY";
  const stop = order.stopPrice;
  // A stop buys on a rise and sells on a fall; a take-profit leg fires the other way, when the price moves for the trader.
  const rising = isLeg && order.reason === "take-profit" ? !buy : buy;
  if (order.takeProfit !== undefined) order.takeProfit = Object.freeze({ ...order.takeProfit });
  if (order.stopLoss !== undefined) order.stopLoss = Object.freeze({ ...order.stopLoss });
  const legsArmed = !isLeg && (order.takeProfit !== undefined || order.stopLoss !== undefined);
  return {
    order,
    seq,
    book,
    buy,
    arrival,
    limit: order.limitPrice ?? Number.NaN,
    trigger: stop ?? Number.NaN,
    triggerDir: stop === undefined ? 0 : rising ? 1 : -1,
    triggered: false,
    sizing,
    expiry: order.timeInForce === "DAY" ? endOfUtcDay(order.createdAt) : Number.POSITIVE_INFINITY,
    open: true,
    rateFees: 0,
    feesCharged: 0,
    budget: sizing === "quote" ? order.quoteAmount! : Number.NaN,
    // A restored order's fills used some of its amount: restore-orders.ts sets it (restore-budget.ts).
    spent: 0,
    resReduce: reservation.reduce,
    resCash: reservation.cash,
    resCashPerUnit: reservation.cashPerUnit,
    resFeePerUnit: reservation.feePerUnit ?? 0,
    takeProfit: order.takeProfit,
    stopLoss: order.stopLoss,
    legsArmed,
    sibling: undefined,
    pairMatchedAt: Number.NaN,
    isLeg,
  };
}

/**
 * Enters a new record into the venue, as placement, bracket legs and restore all do: its reservation, its slot by number,
 * the client id index (`indexed`: a plain generated id "paper-<n>" is found from its number instead, and hashing it was
 * the largest single cost of a placement), the ids its bracket legs will take, its book, and DAY tracking.
 */
export function enterOrder(state: VenueState, rec: OrderRecord, indexed: boolean): void {
  holdReservation(state, rec);
  const byNumber = state.byNumber;
  // Placement appends (push keeps the array dense and fast); a restore may leave gaps.
  if (rec.seq - 1 === byNumber.length) byNumber.push(rec);
  else byNumber[rec.seq - 1] = rec;
  if (indexed) state.byClientId.add(rec);
  if (rec.legsArmed) {
    const ids = legClientIds(rec.order.clientOrderId);
    state.reservedIds.add(ids.stopLoss).add(ids.takeProfit);
  }
  rec.book.orders.push(rec);
  if (rec.buy) rec.book.openBuys++;
  else rec.book.openSells++;
  if (rec.order.timeInForce === "DAY") trackDayOrder(state, rec);
}

/** Sets aside what a new record reserved: the position quantity it reduces (on its side's book) and the cash it opens with. */
export function holdReservation(state: VenueState, rec: OrderRecord): void {
  if (rec.resReduce > 0) {
    if (rec.buy) rec.book.reservedBuyReduce += rec.resReduce;
    else rec.book.reservedSellReduce += rec.resReduce;
  }
  state.reservedCash += rec.resCash;
}
