import type { Fill, VenueRecord } from "@argo/core";
import { findByClientId, isPlainGeneratedId, orderNumberOf } from "./find-order.ts";
import type { OrderRecord } from "./order-record.ts";
import type { VenueState } from "./venue-state.ts";

const FILL_ID = /^F([1-9]\d*)$/;

/**
 * Highest order number restore takes back. Orders live in `byNumber` at index number - 1, one slot per number
 * ever given out, and the client id index stores numbers as 32-bit integers; a session of this venue placing 16.7
 * million orders is far off, so a larger "P<n>" is treated as an id of another form (not this venue's).
 */
const MAX_ORDER_NUMBER = 1 << 24;

/** The order number n of a venue order id "P<n>" this venue could have given out, else undefined. */
export function restorableNumberOf(venueOrderId: unknown): number | undefined {
  const number = orderNumberOf(venueOrderId);
  return number !== undefined && number <= MAX_ORDER_NUMBER ? number : undefined;
}

function fillNumberOf(id: unknown): number | undefined {
  const match = typeof id === "string" ? FILL_ID.exec(id) : null;
  const number = match ? Number(match[1]) : 0;
  return Number.isSafeInteger(number) && number >= 1 ? number : undefined;
}

/**
 * Continues the venue's numbering past every "F<n>" fill id and "P<n>" venue order id in the record, and past its
 * `greatestVenueOrderId` (the journal's orders that ended without a fill are in neither list, and their ids must not
 * name a new order), so ids stay unique over the account's life, and opens `byNumber` up to the highest number. Numbers not taken back
 * (orders that ended, or were left out) stay empty slots: find-order.ts and the client id index read them as
 * no order (ORDER_NOT_FOUND). The slots hold `undefined` rather than being holes: a long holey array falls
 * out of the engine's fast element storage, and every later placement pushes onto this array.
 */
export function continueNumbering(state: VenueState, record: VenueRecord): void {
  let orders = restorableNumberOf(record.greatestVenueOrderId) ?? 0;
  let fills = 0;
  for (const fill of record.fills) {
    fills = Math.max(fills, fillNumberOf(fill.id) ?? 0);
    orders = Math.max(orders, restorableNumberOf(fill.venueOrderId) ?? 0);
  }
  for (const order of record.workingOrders) orders = Math.max(orders, restorableNumberOf(isObject(order) ? order.venueOrderId : undefined) ?? 0);
  state.nextOrderNumber = orders + 1;
  state.nextFillNumber = fills + 1;
  while (state.byNumber.length < orders) state.byNumber.push(undefined);
}

/**
 * Holds the client ids of filled orders restore did not take back (they ended, or were left out), so an order
 * placed again under one is refused as DUPLICATE_ORDER, as the original venue would: a retried order is never
 * placed twice. Orders that ended without a fill are not in the record, so their ids are not held.
 */
export function holdFilledOrderIds(state: VenueState, fills: readonly Fill[]): void {
  for (const fill of fills) {
    if (findByClientId(state, fill.clientOrderId) === undefined) state.reservedIds.add(fill.clientOrderId);
  }
}

/**
 * Generated ids ("paper-<n>") are handed out without a lookup until a caller uses that form (place-order.ts):
 * an id of the form taken back, other than order n's own "paper-<n>", could be one a new order would get.
 */
export function noteGeneratedForm(state: VenueState, fills: readonly Fill[], restored: readonly OrderRecord[]): void {
  const foreign = (clientOrderId: string, number: number | undefined) =>
    clientOrderId.startsWith("paper-") && (number === undefined || !isPlainGeneratedId(clientOrderId, number));
  if (fills.some((fill) => foreign(fill.clientOrderId, restorableNumberOf(fill.venueOrderId))) || restored.some((rec) => foreign(rec.order.clientOrderId, rec.seq))) {
    state.callerUsedGeneratedForm = true;
  }
}

/** True for a non-null object (what a record entry must be before its fields are read). */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

/** True for a non-empty string (what a record's ids and symbols must be). */
export function isId(value: unknown): value is string {
  return typeof value === "string" && value.length > 0;
}

/** True for a number other than NaN and the infinities. */
export function isFiniteNumber(value: unknown): value is number {
  return typeof value === "number" && Number.isFinite(value);
}
