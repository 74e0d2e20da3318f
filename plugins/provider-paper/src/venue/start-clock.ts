import { endOfUtcDay } from "./day-expiry.ts";
import { emitOrder } from "./events.ts";
import type { OrderRecord } from "./order-record.ts";
import type { VenueState } from "./venue-state.ts";

/**
 * Moves the venue clock forward to `time` (never back); on its first move from 0 it dates the orders placed before, as
 * of `placedFrom` (startClock). `placedFrom` is `time` for setTime, and a bar's open when the bar moves the clock.
 */
export function advanceClock(state: VenueState, time: number, placedFrom = time): void {
  if (!(time > state.now)) return;
  const first = state.now === 0;
  state.now = time;
  if (first) startClock(state, placedFrom);
}

/**
 * Called right after the venue clock first moved from 0 (to `time`: a bar's open, or what setTime was given): dates the
 * orders placed before. Until then the venue has no time (a live session places orders in `init` before any bar), so such
 * an order was stamped 0: it would have arrived in 1970 (eligible at the first bar's open whatever the latency), and a DAY
 * order's day would have ended then, expiring it at the first bar. As a backtest's `init` sits at its first bar's open,
 * and a real venue holds an order placed outside the session for the next one, it is placed as of `time`: stamped `time`
 * (created and updated), arriving `latencyMs` after it, a DAY order living through that UTC day. Each is reported here in
 * its one ACCEPTED order event, dated, so the session journal records the date a restore takes back: placement held back
 * its event (place-order.ts), which would have told ACCEPTED twice, the first time with a date that never held. The
 * orders are told in the venue's numbering (placement) order.
 */
function startClock(state: VenueState, time: number): void {
  if (!(time > 0)) return;
  const dated: OrderRecord[] = [];
  for (const book of state.books.values()) {
    for (const rec of book.orders) {
      if (!rec.open || rec.order.createdAt !== 0) continue;
      rec.order.createdAt = time;
      rec.order.updatedAt = time;
      rec.arrival = time + state.latencyMs;
      if (rec.order.timeInForce === "DAY") rec.expiry = endOfUtcDay(time);
      dated.push(rec);
    }
  }
  if (dated.length === 0) return;
  let next = Number.POSITIVE_INFINITY;
  for (const rec of state.dayOrders) if (rec.open && rec.expiry < next) next = rec.expiry;
  state.nextDayExpiry = next;
  // After all are dated: a listener told of the first may read the others. Books hold them by symbol: told by number.
  if (dated.length > 1) dated.sort((a, b) => a.seq - b.seq);
  for (const rec of dated) emitOrder(state, rec.order);
}
