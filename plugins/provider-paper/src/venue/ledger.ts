import type { Account } from "@argo/core";
import type { SymbolBook } from "./symbol-book.ts";
import type { VenueState } from "./venue-state.ts";

/**
 * Equity not tied up in positions, before order reservations, with prices known at `time`. The venue runs without
 * leverage: gross exposure may not exceed equity, so a long uses its cost and a short its value as collateral.
 * Placement passes the clock (every mark is known then); a fill passes its own time, which may come before the close of
 * another symbol's bar of the same time step, fed before this one: that book is valued at its bar's open (valueAt). The
 * fill's own symbol trades at `ownPrice` then (the open, the close, or a limit or stop price inside the bar), which no
 * mark holds yet, as the book is marked after its bar has traded: a fill passes its book as `own` and that price.
 */
export function freeFunds(state: VenueState, time: number, own?: SymbolBook, ownPrice = 0): number {
  let value = 0;
  let gross = 0;
  const positioned = state.positioned;
  for (let i = 0; i < positioned.length; i++) {
    const book = positioned[i]!;
    const q = book.position!.quantity;
    const m = book === own ? ownPrice : valueAt(book, time);
    value += q * m;
    gross += Math.abs(q) * m;
  }
  return state.cash + value - gross;
}

/** What new orders may still use at `time` (see freeFunds, also for `own`): free funds minus the cash open orders reserved. */
export function buyingPower(state: VenueState, time: number, own?: SymbolBook, ownPrice = 0): number {
  return freeFunds(state, time, own, ownPrice) - state.reservedCash;
}

/**
 * The price a positioned book is valued at by `time`: its last close, or the open of the bar that set it when that bar
 * closes after `time` (its close lies in the future then), or the average price before any bar marked it.
 */
function valueAt(book: SymbolBook, time: number): number {
  if (book.markClose > time) return book.openMark;
  const mark = book.mark;
  return mark === mark ? mark : book.position!.averagePrice;
}

/**
 * The account as callers see it, at the clock: after a bar every mark it has seen is known. Sent after every fill, so one
 * pass over the positions gathers what `buyingPower` at the clock would sum again (same terms, same order, so the same
 * figure to the last bit).
 */
export function accountSnapshot(state: VenueState): Account {
  let value = 0;
  let gross = 0;
  let shorts = 0;
  let unrealized = 0;
  const positioned = state.positioned;
  for (let i = 0; i < positioned.length; i++) {
    const book = positioned[i]!;
    const p = book.position!;
    const q = p.quantity;
    const m = markOf(book.mark, p.averagePrice);
    value += q * m;
    gross += Math.abs(q) * m;
    if (q < 0) shorts -= q * m;
    unrealized += (m - p.averagePrice) * q;
  }
  const buyingPower = state.cash + value - gross - state.reservedCash;
  return {
    currency: state.currency,
    balance: state.cash,
    equity: state.cash + value,
    buyingPower: Math.max(0, buyingPower),
    realizedPnl: state.realizedPnl,
    unrealizedPnl: unrealized,
    totalFees: state.totalFees,
    marginUsed: shorts,
    updatedAt: state.now,
  };
}

function markOf(mark: number, fallback: number): number {
  return mark === mark ? mark : fallback;
}
