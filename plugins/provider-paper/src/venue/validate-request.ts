import type { BracketLeg, OrderRequest } from "@argo/core";
import { invalidOrder } from "./errors.ts";
import type { VenueState } from "./venue-state.ts";

const TYPES = new Set(["MARKET", "LIMIT", "STOP", "STOP_LIMIT"]);
const TIME_IN_FORCE = new Set(["GTC", "IOC", "FOK", "DAY"]);

/**
 * Refuses a malformed request with INVALID_ORDER naming the field; venue rules and funds are checked
 * elsewhere, and clientOrderId by placeOrder before this (a retried order is told it exists first).
 */
export function validateRequest(state: VenueState, request: OrderRequest): void {
  if (request === null || typeof request !== "object") throw invalidOrder(state, "an order request must be an object");
  const { side, type, quantity, quoteAmount, equityFraction, limitPrice, stopPrice, timeInForce } = request;
  if (side !== "BUY" && side !== "SELL") throw invalidOrder(state, `side must be BUY or SELL, got ${given(side)}`, { field: "side" });
  if (!TYPES.has(type)) throw invalidOrder(state, `type must be MARKET, LIMIT, STOP or STOP_LIMIT, got ${given(type)}`, { field: "type" });
  if (timeInForce !== undefined && !TIME_IN_FORCE.has(timeInForce)) {
    throw invalidOrder(state, `timeInForce must be GTC, IOC, FOK or DAY, got ${given(timeInForce)}`, { field: "timeInForce" });
  }
  const sizes = (quantity !== undefined ? 1 : 0) + (quoteAmount !== undefined ? 1 : 0) + (equityFraction !== undefined ? 1 : 0);
  if (sizes !== 1) throw invalidOrder(state, "exactly one of quantity, quoteAmount and equityFraction must be given", { field: "quantity" });
  if (quantity !== undefined && !isPositive(quantity)) {
    throw invalidOrder(state, `quantity must be a positive number, got ${given(quantity)}`, { field: "quantity" });
  }
  if (quoteAmount !== undefined && !isPositive(quoteAmount)) {
    throw invalidOrder(state, `quoteAmount must be a positive number, got ${given(quoteAmount)}`, { field: "quoteAmount" });
  }
  if (equityFraction !== undefined && !(typeof equityFraction === "number" && equityFraction > 0 && equityFraction <= 1)) {
    throw invalidOrder(state, `equityFraction must be in (0, 1], got ${given(equityFraction)}`, { field: "equityFraction" });
  }
  const needsLimit = type === "LIMIT" || type === "STOP_LIMIT";
  const needsStop = type === "STOP" || type === "STOP_LIMIT";
  checkPrice(state, "limitPrice", limitPrice, needsLimit, type);
  checkPrice(state, "stopPrice", stopPrice, needsStop, type);
  if (request.takeProfit !== undefined || request.stopLoss !== undefined) validateLegs(state, request);
}

function checkPrice(state: VenueState, field: string, value: number | undefined, required: boolean, type: string): void {
  if (value === undefined) {
    if (required) throw invalidOrder(state, `${field} is required for a ${type} order`, { field });
    return;
  }
  if (!required) throw invalidOrder(state, `${field} is not allowed on a ${type} order`, { field });
  if (!isPositive(value)) {
    throw invalidOrder(state, `${field} must be a positive number, got ${given(value)}`, { field });
  }
}

function validateLegs(state: VenueState, request: OrderRequest): void {
  const { takeProfit, stopLoss } = request;
  checkLeg(state, "takeProfit", takeProfit);
  checkLeg(state, "stopLoss", stopLoss);
  const buy = request.side === "BUY";
  if (takeProfit && stopLoss && (buy ? takeProfit.triggerPrice <= stopLoss.triggerPrice : takeProfit.triggerPrice >= stopLoss.triggerPrice)) {
    throw invalidOrder(
      state,
      `takeProfit.triggerPrice ${takeProfit.triggerPrice} must be ${buy ? "above" : "below"} stopLoss.triggerPrice ${stopLoss.triggerPrice} for a ${request.side} entry`,
      { field: "takeProfit.triggerPrice" },
    );
  }
  // The price the entry is known to trade at or better: its limit, else a stop's trigger (it fills at or past the stop).
  // A market entry has neither: placement checks its legs against the last price (checkMarketEntryLegs).
  const entry = request.limitPrice ?? request.stopPrice;
  if (entry === undefined) return;
  checkLegsAgainst(state, request, entry, request.limitPrice !== undefined ? "the entry limit" : "the entry stop");
}

/**
 * Refuses a MARKET entry whose take-profit or stop-loss is on the wrong side of the symbol's last price (`lastPrice`,
 * NaN before the first one, when nothing is checked), by the rule a limit entry's legs meet: such a bracket would
 * round-trip on the entry's own bar, paying two fees. Placement only: restore takes back an entry accepted when the
 * price was elsewhere, and refusing it now, because the market moved, would lose a working order.
 */
export function checkMarketEntryLegs(state: VenueState, request: OrderRequest, lastPrice: number): void {
  if (request.type !== "MARKET" || lastPrice !== lastPrice || (request.takeProfit === undefined && request.stopLoss === undefined)) return;
  checkLegsAgainst(state, request, lastPrice, "the last price");
}

/**
 * Refuses a STOP or STOP_LIMIT whose stopPrice the symbol's last price (`lastPrice`, NaN before the first one, when
 * nothing is checked) has already reached: a BUY's stop at or below it, a SELL's at or above it. Such a stop would fire
 * at the next open and trade as a market (or plain limit) order; Binance refuses it (-2010 "Order would trigger
 * immediately"), as a wrong-side bracket leg is refused here. Placement only, as checkMarketEntryLegs: a restored stop
 * was accepted when the price was elsewhere.
 */
export function checkStopNotReached(state: VenueState, request: OrderRequest, lastPrice: number): void {
  const type = request.type;
  if ((type !== "STOP" && type !== "STOP_LIMIT") || lastPrice !== lastPrice) return;
  const stop = request.stopPrice!;
  const buy = request.side === "BUY";
  if (buy ? stop > lastPrice : stop < lastPrice) return;
  throw invalidOrder(
    state,
    `stopPrice ${stop} of a ${request.side} ${type} must be ${buy ? "above" : "below"} the last price ${lastPrice}: it would trigger immediately`,
    { field: "stopPrice" },
  );
}

/** Refuses a take-profit not beyond `entry` in the entry's favour, or a stop-loss not beyond it against it; `what` names `entry`. */
function checkLegsAgainst(state: VenueState, request: OrderRequest, entry: number, what: string): void {
  const { takeProfit, stopLoss } = request;
  const buy = request.side === "BUY";
  if (takeProfit && (buy ? takeProfit.triggerPrice <= entry : takeProfit.triggerPrice >= entry)) {
    throw invalidOrder(state, `takeProfit.triggerPrice ${takeProfit.triggerPrice} must be ${buy ? "above" : "below"} ${what} ${entry}`, {
      field: "takeProfit.triggerPrice",
    });
  }
  if (stopLoss && (buy ? stopLoss.triggerPrice >= entry : stopLoss.triggerPrice <= entry)) {
    throw invalidOrder(state, `stopLoss.triggerPrice ${stopLoss.triggerPrice} must be ${buy ? "below" : "above"} ${what} ${entry}`, {
      field: "stopLoss.triggerPrice",
    });
  }
}

function checkLeg(state: VenueState, name: string, leg: BracketLeg | undefined): void {
  if (leg === undefined) return;
  if (leg === null || typeof leg !== "object") throw invalidOrder(state, `${name} must be an object`, { field: name });
  if (!isPositive(leg.triggerPrice)) {
    throw invalidOrder(state, `${name}.triggerPrice must be a positive number, got ${given(leg.triggerPrice)}`, { field: `${name}.triggerPrice` });
  }
  if (leg.limitPrice !== undefined && !isPositive(leg.limitPrice)) {
    throw invalidOrder(state, `${name}.limitPrice must be a positive number, got ${given(leg.limitPrice)}`, { field: `${name}.limitPrice` });
  }
}

/** A wrong value as a message shows it: a string quoted and called one, as "100" given for 100 otherwise reads as the number. */
/** A value as a refusal names it: a string quoted (cut at 40 characters), a list or an object by its kind (String([]) is ""). */
function given(value: unknown): string {
  if (typeof value === "string") return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  if (Array.isArray(value)) return value.length === 0 ? "an empty list" : "a list";
  if (typeof value === "object" && value !== null) return "an object";
  return String(value);
}

/** A finite number above zero: NaN, infinities and anything not a number fail. */
export function isPositive(value: unknown): boolean {
  return typeof value === "number" && value > 0 && value < Number.POSITIVE_INFINITY;
}
