import type { OrderRequest, Position } from "@argo/core";

/** A market order for all of `position`, the other way: how the engine itself closes (on HALTED, at a backtest's end). */
export function closePositionRequest(position: Position, reason: string, strategyName: string): OrderRequest {
  return {
    symbol: position.symbol,
    side: position.side === "LONG" ? "SELL" : "BUY",
    type: "MARKET",
    quantity: position.quantity,
    reason,
    strategyName,
  };
}
