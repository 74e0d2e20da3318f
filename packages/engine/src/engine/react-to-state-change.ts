import type { TradingStateChange } from "../risk/trading-state.ts";
import type { BarPipeline } from "./bar-pipeline.ts";
import { closePositionRequest } from "./close-position-request.ts";

/** Reports a trading state change; on HALTED cancels every open order and, if configured, closes every position at market. */
export function reactToStateChange(p: BarPipeline, change: TradingStateChange): void {
  p.guard.call("onTradingStateChange", change);
  p.runner.log.warn(`trading state ${change.from} → ${change.to}: ${change.reason}`);
  if (change.to !== "HALTED") return;
  void p.gateway.cancelAll();
  if (!p.options.risk.closePositionsOnHalt) return;
  // From the engine's own map, copied first: a synchronous venue may fill a close and change the map while this loops.
  for (const position of Array.from(p.mirror.positionsBySymbol.values())) {
    // Engine-initiated: past the risk manager, which refuses everything once HALTED.
    void p.gateway.send(closePositionRequest(position, "close on halt", p.strategyName));
  }
}
