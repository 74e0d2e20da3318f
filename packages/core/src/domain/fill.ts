import type { OrderSide } from "./order-request.ts";

/** One execution of (part of) an order. */
export interface Fill {
  /** The venue's id of this execution: unique within its order, and the same each time the fill is reported. */
  id: string;
  clientOrderId: string;
  venueOrderId: string;
  symbol: string;
  side: OrderSide;
  quantity: number;
  price: number;
  fee: number;
  feeCurrency?: string;
  liquidity?: "MAKER" | "TAKER";
  time: number;
}
