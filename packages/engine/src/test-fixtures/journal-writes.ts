import type { Order } from "@argo/core";

/** A PENDING market BUY 1 X with client id `id`: the record Journal.sending writes before an order leaves. */
export const pendingOrder = (id: string): Order => ({
  symbol: "X", side: "BUY", type: "MARKET", clientOrderId: id, venueOrderId: "", timeInForce: "GTC", status: "PENDING", quantity: 1,
  filledQuantity: 0, averageFillPrice: 0, fills: [], createdAt: 1, updatedAt: 1,
});

/** What `write` throws; the test fails when it throws nothing. */
export function refusedWrite(write: () => void): unknown {
  try {
    write();
  } catch (error) {
    return error;
  }
  throw new Error("expected the write to be refused");
}
