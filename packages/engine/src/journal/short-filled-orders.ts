import { type Fill, type Order, pastQuantity, TERMINAL_ORDER_STATUSES } from "@argo/core";
import type { Database } from "bun:sqlite";
import { parseStoredOrder } from "./stored-rows.ts";

/** A row of the fills table, as this query reads it. */
interface ShortFillRow {
  id: string;
  client_order_id: string;
  venue_order_id: string | null;
  symbol: string;
  side: Fill["side"];
  quantity: number;
  price: number;
  fee: number;
  time: number;
  fee_currency: string | null;
  liquidity: Fill["liquidity"] | null;
}

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
    .query(`SELECT o.client_order_id, o.data FROM orders o WHERE o.status IN (${final.map(() => "?").join(", ")}) AND o.filled_quantity > 0
      AND o.filled_quantity > COALESCE((SELECT SUM(f.quantity) FROM fills f WHERE f.client_order_id = o.client_order_id), 0)
      ORDER BY o.created_at, o.rowid`)
    .all(...final) as Array<{ client_order_id: unknown; data: unknown }>;
  if (rows.length === 0) return [];
  const fillsOf = db.query("SELECT id, client_order_id, venue_order_id, symbol, side, quantity, price, fee, time, fee_currency, liquidity FROM fills WHERE client_order_id = ? ORDER BY rowid");
  const orders: Order[] = [];
  for (const row of rows) {
    const order = parseStoredOrder(path, row.client_order_id, row.data);
    const booked = (fillsOf.all(row.client_order_id as string) as ShortFillRow[]).map(toFill);
    // Short by float rounding only (fills of 0.1 + 0.2 summing to 0.30000000000000004 - ε): nothing is missing.
    if (!pastQuantity(order.filledQuantity, booked.reduce((sum, fill) => sum + fill.quantity, 0))) continue;
    orders.push({ ...order, fills: booked });
  }
  return orders;
}

function toFill(r: ShortFillRow): Fill {
  return {
    id: r.id, clientOrderId: r.client_order_id, venueOrderId: r.venue_order_id ?? "", symbol: r.symbol, side: r.side,
    quantity: r.quantity, price: r.price, fee: r.fee, time: r.time,
    ...(r.fee_currency === null ? {} : { feeCurrency: r.fee_currency }),
    ...(r.liquidity === null ? {} : { liquidity: r.liquidity }),
  };
}
