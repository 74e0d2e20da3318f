import { ArgoError } from "@argo/core";
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

// Quantities this close to zero (relative to the lot) are float noise, not a position.
const DUST = 1e-9;

function toTrade(lot: OpenLot, closedSize: number, price: number, time: number, entryFee: number, exitFee: number): ClosedTrade {
  const fees = entryFee + exitFee;
  const gross = closedSize * (price - lot.entryPrice);
  const grossReturn = Math.sign(closedSize) * (price / lot.entryPrice - 1);
  return {
    size: closedSize,
    entryTime: lot.entryTime,
    exitTime: time,
    entryPrice: lot.entryPrice,
    exitPrice: price,
    pnl: gross - fees,
    returnPct: (grossReturn - fees / (Math.abs(closedSize) * lot.entryPrice)) * 100,
    fees,
    duration: time - lot.entryTime,
  };
}

function mergeExit(previous: ClosedTrade, part: ClosedTrade): ClosedTrade {
  const size = previous.size + part.size;
  const exitPrice = (previous.exitPrice * previous.size + part.exitPrice * part.size) / size;
  const fees = previous.fees + part.fees;
  const grossReturn = Math.sign(size) * (exitPrice / previous.entryPrice - 1);
  return {
    ...previous,
    size,
    exitPrice,
    exitTime: part.exitTime,
    duration: part.exitTime - previous.entryTime,
    fees,
    pnl: previous.pnl + part.pnl,
    returnPct: (grossReturn - fees / (Math.abs(size) * previous.entryPrice)) * 100,
  };
}

function validate(fill: RoundTripFill, index: number, previousTime: number): void {
  const bad = (field: string, problem: string) =>
    new ArgoError("INVALID_DATA", `fills[${index}].${field} ${problem}`, { details: { field: `fills[${index}].${field}` } });
  if (fill.side !== "BUY" && fill.side !== "SELL") throw bad("side", "must be BUY or SELL");
  if (!(fill.quantity > 0) || !Number.isFinite(fill.quantity)) throw bad("quantity", "must be a positive number");
  if (!(fill.price > 0) || !Number.isFinite(fill.price)) throw bad("price", "must be a positive number");
  if (!Number.isFinite(fill.fee)) throw bad("fee", "must be a finite number");
  if (!(fill.time >= previousTime)) throw bad("time", "is before the previous fill's time");
}

/**
 * Builds closed trades from the chronological fills of one symbol the way backtesting.py counts them:
 * every opening order is its own trade; opposite fills close trades first in, first out; a partial
 * close splits a trade (the closed part becomes a trade, the rest stays open); a reversal closes and
 * opens. Fees are shared pro rata by quantity. Fills of the same order are merged into one trade.
 */
export function buildRoundTrips(fills: readonly RoundTripFill[], closeOpenAt?: CloseOpenLots): RoundTrips {
  const lots: OpenLot[] = [];
  const trades: ClosedTrade[] = [];
  let lastClose: { orderId: string; lot: OpenLot } | undefined;
  let previousTime = -Infinity;

  const close = (lot: OpenLot, quantity: number, price: number, time: number, exitFee: number, orderId?: string) => {
    const share = quantity / Math.abs(lot.size);
    const entryFee = lot.entryFee * share;
    const closedSize = Math.sign(lot.size) * quantity;
    const trade = toTrade(lot, closedSize, price, time, entryFee, exitFee);
    lot.size -= closedSize;
    lot.entryFee -= entryFee;
    if (orderId !== undefined && lastClose?.orderId === orderId && lastClose.lot === lot) {
      trades[trades.length - 1] = mergeExit(trades[trades.length - 1]!, trade);
    } else trades.push(trade);
    lastClose = orderId === undefined ? undefined : { orderId, lot };
  };

  fills.forEach((fill, index) => {
    validate(fill, index, previousTime);
    previousTime = fill.time;
    const direction = fill.side === "BUY" ? 1 : -1;
    let remaining = fill.quantity;
    while (remaining > fill.quantity * DUST && lots.length > 0 && Math.sign(lots[0]!.size) !== direction) {
      const lot = lots[0]!;
      const quantity = Math.min(remaining, Math.abs(lot.size));
      close(lot, quantity, fill.price, fill.time, (fill.fee * quantity) / fill.quantity, fill.orderId);
      remaining -= quantity;
      if (Math.abs(lot.size) <= quantity * DUST) lots.shift();
    }
    if (remaining <= fill.quantity * DUST) return;
    const fee = (fill.fee * remaining) / fill.quantity;
    const last = lots[lots.length - 1];
    if (last && fill.orderId !== undefined && last.orderId === fill.orderId && Math.sign(last.size) === direction) {
      const size = last.size + direction * remaining;
      last.entryPrice = (last.entryPrice * last.size + fill.price * direction * remaining) / size;
      last.size = size;
      last.entryFee += fee;
    } else {
      lots.push({ size: direction * remaining, entryPrice: fill.price, entryTime: fill.time, entryFee: fee, ...(fill.orderId === undefined ? {} : { orderId: fill.orderId }) });
    }
  });

  if (closeOpenAt) {
    lastClose = undefined;
    for (const lot of lots.splice(0)) {
      const quantity = Math.abs(lot.size);
      close(lot, quantity, closeOpenAt.price, closeOpenAt.time, closeOpenAt.fee?.(quantity, closeOpenAt.price) ?? 0);
    }
  }
  return { trades, open: lots.map((lot) => ({ ...lot })) };
}
