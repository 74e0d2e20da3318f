import type { Order, OrderRequest } from "@argo/core";
import { FakeVenue } from "./fake-venue.ts";

/** A venue that answers a placement a step later, as a broker over the network does: until then the order is in flight. */
export class LaterVenue extends FakeVenue {
  override async placeOrder(request: OrderRequest): Promise<Order> {
    await null;
    return super.placeOrder(request);
  }
}
