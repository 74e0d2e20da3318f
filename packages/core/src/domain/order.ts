import type { Fill } from "./fill.ts";
import type { OrderRequest, TimeInForce } from "./order-request.ts";

/** Lifecycle: PENDING → SUBMITTED → ACCEPTED → PARTIALLY_FILLED → FILLED, or a terminal CANCELLED / REJECTED / EXPIRED / FAILED. */
export type OrderStatus =
  | "PENDING"
  | "SUBMITTED"
  | "ACCEPTED"
  | "PARTIALLY_FILLED"
  | "FILLED"
  | "CANCELLED"
  | "REJECTED"
  | "EXPIRED"
  | "FAILED";

/** Statuses after which an order never changes again. */
export const TERMINAL_ORDER_STATUSES: ReadonlySet<OrderStatus> = new Set([
  "FILLED",
  "CANCELLED",
  "REJECTED",
  "EXPIRED",
  "FAILED",
]);

/** An order as the venue knows it: the request, both ids and everything that happened to it. */
export interface Order extends OrderRequest {
  clientOrderId: string;
  venueOrderId: string;
  timeInForce: TimeInForce;
  status: OrderStatus;
  /** Quantity ordered; for quote-sized orders, 0 until resolved at fill time. */
  quantity: number;
  filledQuantity: number;
  /** Volume-weighted price of the fills, 0 before the first. */
  averageFillPrice: number;
  fills: Fill[];
  rejectReason?: string;
  /** For bracket legs: the client id of the entry order they belong to. */
  parentClientOrderId?: string;
  /**
   * Stop and stop-limit orders (and triggered bracket legs): when the stop price was reached and the order began to work
   * as a market or limit order (Binance reports it as `workingTime`). Absent while the stop waits; a restore reads it.
   */
  triggeredAt?: number;
  createdAt: number;
  updatedAt: number;
}

/** True once the order can no longer change. */
export function isTerminalStatus(status: OrderStatus): boolean {
  return TERMINAL_ORDER_STATUSES.has(status);
}
