import { isArgoError, type Order, type OrderRequest } from "@argo/core";
import { pairLegs, reserveLegs } from "./brackets.ts";
import { checkVenueRules } from "./check-venue-rules.ts";
import { idTaken, isPlainGeneratedId } from "./find-order.ts";
import type { Reservation } from "./funds.ts";
import { legIdTaken } from "./leg-ids.ts";
import { enterOrder, newOrderRecord } from "./new-order-record.ts";
import type { OrderRecord, Sizing } from "./order-record.ts";
import { checkQuoteBuy } from "./quote-buy-reservation.ts";
import { NO_RESERVATION, referencePrice, reserve } from "./reserve-order.ts";
import { type HeldBefore, restoredEquityBudget, usedOfAmount } from "./restore-budget.ts";
import { restorableNumberOf } from "./restore-ids.ts";
import { requestOf, restorableRemaining, wellFormedOrder } from "./restore-order-shape.ts";
import { orderSnapshot } from "./snapshots.ts";
import { createSymbolBook, type SymbolBook } from "./symbol-book.ts";
import { resolveSymbolRules } from "./symbol-rules.ts";
import { validateRequest } from "./validate-request.ts";
import type { VenueState } from "./venue-state.ts";

/**
 * Takes back the working orders the account can still carry, as they were (ids, times, status, fills), in the
 * venue's numbering order: that is the order they were placed in, so reservations are made and bars match them
 * in it, as on the original venue. An order placement would now refuse (funds, position, venue rules, unknown
 * symbol, an id already held, a malformed record) is left out without a word: the engine then finds it unknown
 * (ORDER_NOT_FOUND), which is the right report. A quote- or equity-sized order keeps within its amount what its fills
 * left of it (restore-budget.ts; `held`: the positions before the fills of equity-sized orders). Returns the records taken back.
 */
export function restoreOrders(state: VenueState, orders: readonly Order[], held: HeldBefore = new Map()): OrderRecord[] {
  const candidates: Array<{ order: Order; number: number }> = [];
  for (const order of orders) {
    const number = wellFormedOrder(order) ? restorableNumberOf(order.venueOrderId) : undefined;
    if (number !== undefined) candidates.push({ order, number });
  }
  candidates.sort((a, b) => a.number - b.number);
  const restored: OrderRecord[] = [];
  // The first leg taken back per entry: its sibling, numbered right after it, pairs with it.
  const firstLegs = new Map<string, OrderRecord>();
  for (const { order, number } of candidates) {
    const rec = takeBack(state, order, number, held);
    if (rec === undefined) continue;
    commit(state, rec);
    if (rec.isLeg) armLeg(state, rec, firstLegs);
    restored.push(rec);
  }
  return restored;
}

/** The record of `input` as order number `number`, with its reservation worked out, or undefined when it cannot be carried. Changes nothing. */
function takeBack(state: VenueState, input: Order, number: number, held: HeldBefore): OrderRecord | undefined {
  const id = input.clientOrderId;
  if (state.byNumber[number - 1] !== undefined || idTaken(state, id)) return undefined;
  const symbol = input.symbol;
  if (state.allowed !== undefined && !state.allowed.has(symbol)) return undefined;
  // Without a `symbols` list the order itself shows the symbol existed here (the venue accepted it).
  const book = state.books.get(symbol) ?? createSymbolBook(symbol, resolveSymbolRules(state.config, symbol));
  const isLeg = input.parentClientOrderId !== undefined;
  const sizing: Sizing = input.quoteAmount !== undefined ? "quote" : input.equityFraction !== undefined ? "equity" : "quantity";
  const remaining = restorableRemaining(input, book);
  if (remaining === undefined) return undefined;
  if (!isLeg && (input.takeProfit !== undefined || input.stopLoss !== undefined) && legIdTaken(state, id) !== undefined) return undefined;
  // What its fills used of its amount: later fills keep within the rest (budget-cap.ts), a quote BUY reserves it.
  const used = sizing === "quantity" ? 0 : usedOfAmount(input, sizing, held);
  let reservation: Reservation;
  try {
    const request = requestOf(input, isLeg, sizing);
    validateRequest(state, request);
    // Legs are not judged at placement either: activateLegs creates them for the filled entry (their reservation is set in armLeg).
    reservation = isLeg ? NO_RESERVATION : judge(state, book, input, request, sizing, remaining, used);
  } catch (error) {
    if (isArgoError(error)) return undefined;
    throw error;
  }
  const order = orderSnapshot(input);
  // The venue's own copies, frozen as it keeps them: a caller changing the record afterwards changes nothing here.
  order.fills = input.fills.map((fill) => Object.freeze({ ...fill }));
  const rec = newOrderRecord(order, number, book, order.createdAt + (isLeg ? 0 : state.latencyMs), sizing, reservation, isLeg);
  rec.spent = used;
  if (sizing === "equity" && order.quantity > 0) rec.budget = restoredEquityBudget(state, order, held);
  // A stop that triggered says when (a stop-limit may have triggered and rest as a limit); a stop fills only once
  // triggered, so fills tell it too (records written before triggeredAt existed).
  rec.triggered = rec.triggerDir !== 0 && (order.triggeredAt !== undefined || order.filledQuantity > 0);
  for (const fill of order.fills) {
    rec.feesCharged += fill.fee;
    // The commission before the per-order minimum, as execute-fill.ts sums it; a fill not saying its liquidity counts its fee.
    const rate = fill.liquidity === "MAKER" ? state.makerRate : fill.liquidity === "TAKER" ? state.takerRate : Number.NaN;
    rec.rateFees += rate === rate ? fill.quantity * fill.price * rate : fill.fee;
  }
  return rec;
}

/**
 * Judges an entry as placement does, for the quantity still to fill (a resolved quote BUY for what is left of its amount
 * after the `used` part), and returns its reservation (throws as placement would).
 */
function judge(state: VenueState, book: SymbolBook, input: Order, request: OrderRequest, sizing: Sizing, remaining: number, used: number): Reservation {
  const buy = input.side === "BUY";
  const reference = referencePrice(state, book, request, buy);
  checkVenueRules(state, request, book.rules, reference);
  // An order sized at its fill reserved nothing when placed, nor does it once resolved.
  if (sizing === "equity" && input.quantity > 0) return NO_RESERVATION;
  if (sizing !== "quantity" && input.quantity === 0) return reserve(state, book, request, buy, sizing, reference);
  if (sizing === "quote" && buy) return checkQuoteBuy(state, book, input.quoteAmount! - used, remaining, reference);
  return reserve(state, book, { ...request, quantity: remaining }, buy, "quantity", reference);
}

/** Enters a record taken back into the venue as placement does, its book too (takeBack may have opened it). */
function commit(state: VenueState, rec: OrderRecord): void {
  if (!state.books.has(rec.book.symbol)) state.books.set(rec.book.symbol, rec.book);
  enterOrder(state, rec, !isPlainGeneratedId(rec.order.clientOrderId, rec.seq));
}

/**
 * A leg works as activateLegs left it: paired with its entry's other leg (one-cancels-the-other), the pair sharing
 * one reduce reservation held by its first leg, for what is left to fill.
 */
function armLeg(state: VenueState, rec: OrderRecord, firstLegs: Map<string, OrderRecord>): void {
  const parent = rec.order.parentClientOrderId!;
  const first = firstLegs.get(parent);
  if (first !== undefined && first.sibling === undefined && first.order.reason !== rec.order.reason) {
    pairLegs([first, rec]);
    return;
  }
  firstLegs.set(parent, rec);
  reserveLegs(state, [rec], restorableRemaining(rec.order, rec.book) ?? 0);
}
