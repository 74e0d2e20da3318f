import type { OrderRequest, Position } from "@argo/core";

/** Base quantity an order will roughly have: exact for quantity orders, estimated at `price` for quote and equity sizing. */
export function estimateQuantity(request: OrderRequest, price: number, equity: number): number {
  if (request.quantity !== undefined) return request.quantity;
  if (!(price > 0)) return Number.NaN;
  if (request.quoteAmount !== undefined) return request.quoteAmount / price;
  if (request.equityFraction !== undefined) return (request.equityFraction * equity) / price;
  return Number.NaN;
}

/** Signed position quantity: positive long, negative short, 0 flat. */
export function signedQuantity(position: Position | undefined): number {
  if (!position) return 0;
  return position.side === "LONG" ? position.quantity : -position.quantity;
}

/**
 * True when an order can only shrink exposure: it trades against the position and, with what already works against it
 * (`alreadyWorking`, see workingQuantity), is no larger than it. Each of several orders may fit the position alone while
 * together they flip it, which opens new exposure: only the part of the position nothing else closes yet can be reduced.
 */
export function isReducing(request: OrderRequest, position: Position | undefined, estimatedQuantity: number, alreadyWorking = 0): boolean {
  if (!position || position.quantity <= 0) return false;
  const against = (position.side === "LONG" && request.side === "SELL") || (position.side === "SHORT" && request.side === "BUY");
  return against && estimatedQuantity + alreadyWorking <= position.quantity * (1 + 1e-9);
}

/** Price an order is judged at: its limit or stop price, else the last known price. */
export function referencePrice(request: OrderRequest, lastPrice: number): number {
  return request.limitPrice ?? request.stopPrice ?? lastPrice;
}
