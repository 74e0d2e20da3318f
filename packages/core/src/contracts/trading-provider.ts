import type { ArgoError } from "../errors/argo-error.ts";
import type { Account } from "../domain/account.ts";
import type { Order } from "../domain/order.ts";
import type { OrderRequest } from "../domain/order-request.ts";
import type { Position } from "../domain/position.ts";
import type { Trade, TradeFilter } from "../domain/trade.ts";
import type { ConnectionState } from "./connection-state.ts";
import type { SymbolIncrements } from "./symbol-increments.ts";
import type { TradingEventListener } from "./trading-event.ts";

/** Outcome of one order of a batch: the order with its ids, or the error that refused it. */
export type PlaceResult = { ok: true; order: Order } | { ok: false; error: ArgoError; request: OrderRequest };

/** A broker or venue Argo trades through. Every method rejects with an ArgoError carrying a stable code. */
export interface TradingProvider {
  /** Registered provider name, e.g. "paper" or "binance-live". */
  readonly name: string;
  /**
   * Optional: milliseconds after it was sent past which a request can no longer reach the venue and take effect
   * (Binance: the request's `recvWindow` plus the clock offset the provider allows). A placement the venue does not hold
   * once this has passed never will: the engine frees its id and may send another order in its place (a halt's close).
   * Leave it out when the venue has no such bound: a placement it did not know stays possible for the session.
   */
  readonly landingWindowMs?: number;
  connect(): Promise<void>;
  disconnect(): Promise<void>;
  connectionState(): ConnectionState;

  /** Places an order; resolves with it and both its ids, or rejects (INSUFFICIENT_FUNDS, INVALID_ORDER, …). */
  placeOrder(request: OrderRequest): Promise<Order>;
  /** Places several orders; one refusal does not stop the others. */
  placeOrders(requests: OrderRequest[]): Promise<PlaceResult[]>;
  /** Cancels by client or venue id; ORDER_NOT_FOUND or ORDER_ALREADY_FILLED when it cannot. */
  cancelOrder(orderId: string): Promise<Order>;
  /** Cancels every open order, or those of one symbol; resolves with the cancelled orders. */
  cancelAllOrders(symbol?: string): Promise<Order[]>;
  /** The order's current state by client or venue id. */
  getOrder(orderId: string): Promise<Order>;
  getOpenOrders(symbol?: string): Promise<Order[]>;

  getPositions(): Promise<Position[]>;
  /** The open position in a symbol, or undefined when flat. */
  getPosition(symbol: string): Promise<Position | undefined>;
  getAccount(): Promise<Account>;
  getTrades(filter?: TradeFilter): Promise<Trade[]>;

  /** Largest quantity a buy at `price` (default: last price) could have, fees included. */
  getMaxBuyQuantity(symbol: string, price?: number): Promise<number>;
  /** Largest quantity a sell could have: the long position, or more where shorting is allowed. */
  getMaxSellQuantity(symbol: string, price?: number): Promise<number>;
  /**
   * Optional: the quantity and price steps of `symbol` (Binance exchangeInfo LOT_SIZE.stepSize and PRICE_FILTER.tickSize,
   * IB's size increment and minTick), undefined when the venue does not say; the engine asks once per symbol and session.
   */
  getSymbolIncrements?(symbol: string): Promise<SymbolIncrements | undefined>;

  /** Subscribes to order, fill, position, account and connection events; returns the unsubscribe function. */
  on(listener: TradingEventListener): () => void;
}
