import type { Account, Fill, Order, Position, TradingEvent } from "@argo/core";
import { orderShapeProblem, venueIdFits } from "./order-answer.ts";
import { isFiniteNumber, shownNumber } from "./venue-numbers.ts";

const CONNECTION_STATES: ReadonlySet<unknown> = new Set(["DISCONNECTED", "CONNECTING", "CONNECTED", "RECONNECTING"]);

/**
 * What is wrong with a venue event, or undefined when it has what the mirror, the journal, the risk checks and the
 * callbacks read. Names the field, and a number's value (never text: a venue may echo a credential): a NaN quantity or
 * balance stored would slip past every limit.
 */
export function eventShapeProblem(event: unknown): string | undefined {
  if (typeof event !== "object" || event === null) return `an event that is ${event === null ? "null" : typeof event}`;
  const e = event as TradingEvent;
  switch (e.type) {
    case "order": {
      const problem = orderShapeProblem(e.order);
      return problem === undefined ? undefined : `an order event whose order ${problem}`;
    }
    case "fill": {
      const orderProblem = orderShapeProblem(e.order);
      if (orderProblem !== undefined) return `a fill event whose order ${orderProblem}`;
      const problem = fillProblem(e.fill, e.order);
      return problem === undefined ? undefined : `a fill event whose fill ${problem} (order ${e.order.clientOrderId})`;
    }
    case "position": {
      if (typeof e.symbol !== "string" || e.symbol === "") return "a position event without a symbol";
      const problem = positionShapeProblem(e.position, e.symbol);
      return problem === undefined ? undefined : `a position event for ${e.symbol} whose position ${problem}`;
    }
    case "account": {
      const problem = accountShapeProblem(e.account);
      return problem === undefined ? undefined : `an account event whose account ${problem}`;
    }
    case "connection":
      if (!CONNECTION_STATES.has(e.state)) return "a connection event whose state is none of DISCONNECTED, CONNECTING, CONNECTED, RECONNECTING";
      return e.error === undefined || e.error instanceof Error ? undefined : "a connection event whose error is not an Error";
    default:
      return "an event of no known type (order, fill, position, account, connection)";
  }
}

/** What a position lacks of what the risk checks, the closes and the equity read; undefined or null means flat. */
export function positionShapeProblem(value: unknown, symbol: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "object") return `is ${typeof value}, not a position`;
  const position = value as Partial<Position>;
  if (position.symbol !== symbol) return "names another symbol than the event's";
  if (position.side !== "LONG" && position.side !== "SHORT") return "has a side that is neither LONG nor SHORT";
  if (!isFiniteNumber(position.quantity) || position.quantity < 0) return "has no quantity of zero or more";
  if (!isFiniteNumber(position.averagePrice)) return "has no averagePrice";
  if (!isFiniteNumber(position.marketPrice)) return "has no marketPrice";
  return undefined;
}

/** What an account lacks of what the equity, the sizing and the drawdown checks read. */
export function accountShapeProblem(value: unknown): string | undefined {
  if (typeof value !== "object" || value === null) return `is ${value === null ? "null" : typeof value}, not an account`;
  const account = value as Partial<Account>;
  if (!isFiniteNumber(account.balance)) return "has no balance";
  if (!isFiniteNumber(account.equity)) return "has no equity";
  return undefined;
}

/** What a fill lacks of what the journal and the fill callbacks read (id, order, side, quantity, price, fee, time). */
export function fillShapeProblem(value: unknown, clientOrderId: string): string | undefined {
  if (typeof value !== "object" || value === null) return `is ${value === null ? "null" : typeof value}, not a fill`;
  const fill = value as Partial<Fill>;
  if (typeof fill.id !== "string" || fill.id === "") return "has no id";
  if (fill.clientOrderId !== clientOrderId) return "belongs to another order than the one it came with";
  if (!venueIdFits(fill.venueOrderId)) return "has a venueOrderId that is not a string";
  if (typeof fill.symbol !== "string") return "has no symbol";
  if (fill.side !== "BUY" && fill.side !== "SELL") return "has a side that is neither BUY nor SELL";
  if (!isFiniteNumber(fill.quantity) || fill.quantity <= 0) return `has no positive quantity (${shownNumber(fill.quantity)})`;
  if (!isFiniteNumber(fill.price) || fill.price <= 0) return `has no positive price (${shownNumber(fill.price)})`;
  // A maker rebate is a negative fee: only a fee that is no number at all is refused.
  if (!isFiniteNumber(fill.fee)) return `has no fee (${shownNumber(fill.fee)})`;
  if (!isFiniteNumber(fill.time)) return `has no time (${shownNumber(fill.time)})`;
  return undefined;
}

/**
 * What makes a fill one its order cannot have had, from an event or inside an answer: a malformed fill
 * ({@link fillShapeProblem}), or one in another symbol or on the other side (booked, it would move a position the order
 * never touched). Whether the order's fills sum past its quantity is the booking's to judge (BookedFills): it needs
 * those booked before.
 */
export function fillProblem(fill: unknown, order: Order): string | undefined {
  const problem = fillShapeProblem(fill, order.clientOrderId);
  if (problem !== undefined) return problem;
  const { symbol, side } = fill as Fill;
  if (symbol !== order.symbol) return `names symbol ${shownSymbol(symbol)}, not its order's ${shownSymbol(order.symbol)}`;
  if (side !== order.side) return `has side ${side}, not its order's ${order.side}`;
  return undefined;
}

/** A symbol as text when it looks like one; anything else (a venue echoing a key in the field) only by its length. */
function shownSymbol(symbol: string): string {
  return /^[\w.:/-]{1,24}$/.test(symbol) ? `"${symbol}"` : `of ${symbol.length} characters that does not look like a symbol`;
}
