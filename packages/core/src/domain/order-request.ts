/** Which way an order trades. */
export type OrderSide = "BUY" | "SELL";

/** How an order is priced. */
export type OrderType = "MARKET" | "LIMIT" | "STOP" | "STOP_LIMIT";

/** How long an order stays working. */
export type TimeInForce = "GTC" | "IOC" | "FOK" | "DAY";

/** The side of a position an order opens or closes (for venues and strategies that hold both). */
export type PositionSide = "LONG" | "SHORT";

/** A take-profit or stop-loss leg attached to an entry order; works once the entry fills. */
export interface BracketLeg {
  /** Price that triggers the leg. */
  triggerPrice: number;
  /** Limit price once triggered; absent means the leg executes as a market order. */
  limitPrice?: number;
}

/** What a strategy or user asks a trading provider to do. */
export interface OrderRequest {
  symbol: string;
  side: OrderSide;
  type: OrderType;
  /** Base quantity; exactly one of `quantity`, `quoteAmount` and `equityFraction` is given. */
  quantity?: number;
  /** Amount in quote currency, resolved to a quantity at fill time (like Binance's quoteOrderQty). */
  quoteAmount?: number;
  /**
   * Fraction (0, 1] of the equity available at fill time, resolved to a quantity then, rounded down
   * to the lot step and leaving room for commission.
   */
  equityFraction?: number;
  limitPrice?: number;
  stopPrice?: number;
  timeInForce?: TimeInForce;
  /** Caller-chosen id; generated when absent. Placing the same id twice is rejected, never sent twice. */
  clientOrderId?: string;
  takeProfit?: BracketLeg;
  stopLoss?: BracketLeg;
  positionSide?: PositionSide;
  reason?: string;
  strategyName?: string;
}
