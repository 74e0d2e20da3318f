import type { OrderStatus } from "../domain/order.ts";
import { amountProblem, kindOf, shownText, textProblem, timeProblem, venueIdProblem } from "./describe-value.ts";

/** Every status of the contract, spelled as it is (a venue's own "new" or "Filled" is not one): typed so a new status must be added. */
const STATUSES: Readonly<Record<OrderStatus, true>> = {
  PENDING: true, SUBMITTED: true, ACCEPTED: true, PARTIALLY_FILLED: true, FILLED: true, CANCELLED: true, REJECTED: true, EXPIRED: true, FAILED: true,
};

/**
 * Relative slack when quantities a venue reports are compared: partial fills summed in floating point land a few units
 * of the last place off their order's quantity (0.1 + 0.2 is not 0.3), which is rounding, not an overfill.
 */
export const QUANTITY_SLACK = 1e-9;

/** Whether `amount` is past `limit` by more than float rounding ({@link QUANTITY_SLACK}, relative). */
export function pastQuantity(amount: number, limit: number): boolean {
  return amount - limit > QUANTITY_SLACK * Math.abs(limit);
}

/**
 * What an order a venue hands out lacks of what the engine reads (the mirror, the journal, the risk limits, the fill
 * checks), naming the field; undefined when it fits. The risk limits count quantity − filledQuantity as still working,
 * and a NaN stored is NULL read back. Its fills must be a list; each fill is judged on its own (see fillProblem), so one
 * bad fill does not hide the order's status.
 */
export function orderProblem(value: unknown): string | undefined {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return `is ${kindOf(value)}, not an order`;
  const order = value as Record<string, unknown>;
  const named = textProblem("clientOrderId", order.clientOrderId) ?? venueIdProblem(order.venueOrderId) ?? textProblem("symbol", order.symbol);
  if (named !== undefined) return named;
  if (order.side !== "BUY" && order.side !== "SELL") return "has a side that is neither BUY nor SELL";
  if (typeof order.status !== "string" || STATUSES[order.status as OrderStatus] !== true) {
    const shown = typeof order.status === "string" ? shownText(order.status) : kindOf(order.status);
    return `has status ${shown}, none of ${Object.keys(STATUSES).join(", ")}`;
  }
  const numbers =
    amountProblem("quantity", order.quantity, "at least 0") ??
    amountProblem("filledQuantity", order.filledQuantity, "at least 0") ??
    amountProblem("averageFillPrice", order.averageFillPrice, "at least 0") ??
    timeProblem("createdAt", order.createdAt) ??
    timeProblem("updatedAt", order.updatedAt);
  if (numbers !== undefined) return numbers;
  // Quantity 0 is an order sized by quote amount or equity fraction before its fill resolved it: nothing to judge against.
  const [quantity, filled] = [order.quantity as number, order.filledQuantity as number];
  if (quantity > 0 && pastQuantity(filled, quantity)) return `has a filledQuantity of ${filled}, more than its quantity ${quantity}`;
  return Array.isArray(order.fills) ? undefined : `has fills that are ${kindOf(order.fills)}, not a list`;
}
