import type { Order, OrderRequest, OrderSide, Position } from "@argo/core";
import { quantityDifference } from "../stats/decimal-quantity.ts";
import { equitySized, estimateQuantity, referencePrice } from "./exposure.ts";

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
 * Orders sized by quote amount or equity that the venue has not resolved yet count at the price the risk limits value
 * them at (referencePrice: from their limit or stop price and `lastPrice`; NaN when no price is known: unknown, never 0).
 * `reducible`: the position this side trades against (0 when none); equity-sized orders take a share of what the other
 * orders leave of it (see estimateQuantity).
 */
export function workingQuantity(
  symbol: string,
  side: OrderSide,
  open: Iterable<Order> | undefined,
  sending: Iterable<OrderRequest> | undefined,
  lastPrice: number,
  equity: number,
  reducible = 0,
): number {
  // Quantities the venue holds (decimals, summed apart: see ExactSum) and estimates of orders sized at their fill.
  const exact = new ExactSum();
  let estimated = 0;
  // Equity-sized orders against a position, counted last: each takes a share of what the others leave of it.
  let againstPosition: Array<Order | OrderRequest> | undefined;
  if (open !== undefined) {
    for (const order of open) {
      if (order.side !== side || order.symbol !== symbol || order.parentClientOrderId !== undefined) continue;
      // A venue reports quote- and equity-sized orders with quantity 0 until it resolves them at the fill. What is left of
      // one filled in part is the decimal difference (16.36335395 − 16.36335391 is 4e-8, not 4.0000000843e-8).
      if (order.quantity > 0) exact.add(order.filledQuantity === 0 ? order.quantity : quantityDifference(order.quantity, order.filledQuantity));
      else if (reducible > 0 && order.equityFraction !== undefined) (againstPosition ??= []).push(order);
      else estimated += unresolved(order, lastPrice, equity, 0);
    }
  }
  if (sending !== undefined) {
    for (const request of sending) {
      if (request.side !== side || request.symbol !== symbol) continue;
      if (reducible > 0 && request.quantity === undefined && request.equityFraction !== undefined) (againstPosition ??= []).push(request);
      else if (request.quantity !== undefined) exact.add(request.quantity);
      else estimated += estimateQuantity(request, referencePrice(request, lastPrice), equity);
    }
  }
  let total = exact.value() + estimated;
  if (againstPosition !== undefined) {
    const left = total >= 0 ? Math.max(0, reducible - total) : reducible;
    for (const item of againstPosition) total += unresolved(item, lastPrice, equity, left);
  }
  return total;
}

/**
 * Whether what {@link workingQuantity} counts for `symbol` and `side` holds an estimate: an order sized by quote amount or
 * equity that the venue has not resolved to a quantity yet. A close sized against it is then off the lot grid by as much
 * as the estimate is (see floorToLot); one against orders all sized by quantity is exact.
 */
export function workingEstimated(symbol: string, side: OrderSide, open: Iterable<Order> | undefined, sending: Iterable<OrderRequest> | undefined): boolean {
  if (open !== undefined) {
    for (const order of open) {
      if (order.side !== side || order.symbol !== symbol || order.parentClientOrderId !== undefined) continue;
      if (!(order.quantity > 0) && (order.quoteAmount !== undefined || order.equityFraction !== undefined)) return true;
    }
  }
  if (sending !== undefined) {
    for (const request of sending) {
      if (request.side !== side || request.symbol !== symbol) continue;
      if (request.quantity === undefined && (request.quoteAmount !== undefined || request.equityFraction !== undefined)) return true;
    }
  }
  return false;
}

/**
 * A sum of quantities the venue holds as decimals, without the float residue of adding them: 0.7 + 0.1 is 0.8, not
 * 0.7999999999999999, and sixty 0.1s are 6, so a close sized from it stays on the grid. Compensated (Neumaier): the
 * rounding error of each add is carried apart, so the sum stays within an ulp of the exact one however many orders there
 * are; 15 significant digits (more than any venue quantity has) then give its decimal back. Whole numbers pass as they are.
 */
class ExactSum {
  private sum = 0;
  private carry = 0;

  add(quantity: number): void {
    const sum = this.sum;
    const next = sum + quantity;
    this.carry += Math.abs(sum) >= Math.abs(quantity) ? sum - next + quantity : quantity - next + sum;
    this.sum = next;
  }

  value(): number {
    // An infinite addend leaves the carry NaN (∞ − ∞): the sum itself says it.
    if (!Number.isFinite(this.sum)) return this.sum;
    const sum = this.sum + this.carry;
    return Number.isInteger(sum) || !Number.isFinite(sum) ? sum : Number(sum.toPrecision(15));
  }
}

/** An order sized at its fill (quote or equity) as the risk limits value it; 0 for one of no size. */
function unresolved(order: Order | OrderRequest, lastPrice: number, equity: number, reducible: number): number {
  const price = referencePrice(order, lastPrice);
  if (!(price > 0)) return Number.NaN;
  if (order.quoteAmount !== undefined) return order.quoteAmount / price;
  if (order.equityFraction !== undefined) return equitySized(order.equityFraction, price, equity, reducible);
  return 0; // an order of no size trades nothing
}

/** How many bracket legs (take-profit, stop-loss) an order carries: 0 to 2. */
export function bracketLegCount(request: OrderRequest): number {
  return (request.takeProfit !== undefined ? 1 : 0) + (request.stopLoss !== undefined ? 1 : 0);
}

/**
 * How many open orders a new order can become for maxOpenOrders: itself, and with a bracket its legs too, which the venue
 * places as orders of their own once it fills (some venues list them from the start; the paper venue when the entry ends).
 */
export function ordersOf(request: OrderRequest): number {
  return 1 + bracketLegCount(request);
}

/**
 * Open orders as maxOpenOrders counts them: each open order and each request in flight, and the legs an entry still
 * open or in flight will add (see ordersOf). An entry whose legs are already open at the venue counts only as itself:
 * its legs are among the open orders and count there, not twice.
 */
export function openOrderCount(open: Iterable<Order>, sending: Iterable<OrderRequest> | undefined): number {
  let count = 0;
  let entries: Order[] | undefined;
  let withLegs: Set<string> | undefined;
  for (const order of open) {
    count++;
    if (order.parentClientOrderId !== undefined) (withLegs ??= new Set()).add(order.parentClientOrderId);
    else if (bracketLegCount(order) > 0) (entries ??= []).push(order);
  }
  if (entries !== undefined) {
    for (const entry of entries) if (withLegs === undefined || !withLegs.has(entry.clientOrderId)) count += bracketLegCount(entry);
  }
  if (sending !== undefined) for (const request of sending) count += ordersOf(request);
  return count;
}
