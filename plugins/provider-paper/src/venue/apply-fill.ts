import { snapLot } from "./step-math.ts";
import type { SymbolBook } from "./symbol-book.ts";
import type { VenueState } from "./venue-state.ts";

/**
 * Books a fill into cash and the symbol's position (average cost) and returns the PnL it realised.
 * BUY: cash −= qty × price + fee; SELL: cash += qty × price − fee (a short sale's proceeds included).
 * A fill larger than the opposite position closes it and opens the other side at the fill price; one larger by float
 * noise only (quantity-noise.ts: a close of 0.2 against the 0.19999999999999998 floats hold) leaves it flat.
 */
export function applyFill(state: VenueState, book: SymbolBook, buy: boolean, qty: number, price: number, fee: number, time: number): number {
  const value = qty * price;
  state.cash += buy ? -value - fee : value - fee;
  state.totalFees += fee;
  const signed = buy ? qty : -qty;
  const pos = book.position;
  if (pos === undefined) {
    book.position = { quantity: signed, averagePrice: price, realizedPnl: 0, fees: fee, openedAt: time, updatedAt: time };
    state.positioned.push(book);
    return 0;
  }
  const held = pos.quantity;
  pos.updatedAt = time;
  if (held > 0 === buy) {
    const size = Math.abs(held);
    pos.averagePrice = (size * pos.averagePrice + value) / (size + qty);
    pos.quantity = roundQuantity(book, held + signed, size);
    pos.fees += fee;
    return 0;
  }
  const size = Math.abs(held);
  const closed = qty < size ? qty : size;
  const realized = (held > 0 ? price - pos.averagePrice : pos.averagePrice - price) * closed;
  state.realizedPnl += realized;
  const left = roundQuantity(book, held + signed, size);
  if (left !== 0 && left > 0 === held > 0) {
    pos.quantity = left;
    pos.realizedPnl += realized;
    pos.fees += fee;
  } else if (left !== 0) {
    // Reversal: the old position is realised; the new one starts at the fill price with its share of the fee.
    book.position = { quantity: left, averagePrice: price, realizedPnl: 0, fees: (fee * Math.abs(left)) / qty, openedAt: time, updatedAt: time };
  } else {
    book.position = undefined;
    state.positioned.splice(state.positioned.indexOf(book), 1);
  }
  return realized;
}

// Sums of lot multiples drift: snapped back (to the lot grid, or dust against the position to 0) so "flat" is exactly 0.
function roundQuantity(book: SymbolBook, quantity: number, scale: number): number {
  return snapLot(quantity, scale, book.rules.stepSize, book.rules.stepDecimals);
}
