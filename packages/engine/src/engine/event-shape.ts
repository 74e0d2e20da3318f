import type { Fill, TradingEvent } from "@argo/core";
import { isOrderLike, orderShapeProblem } from "./order-answer.ts";

/**
 * What is wrong with a venue event the engine would store (an order or fill event), or undefined when it has what the
 * mirror, the journal and the callbacks read. Names the field, never its value. Other events pass as they are.
 */
export function eventShapeProblem(event: unknown): string | undefined {
  if (typeof event !== "object" || event === null) return `an event that is ${event === null ? "null" : typeof event}`;
  const e = event as TradingEvent;
  if (e.type === "order") return isOrderLike(e.order) ? undefined : `an order event whose order ${orderShapeProblem(e.order)}`;
  if (e.type !== "fill") return undefined;
  if (!isOrderLike(e.order)) return `a fill event whose order ${orderShapeProblem(e.order)}`;
  const problem = fillShapeProblem(e.fill, e.order.clientOrderId);
  return problem === undefined ? undefined : `a fill event whose fill ${problem}`;
}

/** What a fill lacks of what the journal and the fill callbacks read (id, order, side, quantity, price, fee, time). */
export function fillShapeProblem(value: unknown, clientOrderId: string): string | undefined {
  if (typeof value !== "object" || value === null) return `is ${value === null ? "null" : typeof value}, not a fill`;
  const fill = value as Partial<Fill>;
  if (typeof fill.id !== "string" || fill.id === "") return "has no id";
  if (fill.clientOrderId !== clientOrderId) return "belongs to another order than the event's";
  if (typeof fill.symbol !== "string") return "has no symbol";
  if (fill.side !== "BUY" && fill.side !== "SELL") return "has a side that is neither BUY nor SELL";
  if (!isFiniteNumber(fill.quantity) || fill.quantity <= 0) return "has no positive quantity";
  if (!isFiniteNumber(fill.price) || fill.price < 0) return "has no price";
  if (!isFiniteNumber(fill.fee)) return "has no fee";
  if (!isFiniteNumber(fill.time)) return "has no time";
  return undefined;
}

function isFiniteNumber(value: unknown): value is number {
  return typeof value === "number" && Number.isFinite(value);
}
