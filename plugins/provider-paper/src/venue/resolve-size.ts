import type { Bar } from "@argo/core";
import { maxAffordable, slippedFillPrice } from "./costs.ts";
import { quoteLots } from "./budget-cap.ts";
import { reducibleQuantity } from "./funds.ts";
import { buyingPower } from "./ledger.ts";
import type { MatchResult } from "./match-order.ts";
import type { OrderRecord } from "./order-record.ts";
import { floorToStep } from "./step-math.ts";
import type { VenueState } from "./venue-state.ts";

/**
 * Turns a quote- or equity-sized order into a quantity at its first fill, rounded down to the lot
 * step, leaving room for the commission (maxAffordable): a quote BUY buys what it pays for, fee included (a quote SELL sells
 * amount ÷ price: its fee comes out of what it receives, budget-cap.ts quoteLots), at the
 * fill price (as placement judged it: reserve-order.ts judgedQuantity); an equity fraction takes that share
 * of what the order could trade then, as `maxQuantity` counts it: buying power at the fill's `time` (equity not tied up in
 * positions nor reserved by other open orders, its own book valued at the fill's price before slippage, other books at prices known then) plus the opposite position it reduces, leaving room
 * for the commission; a sell without shorting stops at the long. Returns a reason when the result
 * breaks a venue rule (the order is then refused at fill time), else undefined after setting `order.quantity` and
 * `rec.budget`, the amount its later fills keep within. `bar`: the bar it fills in (its volume and range for slippage).
 */
export function resolveSize(state: VenueState, rec: OrderRecord, match: MatchResult, bar: Bar, time: number): string | undefined {
  const order = rec.order;
  const rules = rec.book.rules;
  const base = match.price;
  const reducible = rec.sizing === "quote" ? 0 : reducibleQuantity(rec.book, rec.buy);
  // A negative buying power counts as none, so it never shrinks what the reduction itself frees.
  const power = rec.sizing === "quote" ? 0 : Math.max(0, buyingPower(state, time, rec.book, base));
  const budget = rec.sizing === "quote" ? order.quoteAmount! : equityBudget(power, order.equityFraction!, reducible, base);
  // Impact depends on size; pricing with the largest size it could be keeps the cost within budget.
  const price = match.slips ? slippedFillPrice(state, base, budget / base, bar.volume, bar.high, bar.low, rec.buy, rules) : base;
  // The amount it may trade, commission included: later fills keep within it (budget-cap.ts).
  const amount = rec.sizing === "quote" ? budget : equityBudget(power, order.equityFraction!, reducible, price);
  let quantity = rec.sizing === "quote" ? quoteLots(state, amount, price, rules, rec.buy) : maxAffordable(state, amount, price, rules);
  // Floored: the long (one restored from a journal kept under a finer step) or what is left of it may be off the lot grid.
  if (rec.sizing === "equity" && !rec.buy && !state.allowShorting && quantity > reducible) {
    quantity = floorToStep(reducible, rules.stepSize, rules.stepDecimals);
  }
  if (!(quantity > 0)) return `${rec.sizing === "quote" ? "quoteAmount" : "equityFraction"} trades no whole lot at ${price}`;
  if (quantity < rules.minQuantity) return `resolved quantity ${quantity} is below the minimum quantity ${rules.minQuantity} (LOT_SIZE)`;
  if (quantity > rules.maxQuantity) return `resolved quantity ${quantity} is above the maximum quantity ${rules.maxQuantity} (LOT_SIZE)`;
  if (quantity * price < rules.minNotional) {
    return `resolved order value ${quantity * price} is below the minimum notional ${rules.minNotional} (MIN_NOTIONAL)`;
  }
  order.quantity = quantity;
  // An equity order's amount caps what it opens (budget-cap.ts): the part that reduces a position is counted out.
  rec.budget = rec.sizing === "quote" ? amount : amount - (quantity < reducible ? quantity : reducible) * price * (1 + state.worstRate);
  return undefined;
}

/**
 * The equity order's share of funds.ts `budgetFor`: buying power (`power`, at least 0) plus twice the value of the
 * position it reduces (closing frees the collateral and the proceeds).
 */
function equityBudget(power: number, fraction: number, reducible: number, price: number): number {
  return fraction * (power + 2 * reducible * price);
}
