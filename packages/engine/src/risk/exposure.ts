import type { OrderRequest, Position } from "@argo/core";

/**
 * Base quantity an order will roughly have: exact for quantity orders, estimated at `price` for quote and equity sizing.
 * `reducible`: the position the order trades against (0 when none). An equity-sized order takes its share of the buying
 * power plus twice the value of the position it reduces (the paper venue's rule: closing a short frees its margin and
 * the cash it pays back is then spent again), so against a position it can be up to twice `fraction × equity ÷ price`;
 * counted so, with the equity standing for the buying power (never below it), the estimate is an upper bound.
 */
export function estimateQuantity(request: OrderRequest, price: number, equity: number, reducible = 0): number {
  if (request.quantity !== undefined) return request.quantity;
  if (!(price > 0)) return Number.NaN;
  if (request.quoteAmount !== undefined) return request.quoteAmount / price;
  if (request.equityFraction !== undefined) return equitySized(request.equityFraction, price, equity, reducible);
  return Number.NaN;
}

/** The most an order sized by `fraction` of the equity can trade at `price` against a position of `reducible` (see estimateQuantity). */
export function equitySized(fraction: number, price: number, equity: number, reducible: number): number {
  return fraction * (equity / price + 2 * reducible);
}

/** Signed position quantity: positive long, negative short, 0 flat. */
export function signedQuantity(position: Position | undefined): number {
  if (!position) return 0;
  return position.side === "LONG" ? position.quantity : -position.quantity;
}

/**
 * Why an order against a position cannot count as reducing it whatever its size, or undefined when it can. Bracket legs
 * trade the other way once it fills, opening a new position; an order sized by quoteAmount or equityFraction gets its
 * quantity from the fill price, which nothing known now bounds, so it may close more than the position and flip it.
 */
export function neverReducing(request: OrderRequest): string | undefined {
  if (request.takeProfit !== undefined || request.stopLoss !== undefined) {
    return "an order with a takeProfit or stopLoss never counts as one: its legs open a new position once it fills";
  }
  if (request.quantity === undefined) {
    return `only an order sized by quantity counts as one: ${request.quoteAmount !== undefined ? "a quoteAmount" : "an equityFraction"} order is sized at its fill price and may flip the position`;
  }
  return undefined;
}

/**
 * True when an order can only shrink exposure: it trades against the position, can count as reducing at all (see
 * neverReducing) and, with what already works against it (`alreadyWorking`, see workingQuantity), is no larger than it.
 * Each of several orders may fit the position alone while together they flip it, which opens new exposure: only the part
 * of the position nothing else closes yet can be reduced.
 */
export function isReducing(request: OrderRequest, position: Position | undefined, estimatedQuantity: number, alreadyWorking = 0): boolean {
  if (!position || position.quantity <= 0 || neverReducing(request) !== undefined) return false;
  const against = (position.side === "LONG" && request.side === "SELL") || (position.side === "SHORT" && request.side === "BUY");
  return against && estimatedQuantity + alreadyWorking <= position.quantity * (1 + 1e-9);
}

/**
 * Price an order is valued at: the highest it can fill at as far as is known now (`lastPrice`, NaN when none), so
 * maxOrderValue and maxPositionNotional judge its worst case, not its best. Per type and side:
 * - MARKET: the last price.
 * - BUY LIMIT, BUY STOP_LIMIT: the limit; a buy never fills above it.
 * - SELL LIMIT: max(limit, last): a sell limit fills at or above its limit, at the market when that is higher (a limit
 *   below the market fills at once).
 * - BUY STOP: max(stop, last); SELL STOP: min(stop, last). A stop the market has already passed triggers at once and
 *   fills at the market; one still ahead of it fills around its stop. Either way, the price it triggers at.
 * - SELL STOP_LIMIT: max(limit, the price it triggers at): once triggered it is a sell limit.
 * Without a last price, the order's own prices stand alone (NaN for a MARKET order: unknown, never 0). Only the prices
 * its type uses count: a venue ignores a stray limitPrice on a MARKET order, so it must not lower the value here.
 */
export function referencePrice(request: OrderRequest, lastPrice: number): number {
  const type = request.type;
  const limit = type === "LIMIT" || type === "STOP_LIMIT" ? request.limitPrice : undefined;
  const stop = type === "STOP" || type === "STOP_LIMIT" ? request.stopPrice : undefined;
  let market = lastPrice;
  if (stop !== undefined) market = !(lastPrice > 0) ? stop : request.side === "BUY" ? Math.max(stop, lastPrice) : Math.min(stop, lastPrice);
  if (limit === undefined) return market;
  if (request.side === "BUY") return limit;
  return market > limit ? market : limit;
}
