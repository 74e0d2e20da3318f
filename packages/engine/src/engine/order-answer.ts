import { ArgoError, type Order } from "@argo/core";

/**
 * Whether a venue's answer has what the engine reads of an order (its id, status, quantities and fills). A provider that
 * breaks its contract (an empty body read as an order) must not crash the engine or reach the mirror and the journal.
 */
export function isOrderLike(value: unknown): value is Order {
  if (typeof value !== "object" || value === null) return false;
  const order = value as Partial<Order>;
  return typeof order.clientOrderId === "string" && order.clientOrderId !== "" && typeof order.status === "string" &&
    typeof order.symbol === "string" && typeof order.filledQuantity === "number" && Array.isArray(order.fills);
}

/** INVALID_DATA for a venue answer that is not what was asked for; the message shows only its kind, never its content (it may echo a credential). */
export function malformedAnswer(venue: string, call: string, answer: unknown): ArgoError {
  const kind = answer === null ? "null" : Array.isArray(answer) ? "an array" : typeof answer;
  return new ArgoError("INVALID_DATA", `${venue} answered the ${call} with ${kind}, not an order (id, status, filled quantity and fills)`, { provider: venue });
}
