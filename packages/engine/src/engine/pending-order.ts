import type { Order, OrderRequest } from "@argo/core";

/** The order a request becomes once sent, before the venue answers: what the journal records ahead of the call (status PENDING). */
export function pendingOrder(request: OrderRequest, clientOrderId: string, time: number): Order {
  return {
    ...request,
    clientOrderId,
    venueOrderId: "",
    timeInForce: request.timeInForce ?? "GTC",
    status: "PENDING",
    quantity: request.quantity ?? 0,
    filledQuantity: 0,
    averageFillPrice: 0,
    fills: [],
    createdAt: time,
    updatedAt: time,
  };
}
