import { reserveLegs } from "./brackets.ts";
import { remainingOf } from "./execute-fill.ts";
import { releaseReservation } from "./finish-order.ts";
import { type Reservation, reducedSize, reducibleQuantity, reductionNoise, reservationFor } from "./funds.ts";
import { holdReservation } from "./new-order-record.ts";
import type { OrderRecord } from "./order-record.ts";
import { withinReach } from "./quantity-noise.ts";
import { quoteBuyReservation } from "./quote-buy-reservation.ts";
import { judgedQuantity, referencePrice } from "./reserve-order.ts";
import type { SymbolBook } from "./symbol-book.ts";
import type { VenueState } from "./venue-state.ts";

/**
 * After a fill changed `book`'s position: open orders that reserved more of it to reduce than it now holds (a short
 * covered by another order leaves a BUY that reduced it opening a long instead) would open with no cash set aside, and
 * buying power would count that cash as free. The side(s) so affected are judged again as restore judges them.
 */
export function rejudgeReductions(state: VenueState, book: SymbolBook): void {
  // Reserved beyond the position by float noise only (0.1 + 0.19999999999999998 of a long 0.3) reduces all of it: no order opens.
  if (!withinReach(book.reservedBuyReduce, reducedSize(book, true), reductionNoise(book, true))) rejudgeSide(state, book, true);
  if (!withinReach(book.reservedSellReduce, reducedSize(book, false), reductionNoise(book, false))) rejudgeSide(state, book, false);
}

/**
 * Lets go of what every open order on this side of the book reserved, then reserves again in placement order, as
 * restore-orders.ts does for a record's orders: each reduces what is left of the position, and the rest reserves cash
 * (price × quantity + fee, funds.ts; a quote BUY all that is left of its amount). A bracket pair's first leg holds the
 * pair's reduction (brackets.ts); an order sized by equity reserves nothing. No order is refused here: one the account
 * can no longer carry is judged at its fill.
 */
function rejudgeSide(state: VenueState, book: SymbolBook, buy: boolean): void {
  const side: OrderRecord[] = [];
  for (const rec of book.orders) if (rec.open && rec.buy === buy) side.push(rec);
  for (const rec of side) releaseReservation(state, rec);
  // All of this side's reductions were just let go: what is left is float noise.
  if (buy) book.reservedBuyReduce = 0;
  else book.reservedSellReduce = 0;
  const rules = book.rules;
  for (const rec of side) {
    const order = rec.order;
    if (rec.isLeg) {
      if (rec.sibling === undefined || rec.sibling.seq > rec.seq) reserveLegs(state, [rec], remainingOf(order, rules.stepSize, rules.stepDecimals));
      continue;
    }
    if (rec.sizing === "equity") continue;
    const reference = referencePrice(state, book, order, buy);
    // An open market order was judged at a last price, so one is there; a guard, not a case.
    if (!(reference > 0)) continue;
    const quantity = order.quantity > 0 ? remainingOf(order, rules.stepSize, rules.stepDecimals) : judgedQuantity(state, book, order, rec.sizing, reference);
    // A quote BUY keeps all that is left of its amount reserved (quote-buy-reservation.ts).
    if (rec.sizing === "quote" && buy) {
      setReservation(state, rec, quoteBuyReservation(book, quantity, order.quoteAmount! - rec.spent));
      continue;
    }
    const reducible = reducibleQuantity(book, buy);
    // Without shorting a sell cannot open: what it cannot reduce reserves nothing, and its fill is refused.
    const judged = !buy && !state.allowShorting && quantity > reducible ? reducible : quantity;
    setReservation(state, rec, reservationFor(state, judged, reference, reducible, reductionNoise(book, buy)));
  }
}

/** Holds `reservation` as what `rec` now reserves. */
function setReservation(state: VenueState, rec: OrderRecord, reservation: Reservation): void {
  rec.resReduce = reservation.reduce;
  rec.resCash = reservation.cash;
  rec.resCashPerUnit = reservation.cashPerUnit;
  holdReservation(state, rec);
}
