import type { Order, TradingEvent } from "@argo/core";
import { expect } from "bun:test";

/**
 * Asserts the time rules a trader relies on, for every order copy in `orders` and every order event:
 * createdAt <= each fill's time <= updatedAt; a DAY order's fills come before the end of the UTC day
 * it was created in; and no order gets a fill event after an EXPIRED or CANCELLED one.
 */
export function expectConsistentTimes(orders: Order[], events: TradingEvent[]): void {
  const copies = [...orders];
  const ended = new Set<string>();
  for (const event of events) {
    if (event.type === "order") {
      copies.push(event.order);
      if (event.order.status === "EXPIRED" || event.order.status === "CANCELLED") ended.add(event.order.clientOrderId);
    } else if (event.type === "fill") {
      expect(ended.has(event.order.clientOrderId)).toBe(false);
      copies.push(event.order);
    }
  }
  for (const order of copies) {
    for (const fill of order.fills) {
      expect(fill.time).toBeGreaterThanOrEqual(order.createdAt);
      expect(fill.time).toBeLessThanOrEqual(order.updatedAt);
      if (order.timeInForce === "DAY") expect(fill.time).toBeLessThan(nextUtcMidnight(order.createdAt));
    }
    expect(order.updatedAt).toBeGreaterThanOrEqual(order.createdAt);
  }
}

// Worked out with Date, not with the venue's own day arithmetic (day-expiry.ts), so a fault there cannot hide here.
function nextUtcMidnight(time: number): number {
  const day = new Date(time);
  return Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate() + 1);
}
