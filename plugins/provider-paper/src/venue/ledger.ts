import type { Account } from "@argo/core";
import type { VenueState } from "./venue-state.ts";

/**
 * Equity not tied up in positions, before order reservations. The venue runs without leverage:
 * gross exposure may not exceed equity, so a long uses its cost and a short its value as collateral.
 */
export function freeFunds(state: VenueState): number {
  let value = 0;
  let gross = 0;
  const positioned = state.positioned;
  for (let i = 0; i < positioned.length; i++) {
    const book = positioned[i]!;
    const q = book.position!.quantity;
    const m = markOf(book.mark, book.position!.averagePrice);
    value += q * m;
    gross += Math.abs(q) * m;
  }
  return state.cash + value - gross;
}

/** What new orders may still use: free funds minus the cash open orders reserved. */
export function buyingPower(state: VenueState): number {
  return freeFunds(state) - state.reservedCash;
}

/**
 * The account as callers see it. Sent after every fill, so one pass over the positions gathers what
 * `buyingPower` would sum again (same terms, same order, so the same figure to the last bit).
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
