import type { Database } from "bun:sqlite";
import { SESSION_ADDED_COLUMNS } from "./journal-schema.ts";

/**
 * Gives a journal written before sessions recorded their venue and account, or why they ended, those columns, empty
 * (NULL). NULL is "not known": such sessions are not held against any venue or account, and the next session records
 * its own; their end reads as having no reason recorded.
 */
export function migrateSessions(db: Database): void {
  const columns = db.query("PRAGMA table_info(sessions)").all() as Array<{ name: string }>;
  const missing = SESSION_ADDED_COLUMNS.filter(([name]) => !columns.some((column) => column.name === name));
  if (missing.length === 0) return;
  db.transaction(() => {
    for (const [name, type] of missing) db.exec(`ALTER TABLE sessions ADD COLUMN ${name} ${type}`);
  })();
}
