import { venueError } from "./errors.ts";
import type { OrderRecord } from "./order-record.ts";
import type { VenueState } from "./venue-state.ts";

const VENUE_ID = /^P([1-9]\d*)$/;
const GENERATED_ID = /^paper-([1-9]\d*)$/;

/** An order by client id, else by venue id ("P<n>"); ORDER_NOT_FOUND when neither matches. */
export function findOrder(state: VenueState, orderId: string): OrderRecord {
  const rec = findByClientId(state, orderId) ?? byVenueId(state, orderId);
  if (rec === undefined) throw venueError(state, "ORDER_NOT_FOUND", `no order with id "${String(orderId)}" at ${state.name}`, { orderId });
  return rec;
}

/**
 * The order holding a client id. Ids the venue generated in the plain form "paper-<n>" belong to order
 * number n and are not in the index (hashing each one was the largest single cost of placing an order
 * without an id), so they are found by number, as venue ids are.
 */
export function findByClientId(state: VenueState, id: string): OrderRecord | undefined {
  const rec = state.byClientId.get(id);
  if (rec !== undefined || typeof id !== "string" || !id.startsWith("paper-")) return rec;
  const match = GENERATED_ID.exec(id);
  const candidate = match ? state.byNumber[Number(match[1]) - 1] : undefined;
  return candidate?.order.clientOrderId === id ? candidate : undefined;
}

/** True when an order holds `id` or it is held for a bracket leg or a restored filled order (refused as a duplicate). */
export function idTaken(state: VenueState, id: string): boolean {
  // Ids are held only while bracket entries are open (or after a restore): skip the second lookup when none are.
  const reserved = state.reservedIds;
  return findByClientId(state, id) !== undefined || (reserved.size !== 0 && reserved.has(id));
}

function byVenueId(state: VenueState, orderId: string): OrderRecord | undefined {
  const match = typeof orderId === "string" ? VENUE_ID.exec(orderId) : null;
  return match ? state.byNumber[Number(match[1]) - 1] : undefined;
}
