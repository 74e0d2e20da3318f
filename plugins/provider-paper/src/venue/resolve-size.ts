import { freeFunds } from "./ledger.ts";
import { maxAffordable, slippedPrice } from "./costs.ts";
import type { MatchResult } from "./match-order.ts";
import type { OrderRecord } from "./order-record.ts";
import { floorToStep } from "./step-math.ts";
import type { VenueState } from "./venue-state.ts";

/**
 * Turns a quote- or equity-sized order into a quantity at its first fill, rounded down to the lot
 * step: a quote amount buys what it pays for at the fill price; an equity fraction takes that share
 * of the equity available then (not tied up in other positions), leaving room for the commission. Returns a reason when the result breaks a venue
 * rule (the order is then refused at fill time), else undefined after setting `order.quantity`.
 */
export function resolveSize(state: VenueState, rec: OrderRecord, match: MatchResult, volume: number): string | undefined {
  const order = rec.order;
  const rules = rec.book.rules;
  const base = match.price;
  const budget = rec.sizing === "quote" ? order.quoteAmount! : order.equityFraction! * Math.max(0, freeFunds(state));
  // Impact depends on size; pricing with the largest size it could be keeps the cost within budget.
  const price = match.slips ? slippedPrice(state, base, budget / base, volume, rec.buy, rules) : base;
  const quantity =
    rec.sizing === "quote" ? floorToStep(budget / price, rules.stepSize, rules.stepDecimals) : maxAffordable(state, budget, price, rules);
  if (!(quantity > 0)) return `${rec.sizing === "quote" ? "quoteAmount" : "equityFraction"} buys no whole lot at ${price}`;
  if (quantity < rules.minQuantity) return `resolved quantity ${quantity} is below the minimum quantity ${rules.minQuantity} (LOT_SIZE)`;
  if (quantity > rules.maxQuantity) return `resolved quantity ${quantity} is above the maximum quantity ${rules.maxQuantity} (LOT_SIZE)`;
  if (quantity * price < rules.minNotional) {
    return `resolved order value ${quantity * price} is below the minimum notional ${rules.minNotional} (MIN_NOTIONAL)`;
  }
  order.quantity = quantity;
  return undefined;
}
