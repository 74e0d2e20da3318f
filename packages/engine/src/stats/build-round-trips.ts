import { RoundTripBuilder } from "./round-trip-builder.ts";
import type { ClosedTrade } from "./types.ts";

/** One fill of a single symbol, as the round-trip builder reads it. */
export interface RoundTripFill {
  side: "BUY" | "SELL";
  /** Positive quantity. */
  quantity: number;
  price: number;
  /** Fee in cash for the whole fill (negative for a rebate). */
  fee: number;
  time: number;
  /** Fills of one order that open (or close) the same position part are merged into one trade. */
  orderId?: string;
}

/** A position part still open after the last fill. */
export interface OpenLot {
  size: number;
  entryPrice: number;
  entryTime: number;
  /** The part of the entry fee this lot still carries. */
  entryFee: number;
  orderId?: string;
}

/** Closes what is still open at the end, as backtesting.py's `finalize_trades=True` does. */
export interface CloseOpenLots {
  time: number;
  price: number;
  /** Fee for closing `quantity` at `price`; none by default. */
  fee?: (quantity: number, price: number) => number;
}

/** The closed trades, and what is still open (empty when `closeOpenAt` was given). */
export interface RoundTrips {
  trades: ClosedTrade[];
  open: OpenLot[];
}

/**
 * Builds closed trades from the chronological fills of one symbol the way backtesting.py counts them:
 * every opening order is its own trade; opposite fills close trades first in, first out; a partial
 * close splits a trade (the closed part becomes a trade, the rest stays open); a reversal closes and
 * opens. Fees are shared pro rata by quantity. Consecutive fills of one order (no other order's fill between) are merged into one trade.
 */
export function buildRoundTrips(fills: readonly RoundTripFill[], closeOpenAt?: CloseOpenLots): RoundTrips {
  const builder = new RoundTripBuilder();
  for (const fill of fills) builder.add(fill.side, fill.quantity, fill.price, fill.fee, fill.time, fill.orderId);
  if (closeOpenAt) builder.closeAll(closeOpenAt);
  return { trades: builder.trades, open: builder.openLots() };
}
