import { activateLegs } from "./brackets.ts";
import { finishOrder } from "./finish-order.ts";
import type { OrderRecord } from "./order-record.ts";
import type { VenueState } from "./venue-state.ts";

const DAY_MS = 86_400_000;

/** End of the UTC day containing `time`: when a DAY order placed then expires. */
export function endOfUtcDay(time: number): number {
  return Math.floor(time / DAY_MS) * DAY_MS + DAY_MS;
}

/** Tracks a new DAY order so it can expire without a bar of its own symbol. */
export function trackDayOrder(state: VenueState, rec: OrderRecord): void {
  state.dayOrders.push(rec);
  if (rec.expiry < state.nextDayExpiry) state.nextDayExpiry = rec.expiry;
}

/** Expires every open DAY order whose day ended at or before `time`; partly filled entries get their legs. */
export function expireDayOrders(state: VenueState, time: number): void {
  if (time < state.nextDayExpiry) return;
  const list = state.dayOrders;
  let w = 0;
  let next = Number.POSITIVE_INFINITY;
  // `list.length` is read on every turn: DAY orders placed by listeners during the sweep are visited too.
  for (let i = 0; i < list.length; i++) {
    const rec = list[i]!;
    if (!rec.open) continue;
    if (rec.expiry <= time) {
      // A venue expires DAY orders at the session end, however late a bar or tick notices it; the legs
      // of a partly filled entry work from then too, so a bar between the day end and now reaches them.
      const at = expiredAt(rec);
      finishOrder(state, rec, "EXPIRED", undefined, at);
      if (rec.legsArmed) activateLegs(state, rec, at);
      continue;
    }
    if (rec.expiry < next) next = rec.expiry;
    list[w++] = rec;
  }
  list.length = w;
  state.nextDayExpiry = next;
}

/** The day end, or the last fill if a bar reaching past midnight filled the order later: updates never go back in time. */
function expiredAt(rec: OrderRecord): number {
  const last = rec.order.updatedAt;
  return last > rec.expiry ? last : rec.expiry;
}
