import { ArgoError, type Order, type OrderStatus } from "@argo/core";
import { isCount, pastQuantity, shownNumber } from "./venue-numbers.ts";

/** Every status of the contract, spelled as it is (a venue's own "new" or "Filled" is not one): typed so a new status must be added. */
const KNOWN_STATUSES: Readonly<Record<OrderStatus, true>> = {
  PENDING: true, SUBMITTED: true, ACCEPTED: true, PARTIALLY_FILLED: true, FILLED: true, CANCELLED: true, REJECTED: true, EXPIRED: true, FAILED: true,
};

/**
 * Whether a venue's answer has what the engine reads of an order (its id, status, quantities and fills). A provider that
 * breaks its contract (an empty body read as an order) must not crash the engine or reach the mirror and the journal.
 */
export function isOrderLike(value: unknown): value is Order {
  return orderShapeProblem(value) === undefined;
}

/**
 * What an order from a venue lacks, naming the field; undefined when it is order-like. A number is shown as it is, any
 * other value only by its kind (a venue may echo a credential).
 */
export function orderShapeProblem(value: unknown): string | undefined {
  if (typeof value !== "object" || value === null) return `is ${value === null ? "null" : typeof value}, not an order`;
  const order = value as Partial<Order>;
  if (typeof order.clientOrderId !== "string" || order.clientOrderId === "") return "has no clientOrderId";
  if (typeof order.status !== "string") return "has no status";
  if (KNOWN_STATUSES[order.status] !== true) return `has a status that is none of ${Object.keys(KNOWN_STATUSES).join(", ")}`;
  if (typeof order.symbol !== "string") return "has no symbol";
  if (typeof order.filledQuantity !== "number") return "has no filledQuantity";
  const quantities = quantityProblem(order);
  if (quantities !== undefined) return quantities;
  if (!Array.isArray(order.fills)) return "has no fills list";
  if (!venueIdFits(order.venueOrderId)) return "has a venueOrderId that is not a string";
  return undefined;
}

/**
 * What is wrong with an order's quantities: the risk limits count quantity − filledQuantity as still working, the mirror
 * and the journal keep all three, and a NaN stored is NULL read back. A quantity of 0 is an order sized by quote amount
 * or equity fraction before its fill resolved it: no filled quantity can be judged against it.
 */
function quantityProblem(order: Partial<Order>): string | undefined {
  const { quantity, filledQuantity, averageFillPrice } = order;
  if (!isCount(quantity)) return `has a quantity that is not a number of zero or more (${shownNumber(quantity)})`;
  if (!isCount(filledQuantity)) return `has a filledQuantity that is not a number of zero or more (${shownNumber(filledQuantity)})`;
  if (quantity > 0 && pastQuantity(filledQuantity, quantity)) return `has a filledQuantity of ${filledQuantity}, more than its quantity ${quantity}`;
  if (!isCount(averageFillPrice)) return `has an averageFillPrice that is not a number of zero or more (${shownNumber(averageFillPrice)})`;
  return undefined;
}

/**
 * The venue's id is text in the contract and in the journal; a number (a raw exchange id passed on unconverted) would be
 * stored as its digits and read back as a string, so the same order would not compare equal across a restart. Absent
 * (undefined, or null from a JSON body) means the venue gave none yet.
 */
export function venueIdFits(id: unknown): boolean {
  return id === undefined || id === null || typeof id === "string";
}

/**
 * INVALID_DATA for a venue answer that is not what was asked for: an object by what it lacks ({@link orderShapeProblem}),
 * anything else by its kind; never its text (it may echo a credential).
 */
export function malformedAnswer(venue: string, call: string, answer: unknown): ArgoError {
  const isObject = typeof answer === "object" && answer !== null && !Array.isArray(answer);
  const problem = isObject ? orderShapeProblem(answer) : undefined;
  if (problem !== undefined) return new ArgoError("INVALID_DATA", `${venue} answered the ${call} with an order that ${problem}`, { provider: venue });
  const kind = answer === null ? "null" : Array.isArray(answer) ? "an array" : typeof answer;
  return new ArgoError("INVALID_DATA", `${venue} answered the ${call} with ${kind}, not an order (id, status, filled quantity and fills)`, { provider: venue });
}
