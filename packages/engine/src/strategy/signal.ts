import type { BracketLeg, OrderRequest, OrderSide, OrderType, Position, TimeInForce } from "@argo/core";
import { closeRoom } from "./close-quantity.ts";
import { floorToLot, snapToHeldDecimals } from "./lot-floor.ts";
import { quoted, shown } from "./shown-value.ts";
import { sizingProblem, type SizingFields } from "./sizing.ts";
import { unknownSignalField } from "./unknown-fields.ts";

/** What a signal asks for; the action, never the sign of the quantity, decides the side. */
export type SignalAction = "OPEN_LONG" | "CLOSE_LONG" | "OPEN_SHORT" | "CLOSE_SHORT";

/** A trading intention: a convenience over orders. Closes take `quantity` or no size (the whole position not already being closed). */
export interface Signal extends SizingFields {
  action: SignalAction;
  /**
   * Defaults to the symbol of the bar being processed; in init, in onStop or between bars, to the session's symbol if it
   * trades only one (with several, the signal is skipped).
   */
  symbol?: string;
  /** Default MARKET. */
  type?: OrderType;
  limitPrice?: number;
  stopPrice?: number;
  timeInForce?: TimeInForce;
  takeProfit?: BracketLeg;
  stopLoss?: BracketLeg;
  reason?: string;
  clientOrderId?: string;
}

/** The side of an action; undefined for anything else (a switch, not a lookup: "toString" is no action either). */
function sideOf(action: unknown): OrderSide | undefined {
  switch (action) {
    case "OPEN_LONG":
    case "CLOSE_SHORT":
      return "BUY";
    case "CLOSE_LONG":
    case "OPEN_SHORT":
      return "SELL";
    default:
      return undefined;
  }
}

/**
 * What a signal stands for: an order, a reason why there is nothing to do, or why the signal itself is wrong (with the
 * order it described; without a side when its action is none of the four).
 */
export type SignalOutcome = { request: OrderRequest } | { skip: string } | { invalid: string; request: OrderRequest };

/**
 * The order a signal stands for given the current position, or a reason why there is nothing to do. A close never
 * flips the position: it is capped at the position less `alreadyWorking`, the base quantity of orders already working
 * against it (open at the venue and in flight; bracket legs aside, see workingQuantity), and skipped when that covers it.
 * `lotStep`: given when `alreadyWorking` holds an estimate (an order sized at its fill, see workingEstimated), the
 * venue's lot step that cap is rounded down to (see floorToLot), and the close skipped when less than a lot is left; 0
 * when the venue states none: only its 12-digit noise is snapped (snapToHeldDecimals); undefined when no estimate works:
 * the cap as closeRoom gives it.
 */
export function signalToRequest(signal: Signal, symbol: string, position: Position | undefined, alreadyWorking = 0, lotStep?: number): SignalOutcome {
  // A misspelt field would be dropped below: a stop-loss missing from the order, or a close of the whole position for a
  // misspelt quantity. Refused first, naming it.
  const unknown = unknownSignalField(signal);
  if (unknown !== undefined) return { invalid: unknown, request: signalOrder(signal, symbol) };
  const side = sideOf(signal.action);
  if (side === undefined) {
    // A misspelt action is a bug in the strategy, not "nothing to do": refused naming the field. The request carries what
    // the signal gave; it has no side, as the action names none.
    return { invalid: `action must be one of OPEN_LONG, CLOSE_LONG, OPEN_SHORT, CLOSE_SHORT (got ${actionShown(signal.action)})`, request: signalOrder(signal, symbol) };
  }
  const request: OrderRequest = { symbol, side, type: signal.type ?? "MARKET" };
  const closing = signal.action === "CLOSE_LONG" || signal.action === "CLOSE_SHORT";
  if (closing) {
    const sized = signal.quoteAmount !== undefined ? "quoteAmount" : signal.equityFraction !== undefined ? "equityFraction" : undefined;
    if (sized !== undefined) {
      // Silently closing everything would be the wrong trade: refused like any other bad order, naming the field.
      return { invalid: `${signal.action}: a close takes \`quantity\` (or nothing for the whole position), not ${sized}`, request: signalOrder(signal, symbol) };
    }
    // Legs protect the position an entry opens; a close's legs, once it filled, would open one the other way (a
    // CLOSE_LONG's "take-profit" BUY): refused, naming the field, rather than trade what no close means.
    const leg = signal.takeProfit !== undefined ? "takeProfit" : signal.stopLoss !== undefined ? "stopLoss" : undefined;
    if (leg !== undefined) {
      return { invalid: `${signal.action}: a close takes no ${leg} (its legs would open a position the other way once it filled)`, request: signalOrder(signal, symbol) };
    }
    // A negative, zero or non-numeric quantity is a bug in the strategy, refused (not read as its absolute value)
    // whether or not there is a position to close.
    const badQuantity = signal.quantity === undefined ? undefined : sizingProblem({ quantity: signal.quantity });
    if (badQuantity !== undefined) return { invalid: `${signal.action}: ${badQuantity}`, request: signalOrder(signal, symbol) };
    const want = signal.action === "CLOSE_LONG" ? "LONG" : "SHORT";
    if (!position || position.side !== want || position.quantity <= 0) {
      return { skip: `${signal.action}: no ${want.toLowerCase()} position in ${symbol}` };
    }
    const free = closeRoom(position.quantity, alreadyWorking);
    // Beside an estimate, on the venue's grid when it states one: from the float difference itself, as the 12 digits
    // closeRoom keeps are noise at the scale of a satoshi lot of 1,000 BTC.
    const room =
      free === undefined || lotStep === undefined ? free
      : lotStep > 0 ? floorToLot(position.quantity - alreadyWorking, lotStep, position.quantity)
      : snapToHeldDecimals(free, position.quantity);
    if (room === undefined || !(room > 0)) {
      // Less than a lot left beside an estimate: as good as covered, and a venue would refuse a close below one lot.
      const lot = room === undefined ? "" : ` but for less than one lot (step ${lotStep})`;
      return {
        skip: `${signal.action}: the ${want.toLowerCase()} position in ${symbol} (${round(position.quantity)}) is already covered by orders working against it ` +
          `(${Number.isNaN(alreadyWorking) ? "of unknown size" : round(alreadyWorking)})${lot}`,
      };
    }
    request.quantity = signal.quantity === undefined ? room : Math.min(signal.quantity, room);
  } else {
    copySizing(signal, request);
  }
  copyRest(signal, request);
  return { request };
}

/**
 * The order a signal describes, before any position is read (a close without `quantity` has no size; an action that is
 * none of the four, no side): the request of a signal refused before it is sized.
 */
export function signalOrder(signal: Signal, symbol: string): OrderRequest {
  const request = { symbol, type: signal.type ?? "MARKET" } as OrderRequest;
  const side = sideOf(signal.action);
  if (side !== undefined) request.side = side;
  copySizing(signal, request);
  copyRest(signal, request);
  return request;
}

function copySizing(signal: Signal, request: OrderRequest): void {
  if (signal.quantity !== undefined) request.quantity = signal.quantity;
  if (signal.quoteAmount !== undefined) request.quoteAmount = signal.quoteAmount;
  if (signal.equityFraction !== undefined) request.equityFraction = signal.equityFraction;
}

function copyRest(signal: Signal, request: OrderRequest): void {
  if (signal.limitPrice !== undefined) request.limitPrice = signal.limitPrice;
  if (signal.stopPrice !== undefined) request.stopPrice = signal.stopPrice;
  if (signal.timeInForce !== undefined) request.timeInForce = signal.timeInForce;
  if (signal.takeProfit !== undefined) request.takeProfit = signal.takeProfit;
  if (signal.stopLoss !== undefined) request.stopLoss = signal.stopLoss;
  if (signal.clientOrderId !== undefined) request.clientOrderId = signal.clientOrderId;
  request.reason = signal.reason ?? signal.action;
}

/** The action as given: a string in quotes (`"open_long"`), anything else as {@link shown} puts it. */
function actionShown(action: unknown): string {
  return typeof action === "string" ? quoted(action) : shown(action);
}

function round(x: number): number {
  return Math.round(x * 1e8) / 1e8;
}
