import { venueError } from "./errors.ts";
import type { OrderRecord } from "./order-record.ts";
import type { VenueState } from "./venue-state.ts";

const VENUE_ID = /^P([1-9]\d*)$/;

/** An order by client id, else by venue id ("P<n>"); ORDER_NOT_FOUND when neither matches. */
export function findOrder(state: VenueState, orderId: string): OrderRecord {
  const rec = state.byClientId.get(orderId) ?? byVenueId(state, orderId);
  if (rec === undefined) throw venueError(state, "ORDER_NOT_FOUND", `no order with id "${String(orderId)}" at ${state.name}`, { orderId });
  return rec;
}

function byVenueId(state: VenueState, orderId: string): OrderRecord | undefined {
  const match = typeof orderId === "string" ? VENUE_ID.exec(orderId) : null;
  return match ? state.byNumber[Number(match[1]) - 1] : undefined;
}
