import type { Bar, Order, OrderRequest } from "@argo/core";
import { LaggingPositionsVenue } from "./lagging-positions-venue.ts";

/**
 * Fills a market order as it is placed, at the last bar's close, as a live exchange does within the placement's round
 * trip; its position events lag as LaggingPositionsVenue's do. So the fill lands inside the strategy's turn, after the
 * engine's own check of the positions before that turn.
 */
export class FillsAtOnceVenue extends LaggingPositionsVenue {
  private current: Bar | undefined;

  override processBar(bar: Bar): void {
    this.current = bar;
    super.processBar(bar);
  }

  override async placeOrder(request: OrderRequest): Promise<Order> {
    const order = await super.placeOrder(request);
    if (this.current === undefined) return order;
    super.processBar({ ...this.current, open: this.current.close });
    // As an exchange's full answer to a market order (Binance's FULL/RESULT): the order as it stands after its fill.
    return { ...this.orders.get(order.clientOrderId)! };
  }
}
