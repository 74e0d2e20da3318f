import type { OrderStatus } from "../domain/order.ts";

/**
 * What the conformance kit requires of every order, fill, position and account a provider hands out: what the engine
 * requires before it keeps one (packages/engine event-shape.ts and order-answer.ts, which core must not import), so a
 * provider the kit passes is one the engine can use. A venue's decimal string passed on as a number, a NaN or a negative
 * amount would be dropped there ("fill has no fee") or slip past every limit. Each function names the field and what it
 * holds (its kind, or the number), never a string's content, which may echo a credential; undefined when it fits.
 */

/** Every status of the contract, spelled as it is (a venue's own "new" or "Filled" is not one). */
const STATUSES: Readonly<Record<OrderStatus, true>> = {
  PENDING: true, SUBMITTED: true, ACCEPTED: true, PARTIALLY_FILLED: true, FILLED: true, CANCELLED: true, REJECTED: true, EXPIRED: true, FAILED: true,
};
const CONNECTION_STATES: ReadonlySet<unknown> = new Set(["DISCONNECTED", "CONNECTING", "CONNECTED", "RECONNECTING"]);

/** What is wrong with a trading event, or undefined. */
export function tradingEventProblem(event: unknown): string | undefined {
  if (typeof event !== "object" || event === null) return `an event that is ${kind(event)}`;
  const e = event as Record<string, unknown>;
  switch (e.type) {
    case "order":
      return within("an order event whose order", orderProblem(e.order));
    case "fill": {
      const problem = orderProblem(e.order);
      if (problem !== undefined) return `a fill event whose order ${problem}`;
      return within(`a fill event (order ${(e.order as { clientOrderId: string }).clientOrderId}) whose fill`, fillProblem(e.fill, e.order as OrderFacts));
    }
    case "position":
      if (typeof e.symbol !== "string" || e.symbol === "") return "a position event without a symbol";
      return within(`a position event for ${e.symbol} whose position`, positionProblem(e.position, e.symbol));
    case "account":
      return within("an account event whose account", accountProblem(e.account));
    case "connection":
      if (!CONNECTION_STATES.has(e.state)) return "a connection event whose state is none of DISCONNECTED, CONNECTING, CONNECTED, RECONNECTING";
      return e.error === undefined || e.error instanceof Error ? undefined : `a connection event whose error is ${kind(e.error)}, not an Error`;
    default:
      return "an event of no known type (order, fill, position, account, connection)";
  }
}

/** What an order lacks: both ids, symbol, side, a known status, quantities and fills the engine can keep. */
export function orderProblem(value: unknown): string | undefined {
  if (typeof value !== "object" || value === null) return `is ${kind(value)}, not an order`;
  const order = value as Record<string, unknown>;
  if (typeof order.clientOrderId !== "string" || order.clientOrderId === "") return `has a clientOrderId that is ${kind(order.clientOrderId)}, not a non-empty string`;
  if (!venueIdFits(order.venueOrderId)) return `has a venueOrderId that is ${kind(order.venueOrderId)}, not a string`;
  if (typeof order.symbol !== "string" || order.symbol === "") return `has a symbol that is ${kind(order.symbol)}, not a non-empty string`;
  if (order.side !== "BUY" && order.side !== "SELL") return "has a side that is neither BUY nor SELL";
  if (typeof order.status !== "string" || STATUSES[order.status as OrderStatus] !== true) {
    return `has a status (${typeof order.status === "string" ? order.status : kind(order.status)}) that is none of ${Object.keys(STATUSES).join(", ")}`;
  }
  const amount =
    amountProblem("quantity", order.quantity, "at least 0") ??
    amountProblem("filledQuantity", order.filledQuantity, "at least 0") ??
    amountProblem("averageFillPrice", order.averageFillPrice, "at least 0") ??
    timeProblem("createdAt", order.createdAt) ??
    timeProblem("updatedAt", order.updatedAt);
  if (amount !== undefined) return amount;
  // Quantity 0 is an order sized by quote amount or equity fraction before its fill resolved it: nothing to judge against.
  const [quantity, filled] = [order.quantity as number, order.filledQuantity as number];
  if (quantity > 0 && filled - quantity > 1e-9 * quantity) return `has a filledQuantity of ${filled}, more than its quantity ${quantity}`;
  if (!Array.isArray(order.fills)) return `has fills that are ${kind(order.fills)}, not a list`;
  for (const [index, fill] of order.fills.entries()) {
    const problem = fillProblem(fill, order as OrderFacts);
    if (problem !== undefined) return `has a fill (fills[${index}]) that ${problem}`;
  }
  return undefined;
}

/** The facts of an order its fills must agree with. */
type OrderFacts = { clientOrderId: string; symbol: string; side: string };

/** What a fill of `order` lacks: its id, the order's ids, symbol and side, a positive quantity and price, a finite fee, a time. */
export function fillProblem(value: unknown, order: OrderFacts): string | undefined {
  if (typeof value !== "object" || value === null) return `is ${kind(value)}, not a fill`;
  const fill = value as Record<string, unknown>;
  if (typeof fill.id !== "string" || fill.id === "") return `has an id that is ${kind(fill.id)}, not a non-empty string`;
  if (fill.clientOrderId !== order.clientOrderId) return `has a clientOrderId that is not its order's (${order.clientOrderId})`;
  if (!venueIdFits(fill.venueOrderId)) return `has a venueOrderId that is ${kind(fill.venueOrderId)}, not a string`;
  if (fill.symbol !== order.symbol) return `has a symbol that is not its order's (${order.symbol})`;
  if (fill.side !== order.side) return `has a side that is not its order's (${order.side})`;
  return tradedProblem(fill);
}

/** What a trade of the history lacks: a fill's own fields, and a realised PnL. */
export function tradeProblem(value: unknown): string | undefined {
  if (typeof value !== "object" || value === null) return `is ${kind(value)}, not a trade`;
  const trade = value as Record<string, unknown>;
  if (typeof trade.id !== "string" || trade.id === "") return `has an id that is ${kind(trade.id)}, not a non-empty string`;
  if (typeof trade.clientOrderId !== "string" || trade.clientOrderId === "") return `has a clientOrderId that is ${kind(trade.clientOrderId)}, not a non-empty string`;
  if (!venueIdFits(trade.venueOrderId)) return `has a venueOrderId that is ${kind(trade.venueOrderId)}, not a string`;
  if (typeof trade.symbol !== "string" || trade.symbol === "") return `has a symbol that is ${kind(trade.symbol)}, not a non-empty string`;
  if (trade.side !== "BUY" && trade.side !== "SELL") return "has a side that is neither BUY nor SELL";
  return tradedProblem(trade) ?? amountProblem("realizedPnl", trade.realizedPnl, "any");
}

/** What a position lacks of what the risk checks and the equity read; undefined (flat) fits. */
export function positionProblem(value: unknown, symbol: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "object") return `is ${kind(value)}, not a position`;
  const position = value as Record<string, unknown>;
  if (position.symbol !== symbol) return `names another symbol than ${symbol}`;
  if (position.side !== "LONG" && position.side !== "SHORT") return "has a side that is neither LONG nor SHORT";
  return (
    amountProblem("quantity", position.quantity, "at least 0") ??
    amountProblem("averagePrice", position.averagePrice, "any") ??
    amountProblem("marketPrice", position.marketPrice, "any")
  );
}

/** What an account lacks of what the equity, the sizing and the drawdown checks read. */
export function accountProblem(value: unknown): string | undefined {
  if (typeof value !== "object" || value === null) return `is ${kind(value)}, not an account`;
  const account = value as Record<string, unknown>;
  return amountProblem("balance", account.balance, "any") ?? amountProblem("equity", account.equity, "any");
}

/** The amounts every execution has: quantity and price above 0, a fee (a rebate is negative), a time. */
function tradedProblem(fill: Record<string, unknown>): string | undefined {
  return (
    amountProblem("quantity", fill.quantity, "above 0") ??
    amountProblem("price", fill.price, "above 0") ??
    // A maker rebate is a negative fee (the engine takes one too): only a fee that is no finite number is refused.
    amountProblem("fee", fill.fee, "any") ??
    timeProblem("time", fill.time)
  );
}

/** A field that must be a finite number (a string of digits is not one), with a sign where `rule` asks for it. */
function amountProblem(field: string, value: unknown, rule: "above 0" | "at least 0" | "any"): string | undefined {
  const wanted = rule === "any" ? "a finite number" : rule === "above 0" ? "a finite number above 0" : "a finite number of 0 or more";
  // A venue's decimal text ("0.05000000") must be parsed at the boundary: the engine does not read it as a number.
  const hint = typeof value === "string" ? " (parse the venue's text into a number)" : "";
  if (typeof value !== "number" || !Number.isFinite(value)) return `has ${an(field)} that is ${kind(value)}, not ${wanted}${hint}`;
  if ((rule === "above 0" && !(value > 0)) || (rule === "at least 0" && value < 0)) return `has ${an(field)} of ${value}, not ${wanted}`;
  return undefined;
}

/** A time field: epoch milliseconds, a finite number. */
function timeProblem(field: string, value: unknown): string | undefined {
  return typeof value === "number" && Number.isFinite(value) ? undefined : `has ${an(field)} that is ${kind(value)}, not a time (epoch milliseconds)`;
}

/** A venue's id is text; absent (undefined, or null from JSON) means none yet. A number would not compare equal after a restart. */
function venueIdFits(id: unknown): boolean {
  return id === undefined || id === null || typeof id === "string";
}

/** What a value is, for a message: its kind, or the number itself (never a string's content). */
function kind(value: unknown): string {
  if (value === null) return "null";
  if (value === undefined) return "missing";
  if (typeof value === "number") return Number.isNaN(value) ? "NaN" : String(value);
  if (typeof value === "string") return value === "" ? "an empty string" : "a string";
  if (Array.isArray(value)) return "an array";
  return typeof value === "object" ? "an object" : `a ${typeof value}`;
}

/** A field's name with its article ("an equity", "a fee"). */
function an(field: string): string {
  return `${/^[aeiou]/i.test(field) ? "an" : "a"} ${field}`;
}

/** Prefixes a problem with where it was found, keeping undefined. */
function within(where: string, problem: string | undefined): string | undefined {
  return problem === undefined ? undefined : `${where} ${problem}`;
}
