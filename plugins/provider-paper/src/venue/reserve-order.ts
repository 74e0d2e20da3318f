import type { OrderRequest } from "@argo/core";
import { quoteLots } from "./budget-cap.ts";
import { estimatedSlippedPrice } from "./costs.ts";
import { invalidOrder, venueError } from "./errors.ts";
import { checkFunds, pendingReductionValue, type Reservation, reducibleQuantity, sellable } from "./funds.ts";
import { buyingPower } from "./ledger.ts";
import type { Sizing } from "./order-record.ts";
import { checkQuoteBuy } from "./quote-buy-reservation.ts";
import type { SymbolBook } from "./symbol-book.ts";
import type { VenueState } from "./venue-state.ts";

/** What an order sized at its fill (or needing nothing) reserves. */
export const NO_RESERVATION: Reservation = Object.freeze({ reduce: 0, cash: 0, cashPerUnit: 0 });

/** The price placement checks assume: the limit, else the stop, else the last price (with known slippage for market-style orders). */
export function referencePrice(state: VenueState, book: SymbolBook, request: OrderRequest, buy: boolean): number {
  if (request.limitPrice !== undefined) return request.limitPrice;
  const base = request.stopPrice ?? book.mark;
  return base === base ? estimatedSlippedPrice(state, base, buy, book.rules) : base;
}

/**
 * Checks that an order fits the account at `reference` and returns what it reserves (funds.ts; a quote BUY its whole
 * amount, quote-buy-reservation.ts), or throws INSUFFICIENT_FUNDS, INSUFFICIENT_POSITION, or INVALID_ORDER when a
 * market order has no price to be judged at.
 * Placement and restore (for an order's remaining quantity) both judge orders here.
 */
export function reserve(state: VenueState, book: SymbolBook, request: OrderRequest, buy: boolean, sizing: Sizing, reference: number): Reservation {
  if (sizing === "equity") {
    // Sized at the fill, after the orders placed before it: a reversal's close frees its funds first.
    if (buy ? buyingPower(state, state.now) + pendingReductionValue(state) <= 0 : !state.allowShorting && reducibleQuantity(book, false) <= 0) {
      // A sell's refusal says why as a sized one's does (funds.ts): with shorting off only a long can be sold.
      const why = buy ? "" : `: ${sellable(book)} and shorting is off`;
      throw venueError(state, buy ? "INSUFFICIENT_FUNDS" : "INSUFFICIENT_POSITION", `nothing available to ${buy ? "buy" : "sell"} ${book.symbol} with${why}`, {
        symbol: book.symbol,
      });
    }
    return NO_RESERVATION;
  }
  if (reference !== reference) {
    throw invalidOrder(state, `no price for ${book.symbol} yet: a market order needs a last price to be checked against the account`, {
      field: "type",
    });
  }
  const quantity = judgedQuantity(state, book, request, sizing, reference);
  // A quote BUY reserves its whole amount: at a lower fill price it buys more lots (quote-buy-reservation.ts).
  if (sizing === "quote" && buy) return checkQuoteBuy(state, book, request.quoteAmount!, quantity, reference);
  return checkFunds(state, book, buy, quantity, reference);
}

/**
 * The quantity a quantity- or quote-sized order is judged for at `reference`: its own, or the whole lots its quote amount
 * trades there, by the rule its fill resolves it with (budget-cap.ts quoteLots: a BUY's with the commission), so a
 * quote amount equal to the buying power fits (floored: a reduction reserved off the lot grid would leave what other
 * orders may reduce off it too).
 */
export function judgedQuantity(state: VenueState, book: SymbolBook, request: OrderRequest, sizing: Sizing, reference: number): number {
  return sizing === "quantity" ? request.quantity! : quoteLots(state, request.quoteAmount!, reference, book.rules, request.side === "BUY");
}
