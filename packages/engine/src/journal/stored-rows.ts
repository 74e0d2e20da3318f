import { ArgoError, type Order, orderProblem } from "@argo/core";
import { dirname } from "node:path";

/** Where a journal value was read from: the journal file, its table and the row's key as a person would look it up. */
export interface StoredRow {
  path: string;
  table: "orders" | "fills" | "state" | "risk_state";
  /** The row named for a person: `order "ag1-3"`, `key "n" of strategy "sma-cross"`. */
  key: string;
}

/**
 * INVALID_DATA for a journal row that cannot be what Argo wrote (changed by hand, or damaged): names the file, the table,
 * the row and what is wrong, and how to go on. Never shows the value: it is whatever someone put there.
 */
export function storedRowError(row: StoredRow, problem: string, cause?: unknown): ArgoError {
  return new ArgoError(
    "INVALID_DATA",
    `session journal ${row.path}: the ${row.table} row of ${row.key} ${problem}; it was changed or damaged outside Argo: ` +
      `repair or delete that row, or move the session directory ${dirname(row.path)} away to start afresh`,
    { details: { path: row.path, table: row.table, key: row.key }, ...(cause === undefined ? {} : { cause }) },
  );
}

/**
 * INVALID_DATA for a journal whose tables are not what Argo writes (one dropped, emptied or made anew outside Argo):
 * names the file, the table and what is wrong, and how to go on.
 */
export function journalTableError(path: string, table: string | undefined, problem: string, details: Record<string, unknown> = {}, cause?: unknown): ArgoError {
  return new ArgoError(
    "INVALID_DATA",
    `session journal ${path}: ${problem}; it was changed or damaged outside Argo: restore the journal from a backup, ` +
      `or move the session directory ${dirname(path)} away to start afresh`,
    { details: { path, ...(table === undefined ? {} : { table }), ...details }, ...(cause === undefined ? {} : { cause }) },
  );
}

/**
 * Parses a JSON column of a journal row; a value that is not JSON text is refused with {@link storedRowError}, and so
 * is one holding a number JSON cannot keep (`1e999` parses to Infinity, which Argo never writes: it stores JSON's null).
 */
export function parseStoredJson(row: StoredRow, text: unknown): unknown {
  if (typeof text !== "string") return failWith(row, `holds ${text === null ? "NULL" : "a non-text value"} where JSON text belongs`);
  let value: unknown;
  try {
    value = JSON.parse(text) as unknown;
  } catch (error) {
    return failWith(row, `holds text that is not JSON (${(error as Error).message})`, error);
  }
  if (hasUnkeptNumber(value)) return failWith(row, "holds a number JSON cannot keep (one past ±1.8e308, read as ±Infinity)");
  return value;
}

/** Whether a parsed JSON value holds a number that is not finite anywhere in it. */
function hasUnkeptNumber(value: unknown): boolean {
  if (typeof value === "number") return !Number.isFinite(value);
  if (typeof value !== "object" || value === null) return false;
  for (const item of Array.isArray(value) ? value : Object.values(value)) if (hasUnkeptNumber(item)) return true;
  return false;
}

/** An orders row as the restart reads it: the columns its JSON must agree with, and the JSON. */
export interface StoredOrderRow {
  client_order_id: unknown;
  venue_order_id: unknown;
  symbol: unknown;
  side: unknown;
  status: unknown;
  quantity: unknown;
  data: unknown;
}

/** The order fields the orders table also keeps in columns of its own, written together with the JSON (Journal.order). */
const ORDER_COLUMNS = [
  ["clientOrderId", "client_order_id"], ["venueOrderId", "venue_order_id"], ["symbol", "symbol"], ["side", "side"], ["status", "status"], ["quantity", "quantity"],
] as const;

/** The SELECT list of an orders row as {@link parseStoredOrder} reads it (prefix each with an alias where joined). */
export const STORED_ORDER_COLUMNS = ["client_order_id", "venue_order_id", "symbol", "side", "status", "quantity", "data"] as const;

/**
 * A column's value as the order's JSON spells it: a venue order id not given yet is written as NULL and left out of the
 * JSON; a quantity stored as NULL (a NaN an earlier version took) reads as 0 in the JSON too (see withEarlierDefaults).
 */
function asInJson(column: (typeof ORDER_COLUMNS)[number][1], value: unknown): unknown {
  if (column === "quantity" && value === null) return 0;
  if (column === "venue_order_id" && value === null) return undefined;
  return value;
}

/**
 * An order read back from the orders table: JSON with what the restart reads of an order (core's orderProblem) that
 * agrees with the row's own columns (the queries select and update rows by them), or refused.
 */
export function parseStoredOrder(path: string, stored: StoredOrderRow): Order {
  const row: StoredRow = { path, table: "orders", key: `order ${JSON.stringify(String(stored.client_order_id))}` };
  const value = withEarlierDefaults(parseStoredJson(row, stored.data));
  const problem = orderProblem(value);
  if (problem !== undefined) return failWith(row, `holds an order that ${problem}`);
  const order = value as Order;
  for (const [field, column] of ORDER_COLUMNS) {
    // A venue order id given as null (a JSON body's "none yet") is the NULL the column holds for an absent one.
    const json = field === "venueOrderId" && order.venueOrderId === null ? undefined : order[field];
    if (json !== asInJson(column, stored[column])) return failWith(row, `holds an order whose ${field} is not the one in the row's ${column} column`);
  }
  return order;
}

/**
 * Earlier versions took a venue's order without `quantity`, `averageFillPrice` or its times (or with NaN there, stored as
 * null) and journaled it so: read back as 0, as a venue reply without them now is not. Argo wrote those rows; refusing
 * them as damaged would stop a session resumed after an upgrade.
 */
const EARLIER_OPTIONAL = ["quantity", "averageFillPrice", "createdAt", "updatedAt"] as const;

function withEarlierDefaults(value: unknown): unknown {
  if (typeof value !== "object" || value === null) return value;
  const order = value as Record<string, unknown>;
  for (const key of EARLIER_OPTIONAL) if (order[key] === undefined || order[key] === null) order[key] = 0;
  return order;
}

function failWith(row: StoredRow, problem: string, cause?: unknown): never {
  throw storedRowError(row, problem, cause);
}
