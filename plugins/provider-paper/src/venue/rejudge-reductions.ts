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
 * After a fill changed `book`'s position, or an order that reserved part of it to reduce ended: the open orders of a
 * side hold what restore-orders.ts would reserve for them from scratch (in placement order, each reducing what is left of
 * the position). Two ways that drifts, each mended by judging the side again as restore judges it:
 * - reserved beyond the position (a short covered by another order leaves a BUY that reduced it opening a long instead):
 *   that order would open with no cash set aside, and buying power would count that cash as free;
 * - reserved short of it while an order of that side sets cash aside for a part it could reduce (a position that grew
 *   or came back, or another order's reduction let go): that cash is held for nothing, and a session restored from its
 *   journal, judging from scratch, would not hold it, so it had more buying power, and an equity-sized order sized
 *   after the restart came out larger than without it.
 * Returns whether the cash reserved changed (buying power did).
 */
export function rejudgeReductions(state: VenueState, book: SymbolBook): boolean {
  const before = state.reservedCash;
  if (drifted(state, book, true)) rejudgeSide(state, book, true);
  if (drifted(state, book, false)) rejudgeSide(state, book, false);
  return state.reservedCash !== before;
}

/** True when this side's reductions are not what judging it again would reserve (see rejudgeReductions). */
function drifted(state: VenueState, book: SymbolBook, buy: boolean): boolean {
  const reserved = buy ? book.reservedBuyReduce : book.reservedSellReduce;
  const held = reducedSize(book, buy);
  const noise = reductionNoise(book, buy);
  // Reserved beyond the position by float noise only (0.1 + 0.19999999999999998 of a long 0.3) reduces all of it: no order opens.
  if (!withinReach(reserved, held, noise)) return true;
  if (!(held - reserved > noise) || (buy ? book.openBuys : book.openSells) === 0) return false;
  for (const rec of book.orders) {
    if (rec.open && rec.buy === buy && reductionOf(state, book, rec) > rec.resReduce + noise) return true;
  }
  return false;
}

/**
 * Whether a bracket leg's reduction is held by its pair's first leg, still open: a leg whose partner was cancelled (the
 * other leg filled in part) stands alone and holds its own (cancelSibling moved the pair's to it).
 */
function pairedBehind(rec: OrderRecord): boolean {
  return rec.sibling !== undefined && rec.sibling.open && rec.sibling.seq < rec.seq;
}

/**
 * The most of a position `rec` would reserve to reduce when judged again (rejudgeSide): what it has left to fill (a quote
 * order not resolved yet: the lots judged at its reference price); nothing for an equity-sized order or a bracket pair's
 * second leg (the first holds the pair's), nor for an order without a price to judge it at (rejudgeSide leaves it be).
 */
function reductionOf(state: VenueState, book: SymbolBook, rec: OrderRecord): number {
  if (rec.sizing === "equity") return 0;
  const rules = book.rules;
  if (rec.isLeg) return pairedBehind(rec) ? 0 : remainingOf(rec.order, rules.stepSize, rules.stepDecimals);
  const reference = referencePrice(state, book, rec.order, rec.buy);
  if (!(reference > 0)) return 0;
  return rec.order.quantity > 0 ? remainingOf(rec.order, rules.stepSize, rules.stepDecimals) : judgedQuantity(state, book, rec.order, rec.sizing, reference);
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
      if (!pairedBehind(rec)) reserveLegs(state, [rec], remainingOf(order, rules.stepSize, rules.stepDecimals));
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
  rec.resFeePerUnit = reservation.feePerUnit ?? 0;
  holdReservation(state, rec);
}
