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
 * An order of quantity 0 (sized by quote amount, not resolved yet) has no quantity to judge against.
 */
export function recordedFills(db: Database, path: string): Array<Fill & Pick<Trade, "strategyName">> {
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
