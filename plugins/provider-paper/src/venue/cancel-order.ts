import type { Order } from "@argo/core";
import { venueError } from "./errors.ts";
import { flushAccount } from "./events.ts";
import { finishOrder } from "./finish-order.ts";
import { findOrder } from "./find-order.ts";
import { releaseLegIds } from "./leg-ids.ts";
import type { OrderRecord } from "./order-record.ts";
import { orderSnapshot } from "./snapshots.ts";
import { compactBook, type SymbolBook } from "./symbol-book.ts";
import type { VenueState } from "./venue-state.ts";

/**
 * Cancels an open order by client or venue id. A cancelled entry never creates its bracket legs;
 * cancelling one leg cancels its partner (the pair is one OCO list, as on Binance).
 * ORDER_ALREADY_FILLED for a filled order, ORDER_NOT_FOUND for an unknown or already closed one. The account follows
 * the order events when the cancel released cash.
 */
export function cancelOrder(state: VenueState, orderId: string): Order {
  const rec = findOrder(state, orderId);
  if (!rec.open) {
    const { status, clientOrderId } = rec.order;
    if (status === "FILLED") throw venueError(state, "ORDER_ALREADY_FILLED", `order "${clientOrderId}" is already filled`, { orderId });
    throw venueError(state, "ORDER_NOT_FOUND", `order "${clientOrderId}" is not open: it is ${status}`, { orderId, status });
  }
  const cancelled: Order[] = [];
  cancelRecord(state, rec, cancelled);
  flushAccount(state);
  return cancelled[0]!;
}

/** Cancels every open order, or those of one symbol; resolves with what it cancelled, legs included. */
export function cancelAllOrders(state: VenueState, symbol?: string): Order[] {
  const cancelled: Order[] = [];
  const books: Iterable<SymbolBook> = symbol === undefined ? state.books.values() : [state.books.get(symbol)].filter((b) => b !== undefined);
  for (const book of books) {
    for (const rec of book.orders.slice()) if (rec.open) cancelRecord(state, rec, cancelled);
  }
  // One account event after all the cancellations: the cash they released, told once.
  flushAccount(state);
  return cancelled.sort((a, b) => Number(a.venueOrderId.slice(1)) - Number(b.venueOrderId.slice(1)));
}

function cancelRecord(state: VenueState, rec: OrderRecord, into: Order[]): void {
  // A cancelled entry never gets legs, even when partly filled: their ids go back before anyone hears of it.
  if (rec.legsArmed) releaseLegIds(state, rec);
  // The copy the event carried serves the caller too (as with placement): one copy per order, not two.
  into.push(finishOrder(state, rec, "CANCELLED") ?? orderSnapshot(rec.order));
  const sibling = rec.sibling;
  if (sibling?.open) into.push(finishOrder(state, sibling, "CANCELLED") ?? orderSnapshot(sibling.order));
  // Bars compact a book; a symbol without bars would otherwise keep every cancelled order in its list.
  const book = rec.book;
  if (!state.processing && book.dead > 64 && book.dead * 2 > book.orders.length) compactBook(book);
}
