import type { Order, OrderRequest } from "@argo/core";

/**
 * Sets on `order` the optional request fields `from` has, in the one order the venue adds them: placement
 * (place-order.ts) and snapshots (snapshots.ts) both use it, so an order and its copies list their keys
 * alike (JSON output). takeProfit and stopLoss are passed by reference; placement freezes its own copies.
 */
export function copyRequestFields(from: OrderRequest, order: Order): void {
  if (from.quoteAmount !== undefined) order.quoteAmount = from.quoteAmount;
  if (from.equityFraction !== undefined) order.equityFraction = from.equityFraction;
  if (from.limitPrice !== undefined) order.limitPrice = from.limitPrice;
  if (from.stopPrice !== undefined) order.stopPrice = from.stopPrice;
  if (from.takeProfit !== undefined) order.takeProfit = from.takeProfit;
  if (from.stopLoss !== undefined) order.stopLoss = from.stopLoss;
  if (from.positionSide !== undefined) order.positionSide = from.positionSide;
  if (from.reason !== undefined) order.reason = from.reason;
  if (from.strategyName !== undefined) order.strategyName = from.strategyName;
}
