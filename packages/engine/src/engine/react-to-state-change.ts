import { isTerminalStatus, type Order } from "@argo/core";
import type { TradingStateChange } from "../risk/trading-state.ts";
import type { BarPipeline } from "./bar-pipeline.ts";

/**
 * Reports a trading state change; on HALTED cancels every open order and, if `closes` (by default as configured), then
 * closes every position at market (topped up at later bars: see HaltCloseRounds).
 */
export function reactToStateChange(p: BarPipeline, change: TradingStateChange, closes = p.options.risk.closePositionsOnHalt): void {
  p.guard.call("onTradingStateChange", change);
  // Told once: a caller listening (the runner logs it with its own fields) says it; else the session's log does.
  if (p.options.callbacks.onTradingStateChange === undefined) p.runner.log.warn(`trading state ${change.from} → ${change.to}: ${change.reason}`);
  if (change.to !== "HALTED") return;
  const cancelled = p.gateway.cancelAllAtHalt();
  // Placements still on their way may reach the venue after the cancel-all: each is cancelled once it shows up.
  const arrived = p.gateway.afterHalt(closes);
  if (!closes) return;
  // The closes wait for the cancel-all's answer: sent beside it, a working exit (a take-profit sell) that fills before the
  // cancel lands and the market close would both sell, turning a long into a short. They wait for the placements in
  // flight too, and their cancels, and for the venue's word on placements of unknown outcome, so they are sized against
  // what is left working. settle() waits for the closes too.
  const before = Promise.all([cancelled, arrived]).then(([gone]) => p.gateway.refresh(leftWorking(p, gone)));
  p.gateway.pending.push(p.gateway.haltRounds.first(before));
}

/**
 * The orders the engine still holds as working that the halt's cancel-all did not answer as done: a venue across a
 * network may have filled one just before (its fill's events still on the wire), so it is asked about before the closes
 * are sized: sized without that fill, a close would leave what it added open (see OrderGateway.refresh).
 */
function leftWorking(p: BarPipeline, cancelled: readonly Order[]): string[] {
  if (p.gateway.syncVenue !== undefined || p.mirror.openOrdersById.size === 0) return [];
  // Only a final answer says the order is done: one answered still working ("cancel requested") may have filled too.
  const gone = new Set(cancelled.filter((order) => isTerminalStatus(order.status)).map((order) => order.clientOrderId));
  return [...p.mirror.openOrdersById.keys()].filter((id) => !gone.has(id));
}
