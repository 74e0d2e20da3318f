import { type Fill, fillProblem, type Order, pastQuantity } from "@argo/core";
import { EvictionRing } from "./eviction-ring.ts";

/**
 * Orders whose booked quantity is remembered. An order forgotten (this many others were filled after it first was) has
 * later fills judged against its quantity alone: a weaker check, never a refusal of a fill that fits.
 */
export const BOOKED_ORDERS_KEPT = 65_536;

/**
 * The quantity booked so far per order, so no order's fills sum past its quantity: a venue reporting a fill of 1000 on an
 * order of 1, or the same execution twice under two ids, must not move the position, the cash and the journal by it.
 */
export class BookedFills {
  private readonly byOrder = new Map<string, number>();
  private readonly ring = new EvictionRing(BOOKED_ORDERS_KEPT);

  /**
   * Books `fill` (checked by {@link fillProblem} already, not a repeat) against `order`; what is wrong, with nothing
   * booked, when it would take the order's fills past its quantity. An order of quantity 0 (sized by quote amount or
   * equity fraction, not resolved in the state that came with the fill) has no quantity to judge against.
   */
  book(fill: Fill, order: Order): string | undefined {
    const id = order.clientOrderId;
    const before = this.byOrder.get(id);
    const after = (before ?? 0) + fill.quantity;
    if (order.quantity > 0 && pastQuantity(after, order.quantity)) {
      return `has quantity ${fill.quantity}, which would take its order's fills to ${after}, past the order's quantity ${order.quantity}`;
    }
    if (before === undefined) this.remember(id);
    this.byOrder.set(id, after);
    return undefined;
  }

  /**
   * Books what an earlier session booked of an order it left working (the journal's copy of it): its fills in turn,
   * each only if it would have been booked then, so a fill refused then does not count now.
   */
  replay(order: Order): void {
    const seen = new Set<string>();
    for (const fill of order.fills) {
      // A fill listed twice was booked once (the repeat was recognised then as now).
      if (fillProblem(fill, order) !== undefined || seen.has(fill.id)) continue;
      seen.add(fill.id);
      this.book(fill, order);
    }
  }

  /** The quantity booked for an order this session (with what {@link replay} added); 0 when none or forgotten. */
  booked(clientOrderId: string): number {
    return this.byOrder.get(clientOrderId) ?? 0;
  }

  private remember(id: string): void {
    const evicted = this.ring.add(id);
    if (evicted !== undefined) this.byOrder.delete(evicted);
  }
}
