import { type Fill, pastQuantity, type Trade } from "@argo/core";
import type { Database } from "bun:sqlite";
import { FILL_COLUMNS, type FillRow, toFill } from "./fill-rows.ts";
import { storedRowError } from "./stored-rows.ts";

/** A row of the fills table with what the journal holds of the order it filled (all NULL without that order). */
interface FillRowWithOrder extends FillRow {
  /** From the order's recorded JSON: null without the order or its strategy, any JSON value otherwise. */
  strategy_name: unknown;
  order_id: unknown;
  order_quantity: unknown;
}

/**
 * Every fill the journal recorded, oldest first (ties in the order they were written), each with the name of the
 * strategy whose order it filled, checked against its order before a paper venue books it: a fill of an order the
 * orders table does not hold, or one taking its order's fills past the order's quantity (beyond float rounding, as
 * the engine's booked-fills check), is refused (INVALID_DATA naming the file, the fills table and the fill). The engine
 * journals neither, so the row was changed outside Argo, and booking it would trade on cash and positions no order made.
 * An order of quantity 0 (sized by quote amount, not resolved yet) has no quantity to judge against. An order whose
 * record lists a fill the table lost is refused too (see assertListedFillsKept).
 */
export function recordedFills(db: Database, path: string): Array<Fill & Pick<Trade, "strategyName">> {
  assertListedFillsKept(db, path);
  // json_valid first: an order's data changed into text that is not JSON must not fail the read with a bare SQLite error.
  const sql = `SELECT ${FILL_COLUMNS.map((c) => `f.${c}`).join(", ")},
      CASE WHEN json_valid(o.data) THEN json_extract(o.data, '$.strategyName') END AS strategy_name,
      o.client_order_id AS order_id, o.quantity AS order_quantity
    FROM fills f LEFT JOIN orders o ON o.client_order_id = f.client_order_id ORDER BY f.time, f.rowid`;
  const filled = new Map<unknown, number>();
  return (db.query(sql).all() as FillRowWithOrder[]).map((r) => {
    const row = { path, table: "fills" as const, key: `fill ${JSON.stringify(String(r.id))} of order ${JSON.stringify(String(r.client_order_id))}` };
    if (r.order_id === null) throw storedRowError(row, "is a fill of an order the orders table does not hold");
    // A quantity that is no number is the paper venue's to refuse, naming the field.
    if (typeof r.quantity === "number" && typeof r.order_quantity === "number" && r.order_quantity > 0) {
      const total = (filled.get(r.order_id) ?? 0) + r.quantity;
      if (pastQuantity(total, r.order_quantity)) {
        throw storedRowError(row, `takes its order's fills to ${total}, past the order's quantity ${r.order_quantity}`);
      }
      filled.set(r.order_id, total);
    }
    return { ...toFill(r), ...(typeof r.strategy_name === "string" ? { strategyName: r.strategy_name } : {}) };
  });
}

/**
 * Refuses a journal whose order record lists a fill the fills table does not hold while its fills there fall short of
 * its filled quantity (INVALID_DATA naming the file, the orders row and the fill): a fill row deleted outside Argo, which
 * a paper account rebuilt from the fills alone would never have paid for or held. A simulator reports an order's state
 * and its fill in one call, so both are written in one batch, and a fill the engine refuses is taken out of the state it
 * writes (RefusedFills): only the journal can have lost it. Not judged in a journal a session wrote before sessions
 * recorded their venue (a NULL venue): those versions lost a resumed paper session's fills whose ids an earlier session
 * had used (migrate-fills.ts), and such a journal must still open. A network venue's journal is not read here: its short
 * orders are asked about at the restart (short-filled-orders.ts), and the venue's answer books what is missing.
 * Only orders whose fills fall short are parsed: one indexed sum per order with a filled quantity.
 */
function assertListedFillsKept(db: Database, path: string): void {
  if (db.query("SELECT 1 FROM sessions WHERE venue IS NULL LIMIT 1").get() !== null) return;
  const short = db
    .query(`SELECT o.client_order_id AS id, o.filled_quantity AS filled, o.data FROM orders o WHERE o.filled_quantity > 0
      AND o.filled_quantity > COALESCE((SELECT SUM(f.quantity) FROM fills f WHERE f.client_order_id = o.client_order_id), 0)
      ORDER BY o.created_at, o.rowid`)
    .all() as Array<{ id: unknown; filled: unknown; data: unknown }>;
  if (short.length === 0) return;
  const held = db.query("SELECT 1 FROM fills WHERE client_order_id = ? AND id = ?");
  for (const order of short) {
    for (const fillId of listedFillIds(order.data)) {
      if (held.get(order.id as string, fillId) !== null) continue;
      const row = { path, table: "orders" as const, key: `order ${JSON.stringify(String(order.id))}` };
      throw storedRowError(row, `lists fill ${JSON.stringify(fillId)} of its filled quantity ${String(order.filled)}, which the fills table does not hold (a fills row deleted?)`);
    }
  }
}

/** The ids of the fills an order's recorded JSON lists; none from text that is not such JSON (that is the order reader's to refuse). */
function listedFillIds(data: unknown): string[] {
  if (typeof data !== "string") return [];
  let order: unknown;
  try {
    order = JSON.parse(data) as unknown;
  } catch {
    return [];
  }
  const fills = (order as { fills?: unknown } | null)?.fills;
  if (!Array.isArray(fills)) return [];
  return fills.flatMap((fill: unknown) => {
    const id = (fill as { id?: unknown } | null)?.id;
    return typeof id === "string" ? [id] : [];
  });
}
