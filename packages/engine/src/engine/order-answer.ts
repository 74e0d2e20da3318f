import { ArgoError, type Order, orderProblem } from "@argo/core";

/**
 * Whether a venue's answer has what the engine reads of an order (core's {@link orderProblem}: ids, side, status,
 * quantities, times, a fills list). A provider that breaks its contract (an empty body read as an order) must not crash
 * the engine or reach the mirror and the journal.
 */
export function isOrderLike(value: unknown): value is Order {
  return orderProblem(value) === undefined;
}

/**
 * INVALID_DATA for a venue answer that is not what was asked for: an object by what it lacks ({@link orderProblem}),
 * anything else by its kind; never its text (it may echo a credential).
 */
export function malformedAnswer(venue: string, call: string, answer: unknown): ArgoError {
  const isObject = typeof answer === "object" && answer !== null && !Array.isArray(answer);
  const problem = isObject ? orderProblem(answer) : undefined;
  if (problem !== undefined) return new ArgoError("INVALID_DATA", `${venue} answered the ${call} with an order that ${problem}`, { provider: venue });
  const kind = answer === null ? "null" : Array.isArray(answer) ? "an array" : typeof answer;
  return new ArgoError("INVALID_DATA", `${venue} answered the ${call} with ${kind}, not an order (id, status, filled quantity and fills)`, { provider: venue });
}

/**
 * The report of a malformed placement answer (`malformed`, see malformedAnswer) that does not stand as the placement's
 * outcome (the order was booked from a lookup or events, or the answer came after its deadline): `note` says which.
 */
export function malformedPlacementReport(malformed: ArgoError, clientOrderId: string, note: string): ArgoError {
  return new ArgoError("INVALID_DATA", `${malformed.message}; ${note} (order ${clientOrderId})`, {
    provider: malformed.provider,
    details: { clientOrderId },
  });
}
