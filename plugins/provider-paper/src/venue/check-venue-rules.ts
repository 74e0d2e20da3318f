import type { OrderRequest } from "@argo/core";
import { invalidOrder } from "./errors.ts";
import { isMultipleOf } from "./step-math.ts";
import type { SymbolRules } from "./symbol-rules.ts";
import type { VenueState } from "./venue-state.ts";

/**
 * Enforces a symbol's venue rules the way Binance's filters do: PRICE_FILTER (tick size) on every
 * price, LOT_SIZE (step, min, max) on the quantity, MIN_NOTIONAL on quantity × reference price
 * (the limit, the stop, or for market orders the last price). Quote-sized orders meet MIN_NOTIONAL
 * with their amount; their quantity is checked when resolved at the fill.
 */
export function checkVenueRules(state: VenueState, request: OrderRequest, rules: SymbolRules, referencePrice: number): void {
  const symbol = request.symbol;
  if (rules.tickSize > 0) {
    tick(state, symbol, "limitPrice", request.limitPrice, rules.tickSize);
    tick(state, symbol, "stopPrice", request.stopPrice, rules.tickSize);
    tick(state, symbol, "takeProfit.triggerPrice", request.takeProfit?.triggerPrice, rules.tickSize);
    tick(state, symbol, "takeProfit.limitPrice", request.takeProfit?.limitPrice, rules.tickSize);
    tick(state, symbol, "stopLoss.triggerPrice", request.stopLoss?.triggerPrice, rules.tickSize);
    tick(state, symbol, "stopLoss.limitPrice", request.stopLoss?.limitPrice, rules.tickSize);
  }
  const quantity = request.quantity;
  if (quantity !== undefined) {
    if (rules.stepSize > 0 && !isMultipleOf(quantity, rules.stepSize)) {
      throw rule(state, "LOT_SIZE", `quantity ${quantity} of ${symbol} is not a multiple of the step size ${rules.stepSize}`, "quantity", quantity, rules.stepSize);
    }
    // Within float noise of zero steps counts as a multiple (zero of them): a quantity short of one step is no lot at all.
    if (rules.stepSize > 0 && quantity < rules.stepSize / 2) {
      throw rule(state, "LOT_SIZE", `quantity ${quantity} of ${symbol} is below one step size ${rules.stepSize}`, "quantity", quantity, rules.stepSize);
    }
    if (quantity < rules.minQuantity) {
      throw rule(state, "LOT_SIZE", `quantity ${quantity} of ${symbol} is below the minimum quantity ${rules.minQuantity}`, "quantity", quantity, rules.minQuantity);
    }
    if (quantity > rules.maxQuantity) {
      throw rule(state, "LOT_SIZE", `quantity ${quantity} of ${symbol} is above the maximum quantity ${rules.maxQuantity}`, "quantity", quantity, rules.maxQuantity);
    }
  }
  if (rules.minNotional > 0) {
    const notional = request.quoteAmount ?? (quantity !== undefined ? quantity * referencePrice : Number.POSITIVE_INFINITY);
    if (notional < rules.minNotional) {
      throw rule(
        state,
        "MIN_NOTIONAL",
        `order value ${notional} of ${symbol} is below the minimum notional ${rules.minNotional}`,
        "quantity",
        notional,
        rules.minNotional,
      );
    }
  }
}

function tick(state: VenueState, symbol: string, field: string, price: number | undefined, tickSize: number): void {
  if (price === undefined || isMultipleOf(price, tickSize)) return;
  throw rule(state, "PRICE_FILTER", `${field} ${price} of ${symbol} is not a multiple of the tick size ${tickSize}`, field, price, tickSize);
}

function rule(state: VenueState, name: string, message: string, field: string, value: number, limit: number) {
  return invalidOrder(state, `${message} (${name})`, { rule: name, field, value, limit });
}
