import type { Database } from "bun:sqlite";
import { FILLS_TABLE } from "./journal-schema.ts";

/**
 * Moves a journal written before fills were keyed by order and id onto the current table. The old table keyed them by id
 * alone and ignored a second fill with a known id: a resumed paper session, whose venue numbers fills from F1 again, lost
 * every fill whose id an earlier session had used. Rows already there are kept as they are.
 */
export function migrateFills(db: Database): void {
  const columns = db.query("PRAGMA table_info(fills)").all() as Array<{ name: string; pk: number }>;
  if (columns.some((column) => column.name === "client_order_id" && column.pk > 0)) return;
  const kept = "id, client_order_id, venue_order_id, symbol, side, quantity, price, fee, time";
  db.transaction(() => {
    db.exec("ALTER TABLE fills RENAME TO fills_by_id");
    db.exec(FILLS_TABLE);
    db.exec(`INSERT OR IGNORE INTO fills (${kept}) SELECT ${kept} FROM fills_by_id ORDER BY rowid`);
    db.exec("DROP TABLE fills_by_id");
  })();
}
