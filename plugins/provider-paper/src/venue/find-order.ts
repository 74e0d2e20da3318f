import { venueError } from "./errors.ts";
import type { OrderRecord } from "./order-record.ts";
import type { VenueState } from "./venue-state.ts";

const VENUE_ID = /^P([1-9]\d*)$/;
const GENERATED_PREFIX = "paper-";

/** An order by client id, else by venue id ("P<n>"); ORDER_NOT_FOUND when neither matches. */
export function findOrder(state: VenueState, orderId: string): OrderRecord {
  const rec = findByClientId(state, orderId) ?? byVenueId(state, orderId);
  if (rec === undefined) throw venueError(state, "ORDER_NOT_FOUND", `no order with id "${String(orderId)}" at ${state.name}`, { orderId });
  return rec;
}

/**
 * True when `id` is order n's plain generated id "paper-<n>". The venue finds that id by the order's number, so it
 * is not in the client id index (hashing each one was the largest single cost of placing an order without an id).
 */
export function isPlainGeneratedId(id: string, n: number): boolean {
  return id === `${GENERATED_PREFIX}${n}`;
}

/** The order holding a client id: from the index, else the order whose plain generated id it is (isPlainGeneratedId). */
export function findByClientId(state: VenueState, id: string): OrderRecord | undefined {
  const rec = state.byClientId.get(id);
  if (rec !== undefined || typeof id !== "string" || !id.startsWith(GENERATED_PREFIX)) return rec;
  // Number() reads loose forms too ("1e3", " 7"), but a record passes only if it holds `id` as its own plain generated id.
  const candidate = state.byNumber[Number(id.slice(GENERATED_PREFIX.length)) - 1];
  return candidate !== undefined && candidate.order.clientOrderId === id && isPlainGeneratedId(id, candidate.seq) ? candidate : undefined;
}

/** True when an order holds `id` or it is held for a bracket leg or a restored filled order (refused as a duplicate). */
export function idTaken(state: VenueState, id: string): boolean {
  // Ids are held only while bracket entries are open (or after a restore): skip the second lookup when none are.
  const reserved = state.reservedIds;
  return findByClientId(state, id) !== undefined || (reserved.size !== 0 && reserved.has(id));
}

/** The number n of a venue order id "P<n>" (digits, no leading zero), else undefined. */
export function orderNumberOf(venueOrderId: unknown): number | undefined {
  const match = typeof venueOrderId === "string" ? VENUE_ID.exec(venueOrderId) : null;
  return match ? Number(match[1]) : undefined;
}

function byVenueId(state: VenueState, orderId: string): OrderRecord | undefined {
  const number = orderNumberOf(orderId);
  return number === undefined ? undefined : state.byNumber[number - 1];
}
