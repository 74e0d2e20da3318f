import { ceilToStep, floorToStep } from "./step-math.ts";
import type { SymbolRules } from "./symbol-rules.ts";
import type { VenueState } from "./venue-state.ts";

/** Fee an order of `quantity` at `price` is assumed to pay at placement: the worse rate, at least the minimum. */
export function estimatedFee(state: VenueState, quantity: number, price: number): number {
  const fee = quantity * price * state.worstRate;
  return fee > state.minFee ? fee : state.minFee;
}

/** Cash an order of `quantity` at `price` needs, fees included. */
export function orderCost(state: VenueState, quantity: number, price: number): number {
  return quantity * price + estimatedFee(state, quantity, price);
}

/**
 * Largest quantity whose cost fits `budget`, rounded down to the lot step. The result is checked
 * with the same cost the placement check uses (orderCost), so an order of exactly this size passes. `minFee`: the
 * per-order minimum fee still to pay (0 for a further fill of an order that has paid it; see budget-cap.ts).
 */
export function maxAffordable(state: VenueState, budget: number, price: number, rules: SymbolRules, minFee = state.minFee): number {
  if (!(budget > 0) || !(price > 0)) return 0;
  const rate = state.worstRate;
  let q = budget / (price * (1 + rate));
  if (minFee > 0) q = Math.min(q, (budget - minFee) / price);
  if (!(q > 0)) return 0;
  q = floorToStep(q, rules.stepSize, rules.stepDecimals);
  // As orderCost reckons it (value, then the fee at the worse rate, at least `minFee`): floorToStep's nudge or rounding may overshoot by a lot or an ulp.
  const cost = (quantity: number) => {
    const fee = quantity * price * rate;
    return quantity * price + (fee > minFee ? fee : minFee);
  };
  for (let i = 0; i < 64 && q > 0 && cost(q) > budget; i++) {
    const lower = rules.stepSize > 0 ? floorToStep(q - rules.stepSize, rules.stepSize, rules.stepDecimals) : q;
    // A lot finer than the quantity's ulp (1e13 units of 1e-10) cannot be taken off: the grid is not representable there.
    q = lower < q ? lower : q * (1 - 4 * Number.EPSILON);
  }
  return q > 0 ? q : 0;
}

/**
 * Price after slippage against the trader: buys pay more, sells get less. Market impact grows with
 * the quantity's share of the bar's volume (a bar without volume counts as fully taken). With a tick
 * size the slipped price is rounded to it, again against the trader. A sell slipped to nothing or below is priced at a
 * tick (or the least positive number): only a placement estimate keeps that; a fill keeps within its bar (slippedFillPrice).
 */
export function slippedPrice(state: VenueState, base: number, quantity: number, volume: number, buy: boolean, rules: SymbolRules): number {
  const model = state.slippage;
  let move: number;
  switch (model.model) {
    case "none":
      return base;
    case "fixed":
      move = model.amount;
      break;
    case "percentage":
      move = base * model.rate;
      break;
    case "market-impact":
      move = base * model.coefficient * (volume > 0 ? quantity / volume : 1) ** model.exponent;
      break;
  }
  if (move === 0) return base;
  if (buy) return rules.tickSize > 0 ? ceilToStep(base + move, rules.tickSize, rules.tickDecimals) : base + move;
  const price = rules.tickSize > 0 ? floorToStep(base - move, rules.tickSize, rules.tickDecimals) : base - move;
  return price > 0 ? price : rules.tickSize > 0 ? rules.tickSize : Number.MIN_VALUE;
}

/**
 * The price a slipping fill in a bar spanning [`low`, `high`] trades at: slippedPrice, but never a price that did not
 * trade there: a sell fills at no less than the bar's low and a buy at no more than its high (a slippage amount as large
 * as the price would otherwise sell for nothing), on the tick grid inside it, and never better than `base`.
 */
export function slippedFillPrice(state: VenueState, base: number, quantity: number, volume: number, high: number, low: number, buy: boolean, rules: SymbolRules): number {
  const price = slippedPrice(state, base, quantity, volume, buy, rules);
  if (buy ? price <= high : price >= low) return price;
  const tick = rules.tickSize;
  if (buy) {
    const ceiling = tick > 0 ? floorToStep(high, tick, rules.tickDecimals) : high;
    return ceiling > base ? ceiling : base;
  }
  const floor = tick > 0 ? ceilToStep(low, tick, rules.tickDecimals) : low;
  return floor < base ? floor : base;
}

/** Slippage a placement check can know before the fill: fixed and percentage models only (impact needs the fill's bar). */
export function estimatedSlippedPrice(state: VenueState, base: number, buy: boolean, rules: SymbolRules): number {
  return state.slippage.model === "market-impact" ? base : slippedPrice(state, base, 0, 0, buy, rules);
}
