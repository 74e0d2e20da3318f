import type { BracketLeg, OrderRequest, OrderSide, OrderType, Position, TimeInForce } from "@argo/core";
import type { SizingFields } from "./sizing.ts";

/** What a signal asks for; the action, never the sign of the quantity, decides the side. */
export type SignalAction = "OPEN_LONG" | "CLOSE_LONG" | "OPEN_SHORT" | "CLOSE_SHORT";

/** A trading intention: a convenience over orders. Closes without a size close the whole position. */
export interface Signal extends SizingFields {
  action: SignalAction;
  /** Defaults to the symbol of the bar being processed. */
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

const SIDE: Record<SignalAction, OrderSide> = {
  OPEN_LONG: "BUY",
  CLOSE_LONG: "SELL",
  OPEN_SHORT: "SELL",
  CLOSE_SHORT: "BUY",
};

/** The order a signal stands for given the current position, or a reason why there is nothing to do. */
export function signalToRequest(
  signal: Signal,
  symbol: string,
  position: Position | undefined,
): { request: OrderRequest } | { skip: string } {
  const side = SIDE[signal.action];
  if (side === undefined) return { skip: `unknown signal action "${String(signal.action)}"` };
  const request: OrderRequest = { symbol, side, type: signal.type ?? "MARKET" };
  const closing = signal.action === "CLOSE_LONG" || signal.action === "CLOSE_SHORT";
  if (closing) {
    const want = signal.action === "CLOSE_LONG" ? "LONG" : "SHORT";
    if (!position || position.side !== want || position.quantity <= 0) {
      return { skip: `${signal.action}: no ${want.toLowerCase()} position in ${symbol}` };
    }
    // A close never flips the position: it is capped at what is held.
    request.quantity = signal.quantity === undefined ? position.quantity : Math.min(Math.abs(signal.quantity), position.quantity);
  } else {
    if (signal.quantity !== undefined) request.quantity = signal.quantity;
    if (signal.quoteAmount !== undefined) request.quoteAmount = signal.quoteAmount;
    if (signal.equityFraction !== undefined) request.equityFraction = signal.equityFraction;
  }
  if (signal.limitPrice !== undefined) request.limitPrice = signal.limitPrice;
  if (signal.stopPrice !== undefined) request.stopPrice = signal.stopPrice;
  if (signal.timeInForce !== undefined) request.timeInForce = signal.timeInForce;
  if (signal.takeProfit !== undefined) request.takeProfit = signal.takeProfit;
  if (signal.stopLoss !== undefined) request.stopLoss = signal.stopLoss;
  if (signal.clientOrderId !== undefined) request.clientOrderId = signal.clientOrderId;
  request.reason = signal.reason ?? signal.action;
  return { request };
}
