import type { PositionSide } from "./order-request.ts";

/** An open position in one symbol, long or short; quantity is always positive. */
export interface Position {
  symbol: string;
  side: PositionSide;
  quantity: number;
  averagePrice: number;
  /** Last price the venue marked the position at. */
  marketPrice: number;
  realizedPnl: number;
  unrealizedPnl: number;
  fees: number;
  openedAt: number;
  updatedAt: number;
}
