import type { Order, TradingEvent } from "@argo/core";
import { accountSnapshot } from "./ledger.ts";
import { orderSnapshot, positionSnapshot } from "./snapshots.ts";
import type { SymbolBook } from "./symbol-book.ts";
import type { VenueState } from "./venue-state.ts";

/**
 * Delivers an event to every listener, synchronously and in venue order. A throwing listener must
 * not leave the venue half-updated, so its error is rethrown on a later tick instead of here.
 */
export function emit(state: VenueState, event: TradingEvent): void {
  const listeners = state.listeners;
  for (let i = 0; i < listeners.length; i++) {
    try {
      listeners[i]!(event);
    } catch (error) {
      queueMicrotask(() => {
        throw error;
      });
    }
  }
}

/** Emits an order update (skipping the copy when nobody listens); returns the copy it emitted. */
export function emitOrder(state: VenueState, order: Order): Order | undefined {
  if (state.listeners.length === 0) return undefined;
  const snapshot = orderSnapshot(order);
  emit(state, { type: "order", order: snapshot });
  return snapshot;
}

/** Emits the position of a symbol (undefined when flat) and the account after a fill (which tells any change still due). */
export function emitPositionAndAccount(state: VenueState, book: SymbolBook): void {
  state.accountDue = false;
  if (state.listeners.length === 0) return;
  const position = book.position;
  emit(state, { type: "position", symbol: book.symbol, position: position ? positionSnapshot(book, position) : undefined });
  emit(state, { type: "account", account: accountSnapshot(state) });
}

/**
 * Emits the account once if it changed without a fill since the last account event (`accountDue`: cash an order
 * reserved or released), as Binance's user data stream sends `outboundAccountPosition` when an order placed or cancelled
 * moves balance between free and locked. Called where a venue call ends, after the order events of what changed, so
 * several changes in one call (a cancelAll, a bar's expiries) are told once. Prices moving are not told (nor are they on
 * Binance): the engine marks equity at its own closes, and a short's buying power moves with its close until the next
 * account event.
 */
export function flushAccount(state: VenueState): void {
  if (!state.accountDue) return;
  state.accountDue = false;
  if (state.listeners.length === 0) return;
  emit(state, { type: "account", account: accountSnapshot(state) });
}
