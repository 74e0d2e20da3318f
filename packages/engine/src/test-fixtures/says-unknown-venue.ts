import { ArgoError, type Order, type OrderRequest } from "@argo/core";
import { LaterVenue } from "./later-venue.ts";

/**
 * A venue whose provider loses the first sell's answer and says so at once, as Binance's -1007 ("send status unknown;
 * execution status unknown"): the placement rejects with CONNECTION_LOST, marked `details.outcome: "unknown"` unless
 * `marked` is false, while the request reaches the venue `landsAfterMs` later (the lookup right after misses it).
 */
export class SaysUnknownVenue extends LaterVenue {
  private lost = 1;
  constructor(
    private readonly landsAfterMs: number,
    private readonly marked = true,
  ) {
    super();
  }

  override async placeOrder(request: OrderRequest): Promise<Order> {
    if (request.side === "SELL" && this.lost-- > 0) {
      setTimeout(() => void super.placeOrder(request), this.landsAfterMs);
      throw new ArgoError("CONNECTION_LOST", "-1007: send status unknown; execution status unknown", this.marked ? { details: { outcome: "unknown" } } : {});
    }
    return super.placeOrder(request);
  }
}
