import { type Fill, fillProblem, type Order } from "@argo/core";
import { EvictionRing } from "./eviction-ring.ts";

/** Orders whose refused fills are remembered: far more than ever have one (a venue refusing fills is rare). */
export const REFUSED_ORDERS_KEPT = 4096;

/**
 * The fills the engine refused (malformed, or past their order's quantity: see BarPipeline.noteFill), by order, so the
 * order the engine keeps, shows the strategy and records lists only the fills it booked. A venue's order lists every
 * execution it reports, the refused one too: a strategy summing `order.fills`, or a restart reading the journal's record,
 * would count it. Only orders with a refusal are held, so the usual order costs one lookup in an empty map.
 */
export class RefusedFills {
  private readonly byOrder = new Map<string, Set<string>>();
  private readonly ring = new EvictionRing(REFUSED_ORDERS_KEPT);

  /**
   * Notes that `fill` of `order` was refused: {@link kept} leaves it out of that order's fills from now on. `malformed`:
   * refused for what it says, not for its place (past the quantity): kept() leaves it out by fillProblem, and its id is
   * not remembered, so a well-formed fill the venue sends under that id later is booked and shown.
   */
  refuse(fill: unknown, order: Order, malformed: boolean): void {
    const orderId = order.clientOrderId;
    let ids = this.byOrder.get(orderId);
    if (ids === undefined) {
      this.byOrder.set(orderId, (ids = new Set()));
      const evicted = this.ring.add(orderId);
      if (evicted !== undefined) this.byOrder.delete(evicted);
    }
    if (!malformed) ids.add((fill as Fill).id);
  }

  /**
   * `order` as the engine keeps it: itself when it lists no fill refused, else a copy without those. Its filled quantity
   * and average price stay the venue's (its word on the order; a fill short of them is asked about at the next start).
   */
  kept(order: Order): Order {
    if (this.byOrder.size === 0) return order;
    const ids = this.byOrder.get(order.clientOrderId);
    if (ids === undefined) return order;
    const fills = order.fills.filter((fill) => !refused(fill, order, ids));
    return fills.length === order.fills.length ? order : { ...order, fills };
  }
}

/** Whether `fill` is one refused of `order`: by its id, or malformed (refused whatever its id, see fillProblem). */
function refused(fill: Fill, order: Order, ids: ReadonlySet<string>): boolean {
  return fillProblem(fill, order) !== undefined || ids.has(fill.id);
}
