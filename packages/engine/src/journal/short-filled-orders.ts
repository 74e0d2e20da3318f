import { type Order, pastQuantity, TERMINAL_ORDER_STATUSES } from "@argo/core";
import type { Database } from "bun:sqlite";
import { FILL_COLUMNS, type FillRow, toFill } from "./fill-rows.ts";
import { parseStoredOrder, STORED_ORDER_COLUMNS, type StoredOrderRow } from "./stored-rows.ts";

/**
 * Orders recorded with a final status whose filled quantity is more than the journal's fills of them add up to: a venue
 * whose order events carry no fills list reported the order filled, and the session stopped before the execution event
 * came. Each comes with the journal's fills of it in place of those its record lists: a fill listed there was not
 * necessarily booked (a session before fills were booked from order events), and the restart's lookup must book what
 * the journal lacks, no more. One indexed sum per finished order with a fill; a backtest never resumes a journal.
 */
export function shortFilledOrders(db: Database, path: string): Order[] {
  const final = [...TERMINAL_ORDER_STATUSES];
  const rows = db
    .query(`SELECT ${STORED_ORDER_COLUMNS.map((c) => `o.${c}`).join(", ")} FROM orders o WHERE o.status IN (${final.map(() => "?").join(", ")}) AND o.filled_quantity > 0
      AND o.filled_quantity > COALESCE((SELECT SUM(f.quantity) FROM fills f WHERE f.client_order_id = o.client_order_id), 0)
      ORDER BY o.created_at, o.rowid`)
    .all(...final) as StoredOrderRow[];
  if (rows.length === 0) return [];
  const fillsOf = db.query(`SELECT ${FILL_COLUMNS.join(", ")} FROM fills WHERE client_order_id = ? ORDER BY rowid`);
  const orders: Order[] = [];
  for (const row of rows) {
    const order = readableOrder(path, row);
    // A final row an earlier version wrote unchecked (a side spelt "buy", say): no start read final
    // rows before, so one this lookup cannot use must not stop the session; it stays as recorded.
    if (order === undefined) continue;
    const booked = (fillsOf.all(row.client_order_id as string) as FillRow[]).map(toFill);
    // Short by float rounding only (fills of 0.1 + 0.2 summing to 0.30000000000000004 - ε): nothing is missing.
    if (!pastQuantity(order.filledQuantity, booked.reduce((sum, fill) => sum + fill.quantity, 0))) continue;
    orders.push({ ...order, fills: booked });
  }
  return orders;
}

function readableOrder(path: string, row: StoredOrderRow): Order | undefined {
  try {
    return parseStoredOrder(path, row);
  } catch {
    return undefined;
  }
}
