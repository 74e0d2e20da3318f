import { ArgoError } from "@argo/core";
import type { CloseOpenLots, OpenLot } from "./build-round-trips.ts";
import { closedTrade, mergeExit } from "./round-trip-trade.ts";
import { isQuantityNoise, quantityDifference, sameQuantity } from "./decimal-quantity.ts";
import { sign } from "./stat-math.ts";
import type { ClosedTrade } from "./types.ts";


/** An open lot as the builder keeps it: always the same fields, so every lot has one shape. */
interface Lot {
  size: number;
  entryPrice: number;
  entryTime: number;
  entryFee: number;
  orderId: string | undefined;
}

function badFill(index: number, field: string, problem: string): ArgoError {
  return new ArgoError("INVALID_DATA", `fills[${index}].${field} ${problem}`, { details: { field: `fills[${index}].${field}` } });
}

/**
 * The fills of one symbol turned into closed trades one fill at a time, the way backtesting.py counts them
 * (see buildRoundTrips). Fills come as plain arguments so a caller holding other fill objects (the venue's)
 * copies none; bad fills throw INVALID_DATA naming `fills[i]`, i counting the fills given to this builder.
 */
export class RoundTripBuilder {
  /** Closed trades so far, in order of exit. */
  readonly trades: ClosedTrade[] = [];
  private readonly lots: Lot[] = [];
  private fillCount = 0;
  private previousTime = -Infinity;
  // The order of the previous fill: only the next fill of that same order merges (an entry into its lot, an exit into
  // its trade). Another order's fill in between may have changed the lot (a scale-in moves its entry price), so a
  // merge across it would put an exit priced against one entry into a trade that shows another.
  private previousOrder: string | undefined;
  // The lot the last close took from, kept only while the fills stay consecutive of one order (cleared otherwise, and
  // never set without an order id): a further fill of that order closing the same lot extends that trade.
  private lastCloseLot: Lot | undefined;

  /** Adds the next fill (chronological): closes opposite lots first in, first out, then opens the rest. */
  add(side: "BUY" | "SELL", quantity: number, price: number, fee: number, time: number, orderId?: string): void {
    const index = this.fillCount++;
    if (side !== "BUY" && side !== "SELL") throw badFill(index, "side", "must be BUY or SELL");
    if (!(quantity > 0) || !Number.isFinite(quantity)) throw badFill(index, "quantity", "must be a positive number");
    if (!(price > 0) || !Number.isFinite(price)) throw badFill(index, "price", "must be a positive number");
    if (!Number.isFinite(fee)) throw badFill(index, "fee", "must be a finite number");
    if (!(time >= this.previousTime)) throw badFill(index, "time", "is before the previous fill's time");
    this.previousTime = time;
    const consecutive = orderId !== undefined && orderId === this.previousOrder;
    this.previousOrder = orderId;
    // Not the previous fill's order: nothing this fill does merges into what came before it.
    if (!consecutive) this.lastCloseLot = undefined;
    const direction = side === "BUY" ? 1 : -1;
    const lots = this.lots;
    let remaining = quantity;
    // Sizes are decimal differences (quantityDifference) and noise is judged by the venue's bound (isQuantityNoise): a
    // lot of one satoshi beside 100 BTC is a lot, not noise, and a difference keeps the decimals the trader asked for.
    while (!isQuantityNoise(remaining, quantity) && lots.length > 0 && sign(lots[0]!.size) !== direction) {
      const lot = lots[0]!;
      const size = Math.abs(lot.size);
      // Within float noise of each other (a lot of 0.3 sold 0.1 at a time holds 0.09999999999999998 at the third),
      // they are the same quantity: the lot closes whole, for exactly what is left of the fill.
      const whole = sameQuantity(size, remaining);
      const part = whole ? remaining : Math.min(remaining, size);
      this.close(lot, part, price, time, (fee * part) / quantity, orderId, whole);
      if (whole) {
        lots.shift();
        return;
      }
      remaining = quantityDifference(remaining, part);
      if (isQuantityNoise(lot.size, part)) lots.shift();
    }
    if (isQuantityNoise(remaining, quantity)) return;
    const entryFee = (fee * remaining) / quantity;
    const last = lots[lots.length - 1];
    if (last && consecutive && last.orderId === orderId && sign(last.size) === direction) {
      const size = quantityDifference(last.size, -direction * remaining);
      last.entryPrice = (last.entryPrice * last.size + price * direction * remaining) / size;
      last.size = size;
      last.entryFee += entryFee;
    } else {
      lots.push({ size: direction * remaining, entryPrice: price, entryTime: time, entryFee, orderId });
    }
  }

  /** Closes every open lot at `at` (backtesting.py's `finalize_trades=True`). */
  closeAll(at: CloseOpenLots): void {
    this.lastCloseLot = undefined;
    this.previousOrder = undefined;
    for (const lot of this.lots.splice(0)) {
      const quantity = Math.abs(lot.size);
      this.close(lot, quantity, at.price, at.time, at.fee?.(quantity, at.price) ?? 0, undefined);
    }
  }

  /** Copies of the lots still open (an order id only where there was one). */
  openLots(): OpenLot[] {
    return this.lots.map(({ orderId, ...lot }) => (orderId === undefined ? lot : { ...lot, orderId }));
  }

  /** Closes `quantity` of `lot` (all of it when `whole`, whatever float noise tells the two apart). */
  private close(lot: Lot, quantity: number, price: number, time: number, exitFee: number, orderId: string | undefined, whole = false): void {
    const entryFee = whole ? lot.entryFee : lot.entryFee * (quantity / Math.abs(lot.size));
    // Whole, the trade is the lot's own size: the fill may carry the venue's float residue (a position of 28.261 − 8.379
    // closed at the end is 19.881999999999998), the lot was trimmed of it.
    const closedSize = whole ? lot.size : sign(lot.size) * quantity;
    const trade = closedTrade(lot, closedSize, price, time, entryFee, exitFee);
    lot.size = whole ? 0 : quantityDifference(lot.size, closedSize);
    lot.entryFee = whole ? 0 : lot.entryFee - entryFee;
    const trades = this.trades;
    if (this.lastCloseLot === lot) trades[trades.length - 1] = mergeExit(trades[trades.length - 1]!, trade);
    else trades.push(trade);
    this.lastCloseLot = orderId === undefined ? undefined : lot;
  }
}
