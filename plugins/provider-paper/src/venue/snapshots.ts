import type { Order, Position } from "@argo/core";
import type { PositionState, SymbolBook } from "./symbol-book.ts";

/**
 * A copy of an order a caller may keep or change without touching the venue. Fills are frozen at
 * creation and bracket legs at placement, so a shallow copy with its own fills array is enough.
 */
export function orderSnapshot(order: Order): Order {
  const fills = order.fills;
  // Most snapshots are of orders without fills yet; a literal is cheaper than slicing an empty array.
  return { ...order, fills: fills.length === 0 ? [] : fills.slice() };
}

/** The public view of a position, marked at the last price seen. */
export function positionSnapshot(book: SymbolBook, position: PositionState): Position {
  const quantity = position.quantity;
  const mark = Number.isNaN(book.mark) ? position.averagePrice : book.mark;
  return {
    symbol: book.symbol,
    side: quantity > 0 ? "LONG" : "SHORT",
    quantity: Math.abs(quantity),
    averagePrice: position.averagePrice,
    marketPrice: mark,
    realizedPnl: position.realizedPnl,
    unrealizedPnl: (mark - position.averagePrice) * quantity,
    fees: position.fees,
    openedAt: position.openedAt,
    updatedAt: position.updatedAt,
  };
}
