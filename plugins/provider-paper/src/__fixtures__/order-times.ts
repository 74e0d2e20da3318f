import type { Order, TradingEvent } from "@argo/core";
import { expect } from "bun:test";

const DAY_MS = 86_400_000;

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
      if (order.timeInForce === "DAY") expect(fill.time).toBeLessThan(Math.floor(order.createdAt / DAY_MS) * DAY_MS + DAY_MS);
    }
    expect(order.updatedAt).toBeGreaterThanOrEqual(order.createdAt);
  }
}
