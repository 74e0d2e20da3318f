import { ArgoError, type Order, orderProblem } from "@argo/core";
import { dirname } from "node:path";

/** Where a journal value was read from: the journal file, its table and the row's key as a person would look it up. */
export interface StoredRow {
  path: string;
  table: "orders" | "state" | "risk_state";
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

/** Parses a JSON column of a journal row; a value that is not JSON text is refused with {@link storedRowError}. */
export function parseStoredJson(row: StoredRow, text: unknown): unknown {
  if (typeof text !== "string") return failWith(row, `holds ${text === null ? "NULL" : "a non-text value"} where JSON text belongs`);
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    return failWith(row, `holds text that is not JSON (${(error as Error).message})`, error);
  }
}

/** An order read back from the orders table: JSON with what the restart reads of an order (core's orderProblem), or refused. */
export function parseStoredOrder(path: string, clientOrderId: unknown, text: unknown): Order {
  const row: StoredRow = { path, table: "orders", key: `order ${JSON.stringify(String(clientOrderId))}` };
  const value = withEarlierDefaults(parseStoredJson(row, text));
  const problem = orderProblem(value);
  if (problem !== undefined) return failWith(row, `holds an order that ${problem}`);
  return value as Order;
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
