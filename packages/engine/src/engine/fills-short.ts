import { isTerminalStatus, type Order } from "@argo/core";
import { isQuantityNoise, quantityDifference } from "../stats/decimal-quantity.ts";
import { FINISHED_ORDERS_KEPT } from "./account-mirror.ts";
import { RecentIds } from "./eviction-ring.ts";

/** Whether an order shows more filled than the fills booked for it (past a decimal's noise). */
export function showsUnbookedFills(filled: number, booked: number): boolean {
  const rest = quantityDifference(filled, booked);
  return rest > 0 && !isQuantityNoise(rest, filled);
}

/**
 * Orders a network venue showed final with more filled than the fills booked for them: a broker may send the status
 * before its executions (IB's orderStatus before execDetails), and a stream gap then loses those for good (the order is
 * final, so nothing asks about it, and a next start asks only about orders it holds short of final). A reconnect's resync
 * asks about them (see resyncAfterReconnect), and so does the stop (see OrderGateway.lookUpAtStop). Usually empty: an
 * execution on its way takes its order out as it is booked. Bounded like the mirror's finished orders (oldest out
 * first): an order the mirror no longer keeps cannot be judged.
 */
export class FillsShort {
  private readonly ids = new Set<string>();
  /**
   * Orders whose lookup the venue answered: not noted again. The answer booked what it listed; an order still short after
   * it (a fill the engine refused, a venue whose lookups list no fills) would otherwise be asked at every reconnect. One
   * whose lookup failed stays noted, for the next reconnect.
   */
  private readonly asked = new RecentIds(FINISHED_ORDERS_KEPT);

  /** Number of orders noted short of their fills. */
  get size(): number {
    return this.ids.size;
  }

  /** Notes whether `held` (the order as the engine holds it now) is final and short of its `booked` fills. */
  note(held: Order | undefined, booked: number): void {
    if (held === undefined) return;
    const id = held.clientOrderId;
    if (isTerminalStatus(held.status) && showsUnbookedFills(held.filledQuantity, booked)) {
      if (this.ids.has(id) || this.asked.has(id)) return;
      if (this.ids.size >= FINISHED_ORDERS_KEPT) this.ids.delete(this.ids.values().next().value!);
      this.ids.add(id);
    } else if (this.ids.size !== 0) this.ids.delete(id);
  }

  /**
   * The orders still final and short of their fills, as `held` and `booked` tell now; the others are forgotten (booked
   * meanwhile through an answer, or no longer kept).
   */
  due(held: (id: string) => Order | undefined, booked: (id: string) => number): string[] {
    const due: string[] = [];
    for (const id of Array.from(this.ids)) {
      const order = held(id);
      if (order !== undefined && isTerminalStatus(order.status) && showsUnbookedFills(order.filledQuantity, booked(id))) due.push(id);
      else this.ids.delete(id);
    }
    return due;
  }

  /** The venue answered a lookup of `id`: if it was noted short, it is not asked about again (see {@link asked}). */
  answered(id: string): void {
    if (this.ids.size !== 0 && this.ids.delete(id)) this.asked.add(id);
  }
}
