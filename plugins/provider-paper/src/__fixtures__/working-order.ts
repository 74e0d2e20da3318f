import type { Order } from "@argo/core";
import { START } from "./venue-harness.ts";

/** A working XYZ limit buy as the venue reports one (accepted at START, nothing filled), with `fields` replacing any of it. */
export function workingOrder(venueOrderId: string, clientOrderId: string, fields: Partial<Order> = {}): Order {
  return {
    symbol: "XYZ",
    side: "BUY",
    type: "LIMIT",
    quantity: 1,
    timeInForce: "GTC",
    clientOrderId,
    venueOrderId,
    status: "ACCEPTED",
    filledQuantity: 0,
    averageFillPrice: 0,
    fills: [],
    createdAt: START,
    updatedAt: START,
    ...fields,
  };
}
