import { venueError } from "./errors.ts";
import { budgetFor, type Reservation, reducibleQuantity, reductionNoise } from "./funds.ts";
import { withinReach } from "./quantity-noise.ts";
import type { SymbolBook } from "./symbol-book.ts";
import type { VenueState } from "./venue-state.ts";

/*
 * A quote BUY's quantity is resolved at its fill price: lower than the price placement judged it at, the same amount buys
 * more lots (budget-cap.ts lets its fills spend up to the amount). Reserving only the whole lots the amount buys at the
 * reference price (up to a lot's worth below the amount) let those fills spend cash another order's reservation counted
 * on, and that order was refused at its own fill. So a quote BUY reserves what is left of its amount, the most it may
 * still spend, fee included; each fill releases what it spent (budget-cap.ts consumeQuoteReservation) and the rest is
 * released when the order ends. Any part of it may cover a short at a low enough price, so all of it is reserved as cash.
 */

/**
 * What a quote BUY with `left` of its amount still to spend sets aside: all of `left` as cash, and of a short the
 * `quantity` it covers (the lots its amount buys at the reference price, or once resolved what is left to fill) as position.
 */
export function quoteBuyReservation(book: SymbolBook, quantity: number, left: number): Reservation {
  const reducible = reducibleQuantity(book, true);
  return { reduce: quantity < reducible ? quantity : reducible, cash: left > 0 ? left : 0, cashPerUnit: 0 };
}

/**
 * Checks that a quote BUY with `left` of its amount to spend fits the account at `reference` and returns what it reserves,
 * or throws INSUFFICIENT_FUNDS when `left` is more than the buying power (plus twice the value of the short it covers,
 * as funds.ts budgetFor counts it). One whose `quantity` only covers a short always fits, as any reduction does.
 * Placement judges the whole amount, restore what is left of it after the order's fills.
 */
export function checkQuoteBuy(state: VenueState, book: SymbolBook, left: number, quantity: number, reference: number): Reservation {
  const reducible = reducibleQuantity(book, true);
  if (!(quantity > 0 && withinReach(quantity, reducible, reductionNoise(book, true)))) {
    const available = budgetFor(state, reducible, reference);
    // Float noise tolerated: restore judges an order that took all of the buying power against figures summed anew.
    if (left > available + 1e-9 * Math.max(1, left)) {
      throw venueError(
        state,
        "INSUFFICIENT_FUNDS",
        `buying ${book.symbol} for quoteAmount ${left} ${state.currency} (fees included) needs that much free; ${Math.max(0, available)} is available`,
        { symbol: book.symbol, quoteAmount: left, price: reference, required: left, available: Math.max(0, available) },
      );
    }
  }
  return quoteBuyReservation(book, quantity, left);
}
