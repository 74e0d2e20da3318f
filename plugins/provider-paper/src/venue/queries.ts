import type { Order, Position, Trade, TradeFilter } from "@argo/core";
import type { OrderRecord } from "./order-record.ts";
import { orderSnapshot, positionSnapshot } from "./snapshots.ts";
import { tradesMatching } from "./trade-history.ts";
import type { VenueState } from "./venue-state.ts";

/** Open orders (all, or of one symbol) in placement order, as snapshots. */
export function openOrders(state: VenueState, symbol?: string): Order[] {
  const found: OrderRecord[] = [];
  if (symbol !== undefined) {
    const book = state.books.get(symbol);
    if (book) for (const rec of book.orders) if (rec.open) found.push(rec);
  } else {
    for (const book of state.books.values()) for (const rec of book.orders) if (rec.open) found.push(rec);
    found.sort((a, b) => a.seq - b.seq);
  }
  return found.map((rec) => orderSnapshot(rec.order));
}

/** Every open position, marked at the last close. */
export function positions(state: VenueState): Position[] {
  const out: Position[] = [];
  for (const book of state.positioned) out.push(positionSnapshot(book, book.position!));
  return out.sort((a, b) => a.symbol.localeCompare(b.symbol));
}

/** Trades matching the filter, oldest first (by time; executions of one time in the order they happened); `limit` keeps the newest ones. */
export function trades(state: VenueState, filter: TradeFilter = {}): Trade[] {
  return tradesMatching(state.trades, filter);
}
