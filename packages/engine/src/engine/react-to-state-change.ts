import { isTerminalStatus, type Order } from "@argo/core";
import { sideAgainst } from "../risk/working-quantity.ts";
import type { TradingStateChange } from "../risk/trading-state.ts";
import { closeRoom } from "../strategy/close-quantity.ts";
import type { BarPipeline } from "./bar-pipeline.ts";
import { closePositionRequest } from "./close-position-request.ts";

/**
 * Reports a trading state change; on HALTED cancels every open order and, if `closes` (by default as configured), then
 * closes every position at market.
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
  p.gateway.pending.push(Promise.all([cancelled, arrived]).then(([gone]) => p.gateway.refresh(leftWorking(p, gone))).then(() => closeAllPositions(p)));
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

/**
 * A market close of every position, less what still works against it after the cancel-all (an order the venue would not
 * cancel, a cancel-all that failed): never more than is free, as a strategy's close is sized. A position a fill may have
 * changed since the venue's last position event is read from the venue first, and left alone when it cannot be.
 */
async function closeAllPositions(p: BarPipeline): Promise<unknown> {
  const unknown = await p.gateway.reads.positions();
  const sent: Promise<unknown>[] = [];
  // From the engine's own map, copied first: a synchronous venue may fill a close and change the map while this loops.
  for (const position of Array.from(p.mirror.positionsBySymbol.values())) {
    const { symbol, side } = position;
    if (unknown.has(symbol)) {
      p.runner.log.warn(`close on halt: the ${side.toLowerCase()} position in ${symbol} was not closed: the venue could not confirm it after its latest fill`);
      continue;
    }
    const working = p.working.quantity(symbol, sideAgainst(position), p.cache.lastClose(symbol), p.equity());
    const room = closeRoom(position.quantity, working);
    // Covered already, or by orders of unknown size: a close on top could flip the position.
    if (room === undefined) {
      p.runner.log.warn(`close on halt: the ${side.toLowerCase()} position in ${symbol} is already covered by orders working against it`);
      continue;
    }
    const request = closePositionRequest(position, "close on halt", p.strategyName);
    request.quantity = room;
    // Engine-initiated: past the risk manager, which refuses everything once HALTED.
    sent.push(p.gateway.sendHaltClose(request));
  }
  return Promise.all(sent);
}
