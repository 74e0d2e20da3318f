import { maxAffordable } from "./costs.ts";
import { consumeReservation } from "./finish-order.ts";
import { reducedSize } from "./funds.ts";
import type { OrderRecord } from "./order-record.ts";
import { isDust } from "./quantity-noise.ts";
import { floorToStep } from "./step-math.ts";
import type { SymbolRules } from "./symbol-rules.ts";
import type { VenueState } from "./venue-state.ts";

/*
 * A quote- or equity-sized order gets its quantity at the first fill's price; when maxVolumeShare spreads it over bars,
 * later fills trade at their own prices, and at higher ones that quantity would spend past the amount it was sized
 * from (as Binance's quoteOrderQty never does). So the order keeps its amount (`rec.budget`) and what its fills used
 * of it (`rec.spent`), and each later fill takes at most what is left. A quote amount caps the order's whole value, as
 * quoteOrderQty does; an equity amount caps what the order opens: reducing a position spends nothing.
 */

/**
 * Whole lots a quote amount trades at `price`: a BUY pays the commission out of it (maxAffordable: value plus fee within
 * the amount, as quoteOrderQty never spends more); a SELL receives the amount and pays the fee out of what it receives,
 * as Binance's quoteOrderQty SELL sells amount ÷ price (so a long closed by its value closes whole).
 */
export function quoteLots(state: VenueState, amount: number, price: number, rules: SymbolRules, buy: boolean): number {
  if (buy) return maxAffordable(state, amount, price, rules);
  return amount > 0 && price > 0 ? floorToStep(amount / price, rules.stepSize, rules.stepDecimals) : 0;
}

/** Position quantity a fill of `rec` may trade without using its amount: what an equity-sized order reduces; none for a quote-sized one. */
export function freeOfBudget(rec: OrderRecord): number {
  return rec.sizing === "equity" ? reducedSize(rec.book, rec.buy) : 0;
}

/**
 * Whole lots the rest of the order's amount buys at `price`, commission included, by the rule that sized it (costs.ts
 * maxAffordable; the per-order minimum fee is paid by then). Float dust of a lot-free symbol counts as nothing.
 * +Infinity when the amount is unknown (an order sized by quantity). An order restored mid-way has it rebuilt from
 * its fills (restore-budget.ts).
 */
export function budgetRoom(state: VenueState, rec: OrderRecord, price: number): number {
  const budget = rec.budget;
  if (budget !== budget) return Number.POSITIVE_INFINITY;
  const left = budget - rec.spent;
  const rules = rec.book.rules;
  const room = rec.sizing === "quote" && !rec.buy ? quoteLots(state, left, price, rules, false) : maxAffordable(state, left, price, rules, 0);
  return isDust(room, rec.order.quantity) ? 0 : room;
}

/**
 * What a fill of `rec` of `quantity` at `price` with `fee` uses of the amount: all of it (a quote SELL its value only: the
 * fee comes out of what it receives), or for an equity order only the part beyond the `free` quantity it reduces
 * (freeOfBudget before the fill), with its share of the fee.
 */
export function amountUsed(rec: Pick<OrderRecord, "sizing" | "buy">, quantity: number, price: number, fee: number, free: number): number {
  if (rec.sizing === "quote" && !rec.buy) return quantity * price;
  if (!(free > 0)) return quantity * price + fee;
  const counted = quantity > free ? quantity - free : 0;
  return counted * price + (fee * counted) / quantity;
}

/**
 * Releases what a fill of a quote-sized order used of its reservation. A BUY reserved what is left of its amount
 * (quote-buy-reservation.ts): the fill releases all the cash it spent, fees included, and the short it covered by
 * quantity. A SELL: the reducing part by quantity (consumeReservation), the opening part by the cash it spent there,
 * fees included. A quote order's quantity is resolved at a price other than the one it was judged at, so its reserved
 * cash per unit says nothing of what a unit costs; the cash it spends does, and what it keeps reserved stays what it
 * reserved less what it spent.
 */
export function consumeQuoteReservation(state: VenueState, rec: OrderRecord, quantity: number, price: number, fee: number): void {
  const reducing = quantity < rec.resReduce ? quantity : rec.resReduce;
  if (reducing > 0) consumeReservation(state, rec, reducing);
  const opening = rec.buy ? quantity : quantity - reducing;
  if (!(opening > 0) || !(rec.resCash > 0)) return;
  let cash = opening * price + (fee * opening) / quantity;
  if (cash > rec.resCash) cash = rec.resCash;
  rec.resCash -= cash;
  state.reservedCash -= cash;
  // Adding and removing reservations drifts by float noise; nothing reserved must read as exactly 0.
  if (state.reservedCash < 1e-9) state.reservedCash = 0;
}
