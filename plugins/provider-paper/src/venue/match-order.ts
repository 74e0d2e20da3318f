import type { OrderRecord } from "./order-record.ts";

/** Where and how an order trades in a bar; reused between calls so matching allocates nothing. */
export interface MatchResult {
  /** Price before slippage. */
  price: number;
  /** True for market-style fills (market orders, triggered stops), which slip. */
  slips: boolean;
  /** True when the fill took liquidity (taker fee); false when a resting limit was hit (maker fee). */
  taker: boolean;
}

/**
 * Decides whether `rec` trades in the part of a bar that starts at `start` and spans [low, high],
 * and at what price. Intra-bar assumption (conservative): the bar starts at `start`; a trigger hit
 * inside the range fires at its trigger price, a gap past it fires at `start`. After a mid-bar
 * trigger only the trigger price is known to follow, so a stop-limit then fills in that bar only if
 * its limit is marketable at the trigger; otherwise it rests as a limit from the next bar. After a
 * gap the whole range follows, so it works as a limit over it. Limits: a buy fills at `start` when
 * `start` ≤ limit (taker, the bar opened through it) else at the limit when low ≤ limit (maker);
 * sells mirror it. Marks `rec.triggered` when a trigger fires. The caller makes an IOC or FOK fill a taker's:
 * such an order never rests, so the maker case here does not apply to it (process-bar.ts).
 */
export function matchOrder(rec: OrderRecord, start: number, high: number, low: number, out: MatchResult): boolean {
  const limit = rec.limit;
  const buy = rec.buy;
  if (rec.triggerDir !== 0 && !rec.triggered) {
    const trigger = rec.trigger;
    let gapped: boolean;
    if (rec.triggerDir > 0) {
      if (start >= trigger) gapped = true;
      else if (high >= trigger) gapped = false;
      else return false;
    } else if (start <= trigger) gapped = true;
    else if (low <= trigger) gapped = false;
    else return false;
    rec.triggered = true;
    if (limit !== limit) {
      out.price = gapped ? start : trigger;
      out.slips = true;
      out.taker = true;
      return true;
    }
    if (!gapped) {
      if (buy ? trigger <= limit : trigger >= limit) {
        out.price = trigger;
        out.slips = false;
        out.taker = true;
        return true;
      }
      return false;
    }
  }
  if (limit !== limit) {
    out.price = start;
    out.slips = true;
    out.taker = true;
    return true;
  }
  out.slips = false;
  if (buy ? start <= limit : start >= limit) {
    out.price = start;
    out.taker = true;
    return true;
  }
  if (buy ? low <= limit : high >= limit) {
    out.price = limit;
    out.taker = false;
    return true;
  }
  return false;
}

/**
 * True when `rec` trades at `price` itself: its trigger (if still waiting) fires there and it is then a market order, or
 * its limit is marketable there. Changes nothing (a bracket pair is ordered with it before either leg is matched).
 */
export function marketableAt(rec: OrderRecord, price: number): boolean {
  if (rec.triggerDir !== 0 && !rec.triggered && !(rec.triggerDir > 0 ? price >= rec.trigger : price <= rec.trigger)) return false;
  const limit = rec.limit;
  return limit !== limit || (rec.buy ? price <= limit : price >= limit);
}
