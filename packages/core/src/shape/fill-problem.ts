import { amountProblem, kindOf, shownText, textProblem, timeProblem, venueIdProblem } from "./describe-value.ts";

/** The facts of an order its fills must agree with. */
export interface FillOwner {
  clientOrderId: string;
  symbol: string;
  side: string;
}

/**
 * What makes `value` a fill `order` cannot have had, or undefined: a malformed fill (no id, no positive quantity or
 * price, no fee, no time), or one of another order, in another symbol or on the other side (booked, it would move a
 * position the order never touched). Whether the order's fills sum past its quantity needs the fills booked before: the
 * engine judges that when it books.
 */
export function fillProblem(value: unknown, order: FillOwner): string | undefined {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return `is ${kindOf(value)}, not a fill`;
  const fill = value as Record<string, unknown>;
  const named = textProblem("id", fill.id);
  if (named !== undefined) return named;
  if (fill.clientOrderId !== order.clientOrderId) return `has a clientOrderId that is not its order's (${order.clientOrderId})`;
  const venueId = venueIdProblem(fill.venueOrderId);
  if (venueId !== undefined) return venueId;
  if (typeof fill.symbol !== "string") return `has a symbol that is ${kindOf(fill.symbol)}, not a string`;
  if (fill.symbol !== order.symbol) return `has symbol ${shownText(fill.symbol)}, not its order's ${shownText(order.symbol)}`;
  if (fill.side !== "BUY" && fill.side !== "SELL") return "has a side that is neither BUY nor SELL";
  if (fill.side !== order.side) return `has side ${fill.side}, not its order's ${order.side}`;
  return executionProblem(fill);
}

/** The amounts every execution (a fill, a trade) has: quantity and price above 0, a fee (a rebate is negative), a time. */
export function executionProblem(execution: Record<string, unknown>): string | undefined {
  return (
    amountProblem("quantity", execution.quantity, "above 0") ??
    amountProblem("price", execution.price, "above 0") ??
    // A maker rebate is a negative fee (the engine books one too): only a fee that is no finite number is refused.
    amountProblem("fee", execution.fee, "any") ??
    timeProblem("time", execution.time)
  );
}
