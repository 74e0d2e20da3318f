import type { OrderRequest, Position } from "@argo/core";
import { sideAgainst } from "../risk/working-quantity.ts";

/** A market order for all of `position`, the other way: how the engine itself closes (on HALTED, at a backtest's end). */
export function closePositionRequest(position: Position, reason: string, strategyName: string): OrderRequest {
  return {
    symbol: position.symbol,
    side: sideAgainst(position),
    type: "MARKET",
    quantity: position.quantity,
    reason,
    strategyName,
  };
}
