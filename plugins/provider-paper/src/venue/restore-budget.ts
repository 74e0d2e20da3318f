import type { Order } from "@argo/core";
import { amountUsed } from "./budget-cap.ts";
import { orderCost } from "./costs.ts";
import type { Sizing } from "./order-record.ts";
import type { VenueState } from "./venue-state.ts";

/*
 * A quote- or equity-sized order restored part filled must keep the cap its amount set (budget-cap.ts): what its later
 * fills may spend is its amount less what its fills used. The journal's order has its sizing field (quoteAmount or
 * equityFraction), its resolved quantity and its fills, and the record has every fill of the account, so:
 * - what the fills used is counted again as execute-fill.ts counted it; for an equity order only what a fill opened
 *   counts, and what it reduced follows from the position its symbol held just before it, known by booking the record's
 *   fills in order (restore-fills.ts records it for these orders' fills);
 * - a quote order's amount is its quoteAmount. An equity order's is what the fraction came to at its first fill, from
 *   buying power then, which no record keeps; but the resolved quantity is the whole lots it bought, so the amount was
 *   at least their cost at the price they were resolved at. That cost (less what the order reduced then) is its budget
 *   here: the restored order spends no more than it would have without the restart, up to a lot less (more when other
 *   orders had reserved part of the position it reduced: resolve-size.ts counted out only the unreserved part, which no
 *   record keeps, so this counts out all of it, that reserved part's value less). The first fill's price stands for the
 *   price it was sized at: the same unless `market-impact` slippage priced the sizing at the whole size's impact (a
 *   buy's cap a little lower then, a short sale's a little higher).
 */

/** Position quantity each recorded fill's symbol held just before it, by fillKey, for the fills of working equity orders. */
export type HeldBefore = ReadonlyMap<string, number>;

/** The key of a fill in HeldBefore: its order's client id and its own id (unique within the order). */
export function fillKey(clientOrderId: string, id: string): string {
  return `${clientOrderId}\u0000${id}`;
}

/** Client ids of the record's working equity-sized orders: the fills whose positions restore needs. */
export function equitySizedIds(orders: readonly Order[]): Set<string> {
  const ids = new Set<string>();
  for (const order of orders) {
    if (typeof order === "object" && order !== null && order.equityFraction !== undefined && typeof order.clientOrderId === "string") {
      ids.add(order.clientOrderId);
    }
  }
  return ids;
}

/**
 * What the fills of a restored quote- or equity-sized `order` used of its amount, as execute-fill.ts counts it
 * (budget-cap.ts amountUsed): a quote BUY's value and fees, a quote SELL's value, an equity order's opening part with its
 * share of the fees. A fill whose position `held` does not know (not in the record) counts whole.
 */
export function usedOfAmount(order: Order, sizing: Sizing, held: HeldBefore): number {
  const rec = { sizing, buy: order.side === "BUY" };
  let used = 0;
  for (const fill of order.fills) {
    const free = sizing === "equity" ? reducedBy(held.get(fillKey(order.clientOrderId, fill.id)), rec.buy) : 0;
    used += amountUsed(rec, fill.quantity, fill.price, fill.fee, free);
  }
  return used;
}

/**
 * The budget of a restored equity-sized `order` that was resolved: the cost of its resolved quantity at its first fill's
 * price, commission included as maxAffordable counted it (costs.ts orderCost), less what of it reduced the position
 * held then (at that price, with the commission rate), as resolve-size.ts counts the reducing part out. NaN (uncapped)
 * when the order has no fill to tell the price.
 */
export function restoredEquityBudget(state: VenueState, order: Order, held: HeldBefore): number {
  const first = order.fills[0];
  const quantity = order.quantity;
  if (first === undefined || !(quantity > 0)) return Number.NaN;
  const price = first.price;
  const reduced = reducedBy(held.get(fillKey(order.clientOrderId, first.id)), order.side === "BUY");
  const reducing = quantity < reduced ? quantity : reduced;
  return orderCost(state, quantity, price) - reducing * price * (1 + state.worstRate);
}

/** The size of the position `held` (signed; undefined: unknown, taken as none) an order on this side reduces. */
function reducedBy(held: number | undefined, buy: boolean): number {
  if (held === undefined) return 0;
  return buy ? (held < 0 ? -held : 0) : held > 0 ? held : 0;
}
