import { estimatedFee, maxAffordable, orderCost } from "./costs.ts";
import { venueError } from "./errors.ts";
import { buyingPower } from "./ledger.ts";
import { quantityNoise, withinReach } from "./quantity-noise.ts";
import { floorToStep } from "./step-math.ts";
import type { SymbolBook } from "./symbol-book.ts";
import type { VenueState } from "./venue-state.ts";

/**
 * What a placed order sets aside: position quantity to reduce, cash for the opening part and the fees of the whole order;
 * what of that cash each opening unit releases when filled, and each reducing unit (its share of the fees: none when
 * left out).
 */
export interface Reservation {
  reduce: number;
  cash: number;
  cashPerUnit: number;
  feePerUnit?: number;
}

/** Position quantity an order on this side could still reduce: the opposite position minus what open orders already reserved. */
export function reducibleQuantity(book: SymbolBook, buy: boolean): number {
  const held = book.position?.quantity ?? 0;
  return buy ? Math.max(0, -held - book.reservedBuyReduce) : Math.max(0, held - book.reservedSellReduce);
}

/** Size of the position an order on this side reduces (0 when none). */
export function reducedSize(book: SymbolBook, buy: boolean): number {
  const held = book.position?.quantity ?? 0;
  return buy ? (held < 0 ? -held : 0) : held > 0 ? held : 0;
}

/** The float noise in what an order on this side can reduce (quantity-noise.ts): of the position it reduces, at most half a lot. */
export function reductionNoise(book: SymbolBook, buy: boolean): number {
  return quantityNoise(reducedSize(book, buy), book.rules.stepSize);
}

/**
 * Cash an order may spend on its opening part: buying power, plus twice the value of what it
 * reduces first (closing a position frees both its collateral and, for a short, the cover cost
 * already counted in cash). Placement checks (a quote BUY's too: quote-buy-reservation.ts) and max quantities use
 * this same figure.
 */
export function budgetFor(state: VenueState, reducible: number, price: number): number {
  return buyingPower(state, state.now) + 2 * reducible * price;
}

/**
 * Checks that an order of `quantity` at `price` fits the account and returns what it reserves.
 * Reducing a position always fits (also the exact decimal 0.2 where floats hold 0.19999999999999998 reducible);
 * a sell beyond the long position is INSUFFICIENT_POSITION unless shorting is allowed; the opening part must fit the
 * budget, fees included, or INSUFFICIENT_FUNDS.
 */
export function checkFunds(state: VenueState, book: SymbolBook, buy: boolean, quantity: number, price: number): Reservation {
  const reducible = reducibleQuantity(book, buy);
  const noise = reductionNoise(book, buy);
  if (withinReach(quantity, reducible, noise)) return reservationFor(state, quantity, price, reducible, noise);
  if (!buy && !state.allowShorting) {
    throw venueError(
      state,
      "INSUFFICIENT_POSITION",
      `cannot sell ${quantity} ${book.symbol}: ${sellable(book)} and shorting is off`,
      { symbol: book.symbol, quantity, available: reducible },
    );
  }
  const cost = orderCost(state, quantity, price);
  const budget = budgetFor(state, reducible, price);
  if (cost > budget) {
    throw venueError(
      state,
      "INSUFFICIENT_FUNDS",
      `${buy ? "buying" : "selling short"} ${quantity} ${book.symbol} at ${price} needs ${cost} ${state.currency} with fees; ${Math.max(0, budget)} is available`,
      { symbol: book.symbol, quantity, price, required: cost, available: Math.max(0, budget) },
    );
  }
  return reservationFor(state, quantity, price, reducible, noise);
}

/**
 * What an order of `quantity` at `price` sets aside, without judging whether it fits: the `reducible` position it
 * reduces first, cash for the rest (fees of the whole order included). A rest within `noise` (reductionNoise) opens nothing and sets no cash aside. Placement and restore (through checkFunds) and the re-judging after a
 * fill (rejudge-reductions.ts) all reckon it here.
 */
export function reservationFor(state: VenueState, quantity: number, price: number, reducible: number, noise: number): Reservation {
  const reduce = quantity < reducible ? quantity : reducible;
  const opening = quantity - reduce;
  if (opening <= 0 || withinReach(quantity, reducible, noise)) return { reduce, cash: 0, cashPerUnit: 0 };
  const fee = estimatedFee(state, quantity, price);
  // Each unit carries its share of the fees, the reducing ones too: once these have filled, what stays reserved is what
  // judging the rest alone reserves (restore-orders.ts), not the whole order's fees spread over the opening part.
  const feePerUnit = fee / quantity;
  return { reduce, cash: opening * price + fee, cashPerUnit: price + feePerUnit, feePerUnit };
}

/** Largest quantity an order on this side at `price` could have right now; an order of exactly this size passes `checkFunds`. */
export function maxQuantity(state: VenueState, book: SymbolBook, buy: boolean, price: number): number {
  const reducible = reducibleQuantity(book, buy);
  const lots = reducibleLots(book, buy, reducible);
  if (!buy && !state.allowShorting) return lots;
  const affordable = maxAffordable(state, budgetFor(state, reducible, price), price, book.rules);
  return affordable > lots ? affordable : lots;
}

/**
 * What is reducible as an order could ask for it: on the lot grid when there is one, 0.2 for the 0.19999999999999998
 * floats leave of 0.3 − 0.1 (within reach: checkFunds takes it), never more than that (a position restored off the grid
 * keeps the whole lots below it).
 */
function reducibleLots(book: SymbolBook, buy: boolean, reducible: number): number {
  const { stepSize, stepDecimals } = book.rules;
  if (!(stepSize > 0)) return reducible;
  const lots = floorToStep(reducible, stepSize, stepDecimals);
  return withinReach(lots, reducible, reductionNoise(book, buy)) ? lots : floorToStep(lots - stepSize, stepSize, stepDecimals);
}

/**
 * Value at the last prices of the position quantities open orders will reduce: about what those
 * orders free when they fill (a closed long returns its proceeds, a covered short its collateral).
 */
export function pendingReductionValue(state: VenueState): number {
  let sum = 0;
  const positioned = state.positioned;
  for (let i = 0; i < positioned.length; i++) {
    const book = positioned[i]!;
    const reduce = book.reservedSellReduce + book.reservedBuyReduce;
    if (reduce > 0 && book.mark === book.mark) sum += reduce * book.mark;
  }
  return sum;
}

/** What of a long a sell may still take: `0 available (long 0, 0 reserved by open sell orders)`. */
export function sellable(book: SymbolBook): string {
  const held = Math.max(0, book.position?.quantity ?? 0);
  return `${reducibleQuantity(book, false)} available (long ${held}, ${book.reservedSellReduce} reserved by open sell orders)`;
}
