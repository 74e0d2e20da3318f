import type { Bar, Order, Trade } from "@argo/core";
import { applyFill } from "./apply-fill.ts";
import { amountUsed, budgetRoom, consumeQuoteReservation, freeOfBudget } from "./budget-cap.ts";
import { cancelSibling } from "./brackets.ts";
import { slippedFillPrice } from "./costs.ts";
import { emit, emitPositionAndAccount } from "./events.ts";
import { closeRecord, consumeReservation, finishOrder, releaseReservation } from "./finish-order.ts";
import { reducedSize, reductionNoise } from "./funds.ts";
import { freeFunds } from "./ledger.ts";
import type { MatchResult } from "./match-order.ts";
import type { OrderRecord } from "./order-record.ts";
import { rejudgeReductions } from "./rejudge-reductions.ts";
import { resolveSize } from "./resolve-size.ts";
import { quantityNoise, withinReach } from "./quantity-noise.ts";
import { orderSnapshot } from "./snapshots.ts";
import { floorToStep, snapLot } from "./step-math.ts";
import type { VenueState } from "./venue-state.ts";
import { addTrade } from "./trade-history.ts";

/**
 * Fills as much of `rec` as the bar allows at the matched price: capped by the volume share, priced
 * with slippage for market-style fills (within the bar's range: costs.ts slippedFillPrice), charged maker or taker commission, and checked against the
 * account's actual resources at that moment. Emits the order update, the fill, the position and the
 * account, in that order. Returns the quantity filled (0 when nothing traded).
 */
export function executeFill(state: VenueState, rec: OrderRecord, bar: Bar, match: MatchResult, time: number): number {
  const order = rec.order;
  const book = rec.book;
  const rules = book.rules;
  let cap = Number.POSITIVE_INFINITY;
  if (state.maxVolumeShare !== Number.POSITIVE_INFINITY) {
    cap = floorToStep(bar.volume * state.maxVolumeShare, rules.stepSize, rules.stepDecimals);
    // A bar that lets none of it trade (no volume) is no fill: a size resolved at the first fill waits for one.
    if (!(cap > 0)) return 0;
  }
  const sized = rec.sizing !== "quantity";
  // Sized by an earlier fill (or before a restore): this one must keep within what is left of the amount.
  const sizedBefore = sized && order.quantity > 0;
  if (order.quantity === 0 && sized) {
    const problem = resolveSize(state, rec, match, bar, time);
    if (problem !== undefined) return refuse(state, rec, `INVALID_ORDER: ${problem}`, time);
  }
  const remaining = remainingOf(order, rules.stepSize, rules.stepDecimals);
  let quantity = cap < remaining ? cap : remaining;
  if (!(quantity > 0) || (order.timeInForce === "FOK" && quantity < remaining)) return 0;
  let price = match.slips ? slippedFillPrice(state, match.price, quantity, bar.volume, bar.high, bar.low, rec.buy, rules) : match.price;
  // What of the fill an equity-sized order's amount does not cap: the position it reduces (budget-cap.ts).
  const free = sized ? freeOfBudget(rec) : 0;
  if (sizedBefore && free < quantity) {
    // A later fill of a quote- or equity-sized order buys what is left of its amount at this price, no more.
    const room = free + budgetRoom(state, rec, price);
    if (room < quantity && !withinReach(quantity, room, quantityNoise(order.quantity, rules.stepSize))) {
      if (!(room > 0)) return spendAll(state, rec, time);
      quantity = free > 0 ? snapLot(room, order.quantity, rules.stepSize, rules.stepDecimals) : room;
      // A smaller fill moves the price less: a buy pays at most the price the room was counted at.
      if (match.slips) price = slippedFillPrice(state, match.price, quantity, bar.volume, bar.high, bar.low, rec.buy, rules);
    }
  }
  const notional = quantity * price;
  const rateFee = notional * (match.taker ? state.takerRate : state.makerRate);
  let fee = rateFee;
  if (state.minFee > 0) {
    const due = rec.rateFees + rateFee > state.minFee ? rec.rateFees + rateFee : state.minFee;
    fee = due - rec.feesCharged;
  }
  const problem = checkResources(state, rec, quantity, price, match.price, fee, time);
  if (problem !== undefined) return refuse(state, rec, problem, time);

  rec.rateFees += rateFee;
  rec.feesCharged += fee;
  if (sized) rec.spent += amountUsed(rec, quantity, price, fee, free);
  if (rec.sizing === "quote") consumeQuoteReservation(state, rec, quantity, price, fee);
  else consumeReservation(state, rec, quantity);
  const realizedPnl = applyFill(state, book, rec.buy, quantity, price, fee, time);
  const trade: Trade = {
    id: `F${state.nextFillNumber++}`,
    clientOrderId: order.clientOrderId,
    venueOrderId: order.venueOrderId,
    symbol: order.symbol,
    side: order.side,
    quantity,
    price,
    fee,
    feeCurrency: state.currency,
    liquidity: match.taker ? "TAKER" : "MAKER",
    time,
    realizedPnl,
  };
  if (order.strategyName !== undefined) trade.strategyName = order.strategyName;
  Object.freeze(trade);
  addTrade(state.trades, trade);

  const filledBefore = order.filledQuantity;
  order.fills.push(trade);
  order.updatedAt = time;
  let done = quantity === remaining;
  if (!done && sized && !(budgetRoom(state, rec, nextPriceBound(rec, price)) > 0) && !(freeOfBudget(rec) > 0)) {
    // Spent: what is left of its amount buys no whole lot at the best price it may still trade at (nor is a position
    // left for an equity order to reduce), so the order is done at what it filled.
    order.quantity = snapLot(filledBefore + quantity, order.quantity, rules.stepSize, rules.stepDecimals);
    done = true;
  }
  if (done) {
    order.filledQuantity = order.quantity;
    order.averageFillPrice = filledBefore === 0 ? price : (order.averageFillPrice * filledBefore + notional) / order.quantity;
    order.status = "FILLED";
    closeRecord(rec);
    releaseReservation(state, rec);
  } else {
    order.filledQuantity = filledBefore + quantity;
    order.averageFillPrice = (order.averageFillPrice * filledBefore + notional) / order.filledQuantity;
    order.status = "PARTIALLY_FILLED";
  }
  // A position that shrank may hold less than open orders reserved to reduce, one that grew more: they are judged again
  // (as restore would) before anyone hears.
  rejudgeReductions(state, book);
  if (state.listeners.length > 0) {
    const snapshot = orderSnapshot(order);
    emit(state, { type: "order", order: snapshot });
    emit(state, { type: "fill", fill: trade, order: snapshot });
    emitPositionAndAccount(state, book);
  }
  if (rec.isLeg) cancelSibling(state, rec, time);
  return quantity;
}

/**
 * A quote- or equity-sized order whose amount left buys no whole lot at this bar's price ends FILLED at what it filled
 * (its quantity set to that), as Binance's quoteOrderQty order ends with less than a first price implied. Trades nothing.
 */
function spendAll(state: VenueState, rec: OrderRecord, time: number): number {
  rec.order.quantity = rec.order.filledQuantity;
  finishOrder(state, rec, "FILLED", undefined, time);
  return 0;
}

/** Quantity of `order` still to fill, snapped to the lot step (float noise of many partial fills removed). */
export function remainingOf(order: Order, step: number, decimals: number): number {
  return snapLot(order.quantity - order.filledQuantity, order.quantity, step, decimals);
}

/**
 * The fill must fit the account as it is at `time`: its own book valued at the `market` price it trades at (before
 * slippage), other books at prices known then (ledger.ts; reservations aside: they guard placement, and the order's own
 * is among them): reducing a position always fits; the opening part needs free funds,
 * with a long/short sale only where shorting is allowed. Tolerates float noise (quantity-noise.ts for quantities), not real
 * shortfalls.
 */
function checkResources(state: VenueState, rec: OrderRecord, quantity: number, price: number, market: number, fee: number, time: number): string | undefined {
  const reducible = reducedSize(rec.book, rec.buy);
  // A fill above the position by float noise closes it (apply-fill.ts books it flat): it opens nothing.
  if (withinReach(quantity, reducible, reductionNoise(rec.book, rec.buy))) return undefined;
  const reduce = quantity < reducible ? quantity : reducible;
  const opening = quantity - reduce;
  if (!rec.buy && !state.allowShorting) {
    return `INSUFFICIENT_POSITION: selling ${quantity} ${rec.order.symbol} needs a long position of that size; it is ${reducible}`;
  }
  const need = opening * price + fee;
  const available = freeFunds(state, time, rec.book, market) + reduce * price;
  if (need <= available + 1e-9 * Math.max(1, need)) return undefined;
  return `INSUFFICIENT_FUNDS: the fill of ${quantity} at ${price} needs ${need} ${state.currency}, ${available} is free`;
}

// Refused when it would have traded: a partly filled entry's legs start then too (process-bar.ts).
function refuse(state: VenueState, rec: OrderRecord, reason: string, time: number): number {
  finishOrder(state, rec, rec.order.filledQuantity > 0 ? "CANCELLED" : "REJECTED", reason, time);
  return 0;
}

/**
 * The price at which what is left of a sized order's amount trades the most lots: a SELL limit (quote-sized) may still
 * fill at its limit, below a fill that gapped above it, and a lower price sells more lots for the same amount. A BUY, or
 * an order without a limit (its next price unknown), is judged at this fill's price, as before.
 */
function nextPriceBound(rec: OrderRecord, price: number): number {
  return !rec.buy && rec.limit === rec.limit && rec.limit < price ? rec.limit : price;
}
