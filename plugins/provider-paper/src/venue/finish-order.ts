import type { Order, OrderStatus } from "@argo/core";
import { emitOrder } from "./events.ts";
import { releaseLegIds } from "./leg-ids.ts";
import type { OrderRecord } from "./order-record.ts";
import { rejudgeReductions } from "./rejudge-reductions.ts";
import type { VenueState } from "./venue-state.ts";

/** Gives back what an order reserved: position quantity to reduce and cash to open. */
export function releaseReservation(state: VenueState, rec: OrderRecord): void {
  if (rec.resReduce > 0) {
    const book = rec.book;
    if (rec.buy) book.reservedBuyReduce = Math.max(0, book.reservedBuyReduce - rec.resReduce);
    else book.reservedSellReduce = Math.max(0, book.reservedSellReduce - rec.resReduce);
    rec.resReduce = 0;
  }
  if (rec.resCash > 0) {
    state.reservedCash -= rec.resCash;
    rec.resCash = 0;
    // Adding and removing reservations drifts by float noise; nothing reserved must read as exactly 0.
    if (state.reservedCash < 1e-9) state.reservedCash = 0;
  }
}

/**
 * Releases the part of a reservation a fill of `quantity` used: the reducing part first (with its share of the fees the
 * cash holds), then the opening part.
 */
export function consumeReservation(state: VenueState, rec: OrderRecord, quantity: number): void {
  let opening = quantity;
  let cash = 0;
  if (rec.resReduce > 0) {
    const used = quantity < rec.resReduce ? quantity : rec.resReduce;
    rec.resReduce -= used;
    opening -= used;
    cash = used * rec.resFeePerUnit;
    const book = rec.book;
    if (rec.buy) book.reservedBuyReduce = Math.max(0, book.reservedBuyReduce - used);
    else book.reservedSellReduce = Math.max(0, book.reservedSellReduce - used);
  }
  if (opening > 0) cash += opening * rec.resCashPerUnit;
  if (cash > 0 && rec.resCash > 0) {
    if (cash > rec.resCash) cash = rec.resCash;
    rec.resCash -= cash;
    state.reservedCash -= cash;
    if (state.reservedCash < 1e-9) state.reservedCash = 0;
  }
}

/** Marks an open record closed in its book (dropped from the list lazily: `dead`), no longer open on its side. */
export function closeRecord(rec: OrderRecord): void {
  rec.open = false;
  const book = rec.book;
  book.dead++;
  if (rec.buy) book.openBuys--;
  else book.openSells--;
}

/**
 * Moves an open order to a terminal status at `time` (default: the venue clock), frees its reservation
 * and, for a bracket entry that never filled, its leg ids; emits the update and returns the copy emitted, if any. Cash
 * it released leaves an account event due (events.ts flushAccount), which its caller's venue call emits.
 */
export function finishOrder(state: VenueState, rec: OrderRecord, status: OrderStatus, reason?: string, time: number = state.now): Order | undefined {
  if (!rec.open) return undefined;
  closeRecord(rec);
  const order = rec.order;
  order.status = status;
  order.updatedAt = time;
  if (reason !== undefined) order.rejectReason = reason;
  // Cash it still held is free again: the account changed (told once the venue call ends, after this order's event).
  if (rec.resCash > 0) state.accountDue = true;
  const reduced = rec.resReduce > 0;
  releaseReservation(state, rec);
  // The part of a position it reserved to reduce goes to the orders of its side that set cash aside for it, as a restore
  // would judge them (rejudge-reductions.ts): the cash they release changes the account too.
  if (reduced && rejudgeReductions(state, rec.book)) state.accountDue = true;
  // An entry with fills keeps its ids: its caller creates the legs next (activateLegs).
  if (rec.legsArmed && order.filledQuantity === 0) releaseLegIds(state, rec);
  return emitOrder(state, order);
}
