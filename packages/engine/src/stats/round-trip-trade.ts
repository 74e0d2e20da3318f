import type { ClosedTrade } from "./types.ts";
import { sign } from "./stat-math.ts";

/** What a closed trade needs of the lot it closes. */
export interface LotEntry {
  entryPrice: number;
  entryTime: number;
}

/** The trade closing `closedSize` (signed) of a lot at `price`, with its shares of the entry and exit fees. */
export function closedTrade(lot: LotEntry, closedSize: number, price: number, time: number, entryFee: number, exitFee: number): ClosedTrade {
  const fees = entryFee + exitFee;
  const gross = closedSize * (price - lot.entryPrice);
  const grossReturn = sign(closedSize) * (price / lot.entryPrice - 1);
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

/** One trade from two exits of the same lot by the same order: sizes add, the exit price is their weighted mean. */
export function mergeExit(previous: ClosedTrade, part: ClosedTrade): ClosedTrade {
  const size = previous.size + part.size;
  const exitPrice = (previous.exitPrice * previous.size + part.exitPrice * part.size) / size;
  const fees = previous.fees + part.fees;
  const grossReturn = sign(size) * (exitPrice / previous.entryPrice - 1);
  // Written out rather than spread from `previous` (same fields, same order): a spread copies slowly.
  return {
    size,
    entryTime: previous.entryTime,
    exitTime: part.exitTime,
    entryPrice: previous.entryPrice,
    exitPrice,
    pnl: previous.pnl + part.pnl,
    returnPct: (grossReturn - fees / (Math.abs(size) * previous.entryPrice)) * 100,
    fees,
    duration: part.exitTime - previous.entryTime,
  };
}
