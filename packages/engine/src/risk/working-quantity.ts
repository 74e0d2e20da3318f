import type { Order, OrderRequest, OrderSide, Position } from "@argo/core";
import { estimateQuantity, referencePrice } from "./exposure.ts";

/**
 * Base quantity of one symbol and side still working: what the engine's mirror and its orders in flight hold. The engine
 * gives its own (see WorkingOrders); a risk manager built without one sees nothing working.
 */
export type WorkingQuantity = (symbol: string, side: OrderSide, lastPrice: number, equity: number) => number;

/** The side that trades against a position: SELL against a long, BUY against a short. */
export function sideAgainst(position: Position): OrderSide {
  return position.side === "LONG" ? "SELL" : "BUY";
}

/**
 * The one rule for "quantity already working" (closes and the risk limits both use it): the unfilled rest of the open
 * orders and the whole of the requests in flight of `symbol` on `side`. Bracket legs (orders with a parentClientOrderId)
 * are left out: they are the position's own protective exits, one one-cancels-the-other pair for the entry's filled
 * quantity of which only one leg can trade, not further closes; a close placed beside them is how a strategy leaves early.
 * Orders sized by quote amount or equity that the venue has not resolved yet count at their limit or stop price, else
 * `lastPrice` (NaN when no price is known: unknown, never 0).
 */
export function workingQuantity(
  symbol: string,
  side: OrderSide,
  open: Iterable<Order> | undefined,
  sending: Iterable<OrderRequest> | undefined,
  lastPrice: number,
  equity: number,
): number {
  let total = 0;
  if (open !== undefined) {
    for (const order of open) {
      if (order.side !== side || order.symbol !== symbol || order.parentClientOrderId !== undefined) continue;
      // A venue reports quote- and equity-sized orders with quantity 0 until it resolves them at the fill.
      total += order.quantity > 0 ? order.quantity - order.filledQuantity : unresolved(order, lastPrice, equity);
    }
  }
  if (sending !== undefined) {
    for (const request of sending) {
      if (request.side !== side || request.symbol !== symbol) continue;
      total += estimateQuantity(request, referencePrice(request, lastPrice), equity);
    }
  }
  return total;
}

function unresolved(order: Order, lastPrice: number, equity: number): number {
  const price = referencePrice(order, lastPrice);
  if (!(price > 0)) return Number.NaN;
  if (order.quoteAmount !== undefined) return order.quoteAmount / price;
  if (order.equityFraction !== undefined) return (order.equityFraction * equity) / price;
  return 0; // an order of no size trades nothing
}
