import type { Order, OrderRequest } from "@argo/core";
import { legIdTaken } from "./leg-ids.ts";
import { checkVenueRules } from "./check-venue-rules.ts";
import { copyRequestFields } from "./copy-request-fields.ts";
import { checkMarketEntryLegs, checkStopNotReached, validateRequest } from "./validate-request.ts";
import { settleClock } from "./day-expiry.ts";
import { assertConnected, invalidOrder, venueError } from "./errors.ts";
import { emit, flushAccount } from "./events.ts";
import { idTaken, orderNumberOf } from "./find-order.ts";
import { bookFor } from "./book-for.ts";
import { enterOrder, newOrderRecord } from "./new-order-record.ts";
import type { Sizing } from "./order-record.ts";
import { referencePrice, reserve } from "./reserve-order.ts";
import { orderSnapshot } from "./snapshots.ts";
import type { VenueState } from "./venue-state.ts";

/**
 * Validates and accepts an order (status ACCEPTED, an order event, then the account when it reserved cash; placed before
 * the venue clock first moved, its order event comes when the clock starts: start-clock.ts) or throws:
 * PROVIDER_NOT_CONNECTED, DUPLICATE_ORDER, INVALID_ORDER, UNKNOWN_SYMBOL, INSUFFICIENT_FUNDS, INSUFFICIENT_POSITION. The
 * id check comes first, so a retried order is told it exists rather than judged again.
 */
export function placeOrder(state: VenueState, request: OrderRequest): Order {
  assertConnected(state);
  // What the clock made due expires before this order is judged (funds it reserved are free again).
  settleClock(state);
  const given = takeClientOrderId(state, request);
  validateRequest(state, request);
  const book = bookFor(state, request.symbol);
  checkMarketEntryLegs(state, request, book.mark);
  checkStopNotReached(state, request, book.mark);
  const buy = request.side === "BUY";
  const type = request.type;
  const reference = referencePrice(state, book, request, buy);
  checkVenueRules(state, request, book.rules, reference);
  const sizing: Sizing = request.quantity !== undefined ? "quantity" : request.quoteAmount !== undefined ? "quote" : "equity";
  const reservation = reserve(state, book, request, buy, sizing, reference);

  const number = state.nextOrderNumber++;
  // Both ids spell the number: convert it once (each conversion allocates, a measurable part of a placement).
  const digits = String(number);
  // The plain generated id carries this order's number (no order was numbered since it was chosen).
  const clientOrderId = given ?? `paper-${digits}`;
  const now = state.now;
  const timeInForce = request.timeInForce ?? "GTC";
  const order: Order = {
    symbol: request.symbol,
    side: request.side,
    type,
    quantity: request.quantity ?? 0,
    timeInForce,
    clientOrderId,
    venueOrderId: `P${digits}`,
    status: "ACCEPTED",
    filledQuantity: 0,
    averageFillPrice: 0,
    fills: [],
    createdAt: now,
    updatedAt: now,
  };
  copyRequestFields(request, order);
  const rec = newOrderRecord(order, number, book, now + state.latencyMs, sizing, reservation, false);
  enterOrder(state, rec, given !== undefined);
  // Cash set aside lowers the buying power: the account follows the order's event (none when it reserved no cash).
  if (rec.resCash > 0) state.accountDue = true;
  // One copy serves the event and the caller: either may change it without reaching the venue's order.
  const snapshot = orderSnapshot(order);
  // Placed before the clock ever moved (stamped 0): its ACCEPTED is told once, dated, when the clock starts (start-clock.ts).
  if (state.listeners.length > 0 && now !== 0) emit(state, { type: "order", order: snapshot });
  flushAccount(state);
  return snapshot;
}

/**
 * The order's client id: the caller's, checked to be free and not of the venue id form "P<n>" (findOrder reads client
 * ids first, so it would shadow an order's venue id), or a generated one. Undefined stands for the plain generated id
 * "paper-<order number>", built once the order is numbered.
 */
function takeClientOrderId(state: VenueState, request: OrderRequest): string | undefined {
  const given = request?.clientOrderId;
  const bracket = request?.takeProfit !== undefined || request?.stopLoss !== undefined;
  if (given === undefined) {
    // Generated numbers never repeat, so only a caller using the same form could have taken this id or its leg ids.
    if (!state.callerUsedGeneratedForm) return undefined;
    const plain = `paper-${state.nextOrderNumber}`;
    let id = plain;
    for (let n = 1; idTaken(state, id) || (bracket && legIdTaken(state, id) !== undefined); n++) id = `paper-${state.nextOrderNumber}-${n}`;
    return id === plain ? undefined : id;
  }
  if (typeof given !== "string" || given.length === 0) throw invalidOrder(state, "clientOrderId must be a non-empty string", { field: "clientOrderId" });
  if (given.startsWith("paper-")) state.callerUsedGeneratedForm = true;
  if (idTaken(state, given)) {
    throw venueError(state, "DUPLICATE_ORDER", `an order with clientOrderId "${given}" already exists; it was not placed again`, { clientOrderId: given });
  }
  const leg = bracket ? legIdTaken(state, given) : undefined;
  if (leg !== undefined) throw venueError(state, "DUPLICATE_ORDER", `the bracket leg id "${leg}" of "${given}" is already in use`, { clientOrderId: leg });
  // After the duplicate checks: a retry of an order restored under such an id (from before this rule) is told it exists.
  if (orderNumberOf(given) !== undefined) {
    throw invalidOrder(
      state,
      `clientOrderId "${given}" has the form of this venue's own order ids (P<n>): getOrder and cancelOrder by venue id would find the wrong order; choose another id`,
      { field: "clientOrderId" },
    );
  }
  return given;
}
