import type { TradingEvent } from "@argo/core";
import type { BarPipeline } from "./bar-pipeline.ts";

/**
 * Applies a venue event to the pipeline: mirror, journal, callbacks, and the strategy's update queue.
 * Returns true when an order update was queued for the strategy (the caller delivers it between bars).
 */
export function applyTradingEvent(p: BarPipeline, event: TradingEvent): boolean {
  switch (event.type) {
    case "order": {
      const order = event.order;
      p.gateway.inFlight.delete(order.clientOrderId);
      if (!p.mirror.applyOrder(order)) return false;
      p.journal?.order(order);
      p.guard.call("onOrderUpdate", order);
      if (order.status === "REJECTED") p.gateway.venueRejected(order);
      if (!p.runner.wantsUpdates) return false;
      p.runner.updates.push(order);
      return true;
    }
    case "fill":
      p.mirror.applyOrder(event.order);
      p.noteFill(event.fill, event.order);
      return false;
    case "position":
      p.mirror.applyPosition(event.symbol, event.position);
      return false;
    case "account":
      p.mirror.account = event.account;
      return false;
    case "connection":
      if (event.error !== undefined) p.reportError(event.error);
      return false;
  }
}
