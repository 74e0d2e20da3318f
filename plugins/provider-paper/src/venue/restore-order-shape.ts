import type { Order, OrderRequest } from "@argo/core";
import { remainingOf as unfilledOf } from "./execute-fill.ts";
import type { Sizing } from "./order-record.ts";
import { isFiniteNumber, isId, isObject } from "./restore-ids.ts";
import type { SymbolBook } from "./symbol-book.ts";
import { isPositive } from "./validate-request.ts";

/** Statuses of an order still working; a record's order in any other is not taken back. */
const WORKING = new Set(["PENDING", "SUBMITTED", "ACCEPTED", "PARTIALLY_FILLED"]);

/**
 * True when a record's order has the fields restore reads, of the right kinds: ids, symbol, side, a working
 * status, finite quantities and times (triggeredAt too, when set), fills with positive quantity and price and a fee, and for a bracket leg
 * its entry's id, its reason and a stop type. What placement checks (type, prices, sizing) is judged after this.
 */
export function wellFormedOrder(order: unknown): order is Order {
  if (!isObject(order)) return false;
  const { clientOrderId, venueOrderId, symbol, side, status, fills, parentClientOrderId } = order;
  if (!isId(clientOrderId) || !isId(venueOrderId) || !isId(symbol) || (side !== "BUY" && side !== "SELL")) return false;
  if (typeof status !== "string" || !WORKING.has(status) || !Array.isArray(fills) || !fills.every(isRecordedFill)) return false;
  for (const field of ["quantity", "filledQuantity", "averageFillPrice"]) if (!(isFiniteNumber(order[field]) && order[field] >= 0)) return false;
  if (!isFiniteNumber(order.createdAt) || !isFiniteNumber(order.updatedAt)) return false;
  if (order.triggeredAt !== undefined && !isFiniteNumber(order.triggeredAt)) return false;
  if (parentClientOrderId === undefined) return true;
  const { reason, type } = order;
  return isId(parentClientOrderId) && (reason === "stop-loss" || reason === "take-profit") && (type === "STOP" || type === "STOP_LIMIT");
}

/** The request the order was placed with (one sizing field, as placement requires), to be judged again as placement judges it. */
export function requestOf(input: Order, isLeg: boolean, sizing: Sizing): OrderRequest {
  return {
    symbol: input.symbol,
    side: input.side,
    type: input.type,
    quantity: sizing === "quantity" ? input.quantity : undefined,
    quoteAmount: input.quoteAmount,
    equityFraction: input.equityFraction,
    limitPrice: input.limitPrice,
    stopPrice: input.stopPrice,
    timeInForce: input.timeInForce,
    takeProfit: isLeg ? undefined : input.takeProfit,
    stopLoss: isLeg ? undefined : input.stopLoss,
  };
}

/**
 * Quantity still to fill, as execute-fill.ts reckons it (snapped to the lot step): 0 for a quote- or equity-sized order not resolved
 * yet (its quantity is 0 until its first fill); undefined when nothing is left or the figures disagree.
 */
export function restorableRemaining(input: Order, book: SymbolBook): number | undefined {
  const { quantity, filledQuantity } = input;
  if (quantity === 0) return filledQuantity === 0 && (input.quoteAmount !== undefined || input.equityFraction !== undefined) ? 0 : undefined;
  const snapped = unfilledOf(input, book.rules.stepSize, book.rules.stepDecimals);
  return snapped > 0 ? snapped : undefined;
}

function isRecordedFill(fill: unknown): boolean {
  if (!isObject(fill)) return false;
  const { quantity, price, fee } = fill;
  return isPositive(quantity) && isPositive(price) && isFiniteNumber(fee) && fee >= 0;
}
