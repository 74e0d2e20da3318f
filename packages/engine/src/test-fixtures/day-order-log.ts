import { type Fill, isTerminalStatus, type Order } from "@argo/core";
import { expect } from "bun:test";
import type { EngineCallbacks } from "../engine/callbacks.ts";
import { utcDayEnd } from "../stats/utc-calendar.ts";

/** Every order update and fill the engine reported, in order, with the callbacks that record them. */
export interface DayOrderLog {
  updates: Order[];
  fills: Fill[];
  callbacks: EngineCallbacks;
  /** The statuses one order went through, oldest first. */
  statuses(id: string): string[];
  /** The newest state of one order. */
  last(id: string): Order | undefined;
}

/** Records order updates and fills through the engine's callbacks. */
export function dayOrderLog(): DayOrderLog {
  const updates: Order[] = [];
  const fills: Fill[] = [];
  return {
    updates,
    fills,
    callbacks: { onOrderUpdate: (order) => void updates.push(order), onOrderFilled: (fill) => void fills.push(fill) },
    statuses: (id) => updates.filter((o) => o.clientOrderId === id).map((o) => o.status),
    last: (id) => updates.findLast((o) => o.clientOrderId === id),
  };
}

/**
 * The time rules a trader relies on, checked over every update the engine saw: a DAY order's fills
 * come before the end of the UTC day it was created in (its expiry); no fill comes after an order
 * ended; an order ends once; updates of one order never go back in time.
 */
export function expectDayOrderRules(log: DayOrderLog): void {
  const ended = new Map<string, number>();
  const lastUpdate = new Map<string, number>();
  for (const order of log.updates) {
    const id = order.clientOrderId;
    expect(ended.has(id)).toBe(false);
    expect(order.updatedAt).toBeGreaterThanOrEqual(lastUpdate.get(id) ?? order.createdAt);
    lastUpdate.set(id, order.updatedAt);
    if (isTerminalStatus(order.status)) ended.set(id, order.updatedAt);
    for (const fill of order.fills) {
      expect(fill.time).toBeGreaterThanOrEqual(order.createdAt);
      expect(fill.time).toBeLessThanOrEqual(order.updatedAt);
      if (order.timeInForce === "DAY") expect(fill.time).toBeLessThan(utcDayEnd(order.createdAt));
    }
  }
  for (const fill of log.fills) {
    const end = ended.get(fill.clientOrderId);
    if (end !== undefined) expect(fill.time).toBeLessThanOrEqual(end);
  }
}
